/**
 * The background as the browser runs it, on WXT's fake browser: the real router, handlers,
 * session storage, badge and LibraryService (on a fresh fake-indexeddb database per test,
 * seeded with the bundled corpus). Messages go in through runtime.onMessage.trigger.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { showBadge } from '../../../lib/extension/badge';
import { createBackgroundHandlers, type BackgroundDeps } from '../../../lib/extension/background-handlers';
import { SEED_FILES } from '../../../lib/extension/seed-files';
import { sessionTabResults } from '../../../lib/extension/tab-results';
import { watchTabs } from '../../../lib/extension/tab-lifecycle';
import { openLibraryDb } from '../../../lib/library/db';
import { createLibraryHandlers } from '../../../lib/library/handlers';
import { LibraryService } from '../../../lib/library/service';
import { createMessageRouter } from '../../../lib/messaging/router';
import type { MessageSender } from '../../../lib/messaging/sender';
import type { Reply } from '../../../lib/protocol';
import { loadSettings } from '../../../lib/settings';

let databaseCount = 0;

export interface TestBackground {
  library: LibraryService;
  /** Delivers a message as the browser would and returns the listener's reply. */
  send(message: unknown, sender: MessageSender): Promise<Reply<unknown>>;
}

export async function startTestBackground(overrides: Partial<BackgroundDeps> = {}): Promise<TestBackground> {
  fakeBrowser.reset();
  const library = await LibraryService.open(await openLibraryDb(`background-test-${++databaseCount}`), SEED_FILES);
  const getLibrary = async () => library;
  const handlers = createBackgroundHandlers({
    library: getLibrary,
    settings: loadSettings,
    tabResults: sessionTabResults,
    showBadge,
    requestScan: async () => {},
    showOnPage: async () => {
      throw new Error('No page to mark in unit tests.');
    },
    libraryHandlers: createLibraryHandlers(getLibrary),
    ...overrides,
  });
  const route = createMessageRouter(handlers, { id: fakeBrowser.runtime.id, origin: fakeBrowser.runtime.getURL('/') });
  fakeBrowser.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => route(message, sender));
  watchTabs(sessionTabResults, showBadge);
  return {
    library,
    send: deliver,
  };
}

/**
 * Triggers runtime.onMessage as the browser would (with a sendResponse, as TOOLCHAIN.md
 * advises, so this works across fake-browser versions) and returns the first reply.
 */
export async function deliver(message: unknown, sender: MessageSender): Promise<Reply<unknown>> {
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
  const replies = await trigger(message, sender, () => {});
  return replies[0] as Reply<unknown>;
}

export const fromPopup: MessageSender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };

export function fromPage(tabId: number, url: string): MessageSender {
  return { id: fakeBrowser.runtime.id, url, frameId: 0, tab: { id: tabId, url } as MessageSender['tab'] };
}

export function valueOf<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`Expected a value, got the error: ${reply.error}`);
  return reply.value as T;
}

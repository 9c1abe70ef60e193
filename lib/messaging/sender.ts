/**
 * Who sent a message: a content script in a web page, one of our own extension pages, or
 * someone we do not serve. Privileges follow from this (lib/messaging/router.ts): web pages
 * may report what they hold, only extension pages may read or change the library.
 */
import type { Runtime } from 'webextension-polyfill';

export type MessageSender = Pick<Runtime.MessageSender, 'id' | 'url' | 'tab' | 'frameId'>;

export type SenderKind =
  | { kind: 'content'; tabId: number; url: string; incognito: boolean }
  | { kind: 'extension-page' }
  | { kind: 'unknown' };

export interface ExtensionIdentity {
  id: string;
  /** `browser.runtime.getURL('/')`: chrome-extension://<id>/ or moz-extension://<uuid>/. */
  origin: string;
}

export function classifySender(sender: MessageSender, self: ExtensionIdentity): SenderKind {
  if (sender.id !== self.id) return { kind: 'unknown' };
  const url = sender.url ?? '';
  if (url.startsWith(self.origin)) return { kind: 'extension-page' };
  const tabId = sender.tab?.id;
  // Only the top frame's content script speaks for a tab: we never inject into frames, so a
  // message from a frame is not ours to trust.
  const topFrame = sender.frameId === undefined || sender.frameId === 0;
  if (typeof tabId === 'number' && tabId >= 0 && topFrame && /^https?:\/\//i.test(url)) {
    // A private (incognito) window's page: nothing of it may be written to lasting storage.
    return { kind: 'content', tabId, url, incognito: sender.tab?.incognito === true };
  }
  return { kind: 'unknown' };
}

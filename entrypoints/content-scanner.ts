/**
 * The content script, run in every http(s) page once it is idle (declared in wxt.config.ts):
 * wires the page's document, the settings and the messaging client to the scanner in
 * lib/extension/content.
 *
 * An unlisted script rather than WXT's defineContentScript: WXT's ContentScriptContext posts a
 * window message and dispatches a DOM event carrying the extension's id when it starts, and
 * stops the script when the page sends the same; any page could detect the extension and
 * switch it off. lib/extension/content/lifecycle.ts retires old scripts without the page.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startContentScanner } from '../lib/extension/content/content-scanner';
import { claimPage } from '../lib/extension/content/lifecycle';
import { createPageHost } from '../lib/extension/content/page-host';
import { sendMessage } from '../lib/messaging/client';
import { fail, ok } from '../lib/messaging/reply';
import { createHighlighter } from '../lib/extension/content/highlight/highlighter';
import type { BackgroundToContent } from '../lib/protocol';
import { loadSettings } from '../lib/settings';

export default defineUnlistedScript(() => {
  const lifecycle = claimPage(globalThis, () => {
    try {
      return browser.runtime?.id !== undefined;
    } catch {
      // Firefox turns an unloaded extension's objects into dead objects that throw when touched.
      return false;
    }
  });
  const host = createPageHost(window, lifecycle);
  const scanner = startContentScanner({
    document,
    currentUrl: () => location.href,
    loadSettings,
    send: sendMessage,
    host,
  });
  const highlighter = createHighlighter(document);
  // Marks belong to the page shown when asked, and to this copy of the script.
  host.onLocationChange(() => highlighter.off());
  // Only our background may ask for a scan (the user clicked "Scan this page") or a highlight ("Show on the page").
  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (!lifecycle.alive || sender.id !== browser.runtime.id) return undefined;
    const request = message as ({ type?: unknown; force?: unknown } & Partial<BackgroundToContent['content/highlight']['request']>) | null;
    if (request?.type === 'content/highlight' && request.plan) {
      return Promise.resolve().then(() => ok(highlighter.show(request.plan!, request.toggle))).catch(fail);
    }
    if (request?.type !== 'content/scan') return undefined;
    scanner.scanNow({ force: request.force === true });
    return Promise.resolve(ok(null));
  };
  browser.runtime.onMessage.addListener(onMessage);
  lifecycle.onRetire(() => {
    scanner.stop();
    highlighter.off();
    // An orphaned script's runtime may be gone altogether: nothing to remove then.
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      /* the extension is gone with its listeners */
    }
  });
});

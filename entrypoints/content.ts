/**
 * Runs in every http(s) page once it is idle: wires the page's document, the settings and
 * the messaging client to the scanner in lib/extension/content.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScanner } from '../lib/extension/content/content-scanner';
import { sendMessage } from '../lib/messaging/client';
import { fail, ok } from '../lib/messaging/reply';
import { createHighlighter } from '../lib/extension/content/highlight/highlighter';
import type { BackgroundToContent } from '../lib/protocol';
import { loadSettings } from '../lib/settings';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const scanner = startContentScanner({
      document,
      currentUrl: () => location.href,
      loadSettings,
      send: sendMessage,
      host: {
        setTimeout: (handler, timeout) => ctx.setTimeout(handler, timeout),
        requestIdleCallback: (callback, options) => ctx.requestIdleCallback(callback, options),
        onLocationChange: (callback) => ctx.addEventListener(window, 'wxt:locationchange', callback),
      },
    });
    const highlighter = createHighlighter(document);
    // Marks belong to the page shown when asked, and to this copy of the script.
    ctx.addEventListener(window, 'wxt:locationchange', () => highlighter.off());
    ctx.onInvalidated(() => highlighter.off());
    // Only our background may ask for a scan (the user clicked "Scan this page") or a highlight ("Show on the page").
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const request = message as ({ type?: unknown } & Partial<BackgroundToContent['content/highlight']['request']>) | null;
      if (request?.type === 'content/highlight' && request.plan) {
        return Promise.resolve().then(() => ok(highlighter.show(request.plan!, request.toggle))).catch(fail);
      }
      if (request?.type !== 'content/scan') return undefined;
      scanner.scanNow();
      return Promise.resolve(ok(null));
    });
  },
});

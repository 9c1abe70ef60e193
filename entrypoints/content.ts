/**
 * Runs in every http(s) page once it is idle: wires the page's document, the settings and
 * the messaging client to the scanner in lib/extension/content.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScanner } from '../lib/extension/content/content-scanner';
import { sendMessage } from '../lib/messaging/client';
import { ok } from '../lib/messaging/reply';
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
    // Only our background may ask for a scan (the user clicked "Scan this page").
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (sender.id !== browser.runtime.id || (message as { type?: unknown } | null)?.type !== 'content/scan') return undefined;
      scanner.scanNow({ force: (message as { force?: unknown }).force === true });
      return Promise.resolve(ok(null));
    });
  },
});

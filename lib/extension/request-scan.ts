/**
 * Asks a tab's content script to scan its page now (the popup's "Scan this page" in
 * click-to-scan mode). The content script is normally there already; on a page opened before
 * the extension was installed it is not, and is injected first: the user's click on the
 * toolbar button granted activeTab for that tab, so no host permission is needed.
 */
import { browser } from 'wxt/browser';
import type { BackgroundToContent } from '../protocol';

/** The content script (entrypoints/content-scanner.ts, an unlisted script: see there why). */
const CONTENT_SCRIPT_FILE = '/content-scanner.js';

/** `force`: skip the "is this an article?" guess (the reader said it is one). */
export async function requestScan(tabId: number, force = false): Promise<void> {
  const scanMessage: { type: keyof BackgroundToContent } & BackgroundToContent['content/scan']['request'] = { type: 'content/scan', force };
  try {
    await browser.tabs.sendMessage(tabId, scanMessage);
  } catch {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
    await browser.tabs.sendMessage(tabId, scanMessage);
  }
}

/**
 * Pages no extension may read, and why, in the reader's words: browser pages, the extension
 * stores, other extensions, and local files unless the user allowed file access.
 */
import { t } from '../../lib/i18n';

const STORE_HOSTS = ['chromewebstore.google.com', 'chrome.google.com', 'microsoftedge.microsoft.com', 'addons.mozilla.org'];

/** Why the page at `url` cannot be checked, or null when it can (or the address is unknown). */
export function unreadableReason(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'file:') return t('unreadableFile');
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return t('unreadableBrowserPage');
  const storePath = parsed.hostname !== 'chrome.google.com' || parsed.pathname.startsWith('/webstore');
  if (STORE_HOSTS.includes(parsed.hostname) && storePath) return t('unreadableStore');
  return null;
}

/**
 * Why a check could not start, from the browser's refusal to inject the content script, when
 * the address was not known beforehand (no tab permission on browser pages); null for other errors.
 */
export function unreadableFromError(message: string): string | null {
  if (/extensions gallery|web ?store/i.test(message)) return t('unreadableStore');
  if (/file:\/\//i.test(message)) return t('unreadableFile');
  if (/cannot access an? (chrome|edge|about|devtools|view-source|chrome-extension)|cannot be scripted|about:/i.test(message)) {
    return t('unreadableBrowserPage');
  }
  return null;
}

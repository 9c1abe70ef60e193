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

/**
 * What the background believes about a page's address. The browser's word for it
 * (`sender.url`) stays the address the document was loaded at; the page's own claims (its
 * current address after pushState, its canonical URL) are taken only where they cannot be
 * used to pass for another site.
 */
import { t } from '../i18n';

/** A short label for where a page came from: its site name, else its host. */
export function sourceLabel(url: string, siteName: string | undefined): string {
  if (siteName?.trim()) return siteName.trim();
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return t('sourceWebPage');
  }
}

/**
 * The page's address. After a single-page site's pushState only the page knows the current
 * one; pushState cannot leave the document's origin, so the page's claim is taken within it only.
 */
export function pageUrl(claimed: string, reported: string): string {
  try {
    return new URL(claimed).origin === new URL(reported).origin ? claimed : reported;
  } catch {
    return reported;
  }
}

/** The site part of a host that AMP and mobile twins share: "amp.x.com", "m.x.com", "www.x.com" → "x.com". */
function siteOf(address: string): string | undefined {
  try {
    return new URL(address).hostname.toLowerCase().replace(/^(www|amp|m)\./, '');
  } catch {
    return undefined;
  }
}

/**
 * The page's canonical URL when it names one on its own site (an AMP page and its twin):
 * a canonical link to another site is ignored, or any copy could claim to be its original.
 */
export function trustedCanonical(canonical: string | undefined, page: string): string | undefined {
  if (!canonical) return undefined;
  const site = siteOf(canonical);
  return site !== undefined && site === siteOf(page) && /^https?:/i.test(canonical) ? canonical : undefined;
}

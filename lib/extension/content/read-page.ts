/**
 * What the content script reports about a page: its article (with the page-side fingerprint,
 * so the background need not compute it) or that it holds none. The cheap check runs first,
 * so a page without an article costs little.
 */
import { fingerprintText } from '../../core/fingerprint';
import { extractArticle, isProbablyArticle } from '../../extract';
import type { ContentToBackground } from '../../protocol';

export type PageReport =
  | { type: 'page/article'; request: ContentToBackground['page/article']['request'] }
  | { type: 'page/not-article'; request: ContentToBackground['page/not-article']['request'] };

/** `force`: skip the cheap "is this an article?" guess (the reader asked for the page to be checked anyway). */
export function readPage(doc: Document, url: string, { force = false } = {}): PageReport {
  const extracted = force || isProbablyArticle(doc) ? extractArticle(doc, { url }) : null;
  if (!extracted) return { type: 'page/not-article', request: { url } };
  const { title, byline, siteName, publishedAt, lang, text } = extracted;
  // The page's own word for its address (an AMP page names its twin): the background decides whether to believe it.
  const canonicalUrl = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href || undefined;
  return {
    type: 'page/article',
    request: { article: { url, title, byline, siteName, publishedAt, lang, canonicalUrl, text }, fingerprint: fingerprintText(text) },
  };
}

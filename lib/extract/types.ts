import type { PageSize } from './page-size';

/** What extraction gives: the article as a reader sees it, without the page around it. */
export interface ExtractedArticle {
  title: string;
  byline?: string;
  siteName?: string;
  /** ISO 8601, only when the page states it. */
  publishedAt?: string;
  /** Language tag of the page (`lang` attribute), when given. */
  lang?: string;
  /** Article body without the headline; paragraphs separated by a blank line. */
  text: string;
}

export interface ExtractOptions {
  /** The page's address, when the document does not know it (jsdom without a URL). */
  url?: string;
  /** The page's size when the caller measured it already (lib/extract/page-size): not measured again. */
  size?: PageSize;
}

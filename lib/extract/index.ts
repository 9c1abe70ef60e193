/** Article extraction: the cheap check, and the extraction itself. */
export { extractArticle } from './extract-article';
export { isProbablyArticle } from './is-probably-article';
export type { ExtractedArticle, ExtractOptions } from './types';

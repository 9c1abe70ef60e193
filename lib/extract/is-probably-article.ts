/**
 * The cheap first check: does this page hold an article worth extracting? Readability's
 * isProbablyReaderable, plus checks of our own against pages that pass it without being
 * articles: forms, link lists and search result pages.
 */
import { isProbablyReaderable } from '@mozilla/readability';
import {
  MAX_LINK_DENSITY,
  MIN_ARTICLE_PARAGRAPH_CHARS,
  MIN_ARTICLE_PARAGRAPHS,
  MIN_ARTICLE_TEXT_CHARS,
} from './tuning';

/** Paths and query keys of search result pages. */
const SEARCH_PATH = /\/(?:search|suche|recherche|buscar|busca|cerca)(?:\/|$|\.)/i;
const SEARCH_QUERY_KEYS = ['q', 'query', 'search', 's', 'keywords', 'searchterm'];

function isSearchPage(doc: Document): boolean {
  let url: URL;
  try {
    url = new URL(doc.URL);
  } catch {
    return false;
  }
  if (SEARCH_PATH.test(url.pathname)) return true;
  return SEARCH_QUERY_KEYS.some((key) => (url.searchParams.get(key) ?? '').trim().length > 0);
}

function linkTextChars(element: Element): number {
  let total = 0;
  const links = element.getElementsByTagName('a');
  for (let index = 0; index < links.length; index++) total += (links[index].textContent ?? '').trim().length;
  return total;
}

/** Prose paragraphs outside forms, navigation and link lists: the article a reader would see. */
function proseParagraphs(doc: Document): number[] {
  const lengths: number[] = [];
  // Old pages keep paragraphs apart with <br> inside one container, as Readability's own check knows.
  const containers = new Set<Element>(Array.from(doc.querySelectorAll('p, pre, blockquote')));
  for (const lineBreak of Array.from(doc.querySelectorAll('br'))) {
    if (lineBreak.parentElement) containers.add(lineBreak.parentElement);
  }
  for (const paragraph of containers) {
    if (paragraph.closest('form, nav, footer, aside, [role="navigation"], [role="search"]')) continue;
    const length = (paragraph.textContent ?? '').replace(/\s+/g, ' ').trim().length;
    if (length < MIN_ARTICLE_PARAGRAPH_CHARS) continue;
    if (linkTextChars(paragraph) / length > MAX_LINK_DENSITY) continue;
    lengths.push(length);
  }
  return lengths;
}

/** Whether `doc` probably holds an article. Reads the document without changing it; never throws. */
export function isProbablyArticle(doc: Document): boolean {
  try {
    if (!doc.body || isSearchPage(doc)) return false;
    const prose = proseParagraphs(doc);
    const proseChars = prose.reduce((sum, length) => sum + length, 0);
    if (prose.length < MIN_ARTICLE_PARAGRAPHS || proseChars < MIN_ARTICLE_TEXT_CHARS) return false;
    // Readability's check misses text laid out with <br> inside <font> or <td> (2008 pages);
    // twice the usual amount of prose makes up for it.
    return isProbablyReaderable(doc) || proseChars >= 2 * MIN_ARTICLE_TEXT_CHARS;
  } catch {
    return false;
  }
}

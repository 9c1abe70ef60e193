/**
 * The cheap first check: does this page hold an article worth extracting? Readability's
 * isProbablyReaderable, plus checks of our own against pages that pass it without being
 * articles (link lists, search result pages) and for old pages that it misses.
 */
import { isProbablyReaderable } from '@mozilla/readability';
import {
  MAX_LINK_DENSITY,
  MIN_ARTICLE_PARAGRAPH_CHARS,
  MIN_ARTICLE_PARAGRAPHS,
  MIN_PROSE_CHARS_WITHOUT_READABILITY,
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

interface LongParagraph {
  chars: number;
  linkChars: number;
}

/** Long paragraphs outside forms and navigation: the text a reader would see as the page's body. */
function longParagraphs(doc: Document): LongParagraph[] {
  const paragraphs: LongParagraph[] = [];
  // Old pages keep paragraphs apart with <br> inside one container, as Readability's own check knows.
  const containers = new Set<Element>(Array.from(doc.querySelectorAll('p, pre, blockquote')));
  for (const lineBreak of Array.from(doc.querySelectorAll('br'))) {
    if (lineBreak.parentElement) containers.add(lineBreak.parentElement);
  }
  for (const paragraph of containers) {
    if (paragraph.closest('form, nav, footer, aside, [role="navigation"], [role="search"]')) continue;
    const chars = (paragraph.textContent ?? '').replace(/\s+/g, ' ').trim().length;
    if (chars >= MIN_ARTICLE_PARAGRAPH_CHARS) paragraphs.push({ chars, linkChars: linkTextChars(paragraph) });
  }
  return paragraphs;
}

/**
 * Whether `doc` probably holds an article. Reads the document without changing it; never throws.
 * Readability's check decides, except that long paragraphs made mostly of links (a section front,
 * a list of teasers) are not an article, and that pages laying text out with <br> inside <font>
 * or <td> (2008 pages), which Readability's check misses, count when they hold plenty of prose.
 */
export function isProbablyArticle(doc: Document): boolean {
  try {
    if (!doc.body || isSearchPage(doc)) return false;
    const long = longParagraphs(doc);
    const totalChars = long.reduce((sum, paragraph) => sum + paragraph.chars, 0);
    const linkChars = long.reduce((sum, paragraph) => sum + Math.min(paragraph.linkChars, paragraph.chars), 0);
    if (totalChars > 0 && linkChars / totalChars > MAX_LINK_DENSITY) return false;
    if (isProbablyReaderable(doc)) return true;
    const prose = long.filter((paragraph) => paragraph.linkChars / paragraph.chars <= MAX_LINK_DENSITY);
    const proseChars = prose.reduce((sum, paragraph) => sum + paragraph.chars, 0);
    return prose.length >= MIN_ARTICLE_PARAGRAPHS && proseChars >= MIN_PROSE_CHARS_WITHOUT_READABILITY;
  } catch {
    return false;
  }
}

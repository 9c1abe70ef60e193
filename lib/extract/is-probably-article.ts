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
/** Readability's isProbablyReaderable default minScore. */
const READERABLE_MIN_SCORE = 20;

/** A section front: at least this many paragraphs under linked headlines, and at most this many other long paragraphs. */
const MIN_SECTION_FRONT_TEASERS = 3;
const MAX_SECTION_FRONT_OTHER_PARAGRAPHS = 2;
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
  /** Length in Latin-equivalent characters (see textWeight). */
  chars: number;
  linkChars: number;
  /** Does it stand under a headline that is a link (a teaser on a section front)? */
  teaser: boolean;
  /** Is it mostly in a script written without spaces (Chinese, Japanese)? */
  dense: boolean;
}

/**
 * Han, kana: a character holds about as much as four Latin characters (a Chinese word is
 * about 1.7 characters, an English one about 6 with its space); a Hangul syllable about two.
 */
const DENSE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HANGUL = /\p{Script=Hangul}/gu;

/**
 * Length of `text` in Latin-equivalent characters: Chinese and Japanese paragraphs are short
 * in characters (a whole news paragraph in 60-120), so lengths are weighed by script.
 */
export function textWeight(text: string): number {
  const dense = text.match(DENSE_SCRIPT)?.length ?? 0;
  const hangul = text.match(HANGUL)?.length ?? 0;
  return text.length + 3 * dense + hangul;
}

function isDense(text: string): boolean {
  return (text.match(DENSE_SCRIPT)?.length ?? 0) * 2 > text.length;
}

const LINKED_HEADING = /^H[1-6]$/i;

/** A headline linking to another page: not a section anchor ("#background") or a permalink to this page. */
function isLinkedHeading(element: Element | null, pageUrl: string): boolean {
  if (element === null || !LINKED_HEADING.test(element.tagName)) return false;
  return Array.from(element.getElementsByTagName('a')).some((link) => {
    const href = link.getAttribute('href')?.trim() ?? '';
    if (href === '' || href.startsWith('#') || href.startsWith('javascript:')) return false;
    try {
      const target = new URL(href, pageUrl);
      const page = new URL(pageUrl);
      return target.origin + target.pathname !== page.origin + page.pathname;
    } catch {
      return true;
    }
  });
}

/** A paragraph right under a headline that links to another page: a teaser on a section front. */
function isTeaser(paragraph: Element): boolean {
  return isLinkedHeading(paragraph.previousElementSibling, paragraph.ownerDocument.URL);
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
    const text = (paragraph.textContent ?? '').replace(/\s+/g, ' ').trim();
    const chars = textWeight(text);
    if (chars >= MIN_ARTICLE_PARAGRAPH_CHARS) {
      paragraphs.push({ chars, linkChars: linkTextChars(paragraph), teaser: isTeaser(paragraph), dense: isDense(text) });
    }
  }
  return paragraphs;
}

/**
 * Whether `doc` probably holds an article. Reads the document without changing it; never throws.
 * Readability's check decides, except that long paragraphs made mostly of links (a section front,
 * a list of teasers) are not an article, nor is a page whose paragraphs mostly stand under
 * headlines that link elsewhere (a section front of headlines with summaries); and pages
 * Readability's check misses count when they hold plenty of prose: 2008 pages laying text out
 * with <br> inside <font> or <td>, and Chinese or Japanese news, whose paragraphs are short in
 * characters (lengths are weighed by script, see textWeight).
 */
export function isProbablyArticle(doc: Document): boolean {
  try {
    if (!doc.body || isSearchPage(doc)) return false;
    const long = longParagraphs(doc);
    const totalChars = long.reduce((sum, paragraph) => sum + paragraph.chars, 0);
    const linkChars = long.reduce((sum, paragraph) => sum + Math.min(paragraph.linkChars, paragraph.chars), 0);
    if (totalChars > 0 && linkChars / totalChars > MAX_LINK_DENSITY) return false;
    // A section front: teasers under linked headlines and hardly any other prose (an article's
    // "more stories" rail can hold more teasers than the story has paragraphs).
    const teasers = long.filter((paragraph) => paragraph.teaser).length;
    if (teasers >= MIN_SECTION_FRONT_TEASERS && long.length - teasers <= MAX_SECTION_FRONT_OTHER_PARAGRAPHS) return false;
    if (isProbablyReaderable(doc)) return true;
    const prose = long.filter((paragraph) => paragraph.linkChars / paragraph.chars <= MAX_LINK_DENSITY);
    const proseChars = prose.reduce((sum, paragraph) => sum + paragraph.chars, 0);
    if (prose.length >= MIN_ARTICLE_PARAGRAPHS && proseChars >= MIN_PROSE_CHARS_WITHOUT_READABILITY) return true;
    // Readability's own score (each paragraph adds √(length − 140), an article reaches 20), on
    // lengths weighed by script: its check counts raw characters and so misses Chinese news.
    const dense = prose.filter((paragraph) => paragraph.dense);
    const score = dense.reduce((sum, paragraph) => sum + Math.sqrt(paragraph.chars - MIN_ARTICLE_PARAGRAPH_CHARS), 0);
    return dense.length >= MIN_ARTICLE_PARAGRAPHS && score > READERABLE_MIN_SCORE;
  } catch {
    return false;
  }
}

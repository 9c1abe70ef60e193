/**
 * The publication date a page shows only as text: "May 14, 2005" under the headline,
 * "Posted April 8, 1987" in a byline, a blog's date header ("Monday, March 3, 2008"). Read
 * where such dates stand (elements named for dates, bylines and post metadata, the lines
 * right after the headline, short lines that are nothing but a date), never from the story's
 * own sentences, and parsed with chrono-node (strict mode: absolute dates only). Only dates
 * with a year, a month and a day count; "updated" dates and comment dates do not. The time
 * zone of a visible time is unknown, so the result is a calendar date ("2005-05-14").
 */
import { strict as chrono } from 'chrono-node';

/** Class names and ids of elements that hold a date or post metadata. */
const DATE_NAME = /date|time|byline|posted|publish|meta/i;
/** Tags of blocks that may hold a date line of their own near the top of old pages. */
const SHORT_BLOCK_TAGS = new Set(['P', 'DIV', 'SPAN', 'FONT', 'TD', 'H2', 'H3', 'H4', 'H5', 'H6', 'B', 'STRONG', 'EM', 'I', 'SMALL', 'TIME']);
/** Elements read in document order, at most (keeps huge pages cheap: no selector runs over the whole page). */
const MAX_ELEMENTS_READ = 3000;
/** Short blocks are read among the first elements only (a date line stands near the top). */
const MAX_SHORT_BLOCKS_READ = 400;
/** A date line has few child elements; a wrapper with many holds the page, not a date. */
const MAX_CHILDREN = 3;
/** A date line is short; longer text is prose or navigation. */
const MAX_DATE_LINE_CHARS = 160;
/** How many candidate elements are read, at most, per source (keeps huge pages cheap). */
const MAX_CANDIDATES = 40;
/** Elements after the headline that are read. */
const AFTER_HEADLINE = 4;
const YEAR = /\b(1[89]\d\d|20\d\d)\b/;
const NOT_PUBLICATION = /(updat|modif|edit|revis|accessed|retrieved)\w*\W*$/i;
/** A date line may start with these ("Posted April 8, 1987", "By Jane Doe, May 14, 2005"). */
const LEADING_WORD = /^\s*(posted|published|dated?|filed|written|released|issued|by)\b/i;
const IN_COMMENTS = '[class*="comment" i], [id*="comment" i]';

/** "YYYY-MM-DD". */
export function calendarDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lineOf(element: Element): string | undefined {
  let children = 0;
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) if (++children > MAX_CHILDREN) return undefined;
  const text = element.textContent?.replace(/\s+/g, ' ').trim();
  return text && text.length <= MAX_DATE_LINE_CHARS && YEAR.test(text) ? text : undefined;
}

/**
 * The first absolute publication date in `line` as "YYYY-MM-DD", or undefined.
 * `whole`: accept it only when the line is little more than the date (or starts with "Posted" etc.).
 */
export function dateInLine(line: string, whole = false): string | undefined {
  for (const result of chrono.parse(line, new Date(Date.UTC(2000, 0, 1)))) {
    const start = result.start;
    if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) continue;
    if (!YEAR.test(result.text)) continue;
    if (NOT_PUBLICATION.test(line.slice(Math.max(0, result.index - 24), result.index))) continue;
    if (whole && result.text.length < 0.6 * line.length && !LEADING_WORD.test(line)) continue;
    const year = start.get('year')!;
    if (year < 1900 || year > 2100) continue;
    return calendarDate(year, start.get('month')!, start.get('day')!);
  }
  return undefined;
}

/** The lines just after the first headline (its following siblings, and its parent's). */
function afterHeadline(doc: Document): Element[] {
  const headline = doc.querySelector('h1') ?? doc.querySelector('h2');
  if (!headline) return [];
  const out: Element[] = [];
  for (const start of [headline, headline.parentElement]) {
    let next = start?.nextElementSibling ?? null;
    for (let i = 0; next && i < AFTER_HEADLINE; i++, next = next.nextElementSibling) out.push(next);
  }
  return out;
}

/** The first `limit` elements under `root`, in document order (a walk: no live collection over the whole page). */
function firstElements(root: Element, limit: number): Element[] {
  const out: Element[] = [];
  let element: Element | null = root.firstElementChild;
  while (element && out.length < limit) {
    out.push(element);
    if (element.firstElementChild) {
      element = element.firstElementChild;
      continue;
    }
    while (element && element !== root && !element.nextElementSibling) element = element.parentElement;
    element = element && element !== root ? element.nextElementSibling : null;
  }
  return out;
}

function namedForDate(element: Element): boolean {
  if (element.tagName.toUpperCase() === 'TIME' && !element.hasAttribute('datetime')) return true;
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return names.length > 1 && DATE_NAME.test(names);
}

/** The date `doc` shows as text near its headline or byline, as "YYYY-MM-DD", or undefined. */
export function findVisibleDate(doc: Document): string | undefined {
  if (!doc.body) return undefined;
  const first = firstElements(doc.body, MAX_ELEMENTS_READ);
  const sources: Array<[Element[], boolean]> = [
    [first.filter(namedForDate).slice(0, MAX_CANDIDATES), false],
    [afterHeadline(doc), true],
    [first.slice(0, MAX_SHORT_BLOCKS_READ).filter((element) => SHORT_BLOCK_TAGS.has(element.tagName.toUpperCase())), true],
  ];
  for (const [elements, whole] of sources) {
    for (const element of elements) {
      const line = lineOf(element);
      if (!line || element.closest(IN_COMMENTS)) continue;
      const found = dateInLine(line, whole);
      if (found) return found;
    }
  }
  return undefined;
}

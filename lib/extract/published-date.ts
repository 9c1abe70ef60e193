/**
 * The publication date a page states: JSON-LD `datePublished`, the usual meta tags, or a
 * `<time>` marked as the publication time. Dates help to tell which of two texts copied the
 * other, so only explicit statements count; "updated" and comment dates are not used. A page
 * that states none shows its date as text, read by visible-date.ts.
 */
import { calendarDate, findVisibleDate } from './visible-date';

// Case-insensitive values (`i`): sites write both "DC.date.issued" and "dc.date.issued".
const META_SELECTORS = [
  'meta[property="article:published_time" i]',
  'meta[property="og:published_time" i]',
  'meta[itemprop="datePublished" i]',
  'meta[name="article:published_time" i]',
  'meta[name="parsely-pub-date" i]',
  'meta[name="sailthru.date" i]',
  'meta[name="pubdate" i]',
  'meta[name="publishdate" i]',
  'meta[name="publish-date" i]',
  'meta[name="publication_date" i]',
  'meta[name="date" i]',
  'meta[name="dc.date.issued" i]',
  'meta[name="dcterms.created" i]',
  'meta[name="dc.date" i]',
];

const TIME_SELECTORS = ['time[itemprop="datePublished"]', 'time[pubdate]', '[itemprop="datePublished"][datetime]', 'article time[datetime]', 'header time[datetime]'];
/** Every element a TIME_SELECTORS entry can match is one of these (META_SELECTORS match only <meta>). */
const TIME_CANDIDATES = 'time, [datetime]';

/** JSON-LD nesting is bounded: a page could carry a hostile or absurd graph. */
const MAX_JSON_LD_DEPTH = 6;
const MAX_JSON_LD_CHARS = 200_000;

/** A time of day in a date string ("09:00", "T09", "9:00 am"). */
const HAS_TIME = /\d:\d\d|T\d\d/;

/**
 * An ISO 8601 string for a plausible date (news from 1900 to 2100), else undefined. A date
 * stated without a time of day keeps its precision: "2025-03-11" or "March 11, 2025" gives
 * "2025-03-11", not a midnight that would claim to be earlier than the same day's 09:00.
 */
export function normalizeDate(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  const time = Date.parse(trimmed);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  if (year < 1900 || year > 2100) return undefined;
  if (HAS_TIME.test(trimmed)) return date.toISOString();
  // ISO dates parse as UTC midnight, other forms ("March 11, 2025") as local midnight.
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(trimmed);
  return calendarDate(iso ? date.getUTCFullYear() : date.getFullYear(), (iso ? date.getUTCMonth() : date.getMonth()) + 1, iso ? date.getUTCDate() : date.getDate());
}

function datePublishedIn(value: unknown, depth: number): string | undefined {
  if (depth > MAX_JSON_LD_DEPTH || typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = datePublishedIn(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  const own = typeof record.datePublished === 'string' ? normalizeDate(record.datePublished) : undefined;
  return own ?? datePublishedIn(record['@graph'], depth + 1) ?? datePublishedIn(record.mainEntity, depth + 1);
}

function fromJsonLd(doc: Document): string | undefined {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const source = script.textContent ?? '';
    if (source.length > MAX_JSON_LD_CHARS) continue;
    try {
      const found = datePublishedIn(JSON.parse(source.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')), 0);
      if (found) return found;
    } catch {
      // Broken JSON-LD is common on real pages: try the other sources.
    }
  }
  return undefined;
}

/** The page's stated publication date as ISO 8601 (a calendar date when it states no time), or undefined. Reads `doc` without changing it. */
export function findPublishedDate(doc: Document): string | undefined {
  const fromLd = fromJsonLd(doc);
  if (fromLd) return fromLd;
  // The page is searched once for the elements any selector can match, rather than once per
  // selector (in Node's DOM each search walks the whole page); the first match in page order wins,
  // as with querySelector.
  const metas = Array.from(doc.getElementsByTagName('meta'));
  for (const selector of META_SELECTORS) {
    const found = normalizeDate(metas.find((meta) => meta.matches(selector))?.getAttribute('content'));
    if (found) return found;
  }
  const timed = Array.from(doc.querySelectorAll(TIME_CANDIDATES));
  for (const selector of TIME_SELECTORS) {
    const element = timed.find((candidate) => candidate.matches(selector));
    const found = normalizeDate(element?.getAttribute('datetime') ?? element?.getAttribute('content'));
    if (found) return found;
  }
  return findVisibleDate(doc);
}

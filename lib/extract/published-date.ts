/**
 * The publication date a page states: JSON-LD `datePublished`, the usual meta tags, or a
 * `<time>` marked as the publication time. Dates help to tell which of two texts copied the
 * other, so only explicit statements count; "updated" and comment dates are not used.
 */

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

/** JSON-LD nesting is bounded: a page could carry a hostile or absurd graph. */
const MAX_JSON_LD_DEPTH = 6;
const MAX_JSON_LD_CHARS = 200_000;

/** An ISO 8601 string for a plausible date (news from 1900 to 2100), else undefined. */
export function normalizeDate(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  const time = Date.parse(trimmed);
  if (Number.isNaN(time)) return undefined;
  const year = new Date(time).getUTCFullYear();
  if (year < 1900 || year > 2100) return undefined;
  return new Date(time).toISOString();
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

/** The page's stated publication date as ISO 8601, or undefined. Reads `doc` without changing it. */
export function findPublishedDate(doc: Document): string | undefined {
  const fromLd = fromJsonLd(doc);
  if (fromLd) return fromLd;
  for (const selector of META_SELECTORS) {
    const found = normalizeDate(doc.querySelector(selector)?.getAttribute('content'));
    if (found) return found;
  }
  for (const selector of TIME_SELECTORS) {
    const element = doc.querySelector(selector);
    const found = normalizeDate(element?.getAttribute('datetime') ?? element?.getAttribute('content'));
    if (found) return found;
  }
  return undefined;
}

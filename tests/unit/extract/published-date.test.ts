import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { findPublishedDate, normalizeDate } from '../../../lib/extract/published-date';

const docWith = (head: string, body = '') => new JSDOM(`<html><head>${head}</head><body>${body}</body></html>`).window.document;

describe('findPublishedDate', () => {
  it('reads article:published_time, normalised to UTC ISO 8601', () => {
    expect(findPublishedDate(docWith('<meta property="article:published_time" content="2025-10-27T08:00:00+02:00">'))).toBe('2025-10-27T06:00:00.000Z');
  });

  it('prefers JSON-LD datePublished, also inside @graph and arrays, and survives broken JSON-LD', () => {
    const head =
      '<script type="application/ld+json">{ broken</script>' +
      '<script type="application/ld+json">[{"@type":"WebPage"},{"@graph":[{"@type":"NewsArticle","datePublished":"2004-05-01"}]}]</script>' +
      '<meta name="date" content="2010-01-01">';
    expect(findPublishedDate(docWith(head))).toBe('2004-05-01');
  });

  it('reads a <time> marked as the publication time, but not any <time>', () => {
    expect(findPublishedDate(docWith('', '<p>Updated <time datetime="2020-01-02">2 Jan</time></p>'))).toBeUndefined();
    expect(findPublishedDate(docWith('', '<article><time pubdate datetime="1987-10-19">Oct 19</time></article>'))).toBe('1987-10-19');
  });

  it('ignores dates that do not parse or are implausible', () => {
    expect(findPublishedDate(docWith('<meta name="date" content="yesterday">'))).toBeUndefined();
    expect(normalizeDate('0001-01-01')).toBeUndefined();
    expect(normalizeDate('')).toBeUndefined();
  });
});

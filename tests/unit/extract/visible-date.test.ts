import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { findPublishedDate, normalizeDate } from '../../../lib/extract/published-date';
import { dateInLine, findVisibleDate } from '../../../lib/extract/visible-date';

const doc = (body: string, head = '') => new JSDOM(`<html><head>${head}</head><body>${body}</body></html>`).window.document;
const STORY = '<p>The council voted on March 3, 2004 to close the depot, and the closure began on June 1, 2004 after a long consultation with the workers.</p>';

describe('visible publication dates', () => {
  it('reads a date line under the headline in its usual wordings', () => {
    expect(findVisibleDate(doc(`<h1>Depot to close</h1><p>May 14, 2005</p>${STORY}`))).toBe('2005-05-14');
    expect(findVisibleDate(doc(`<h1>Depot to close</h1><div>Posted April 8, 1987</div>${STORY}`))).toBe('1987-04-08');
    expect(findVisibleDate(doc(`<h1>Depot to close</h1><p>By Jane Okafor, 14 May 2005</p>${STORY}`))).toBe('2005-05-14');
  });

  it('reads a blog date header and a byline element', () => {
    expect(findVisibleDate(doc(`<h2 class="date-header"><span>Monday, March 3, 2008</span></h2><h3>Post</h3>${STORY}`))).toBe('2008-03-03');
    expect(findVisibleDate(doc(`<div class="article-byline">Staff reporter | Mar 2, 2008 10:15 am</div>${STORY}`))).toBe('2008-03-02');
  });

  it('does not take a date from the story, an update line, a comment or a date without a year', () => {
    expect(findVisibleDate(doc(`<h1>Depot to close</h1>${STORY}`))).toBeUndefined();
    expect(findVisibleDate(doc(`<h1>Depot</h1><p class="updated">Updated May 3, 2005</p>${STORY}`))).toBeUndefined();
    expect(findVisibleDate(doc(`<h1>Depot</h1>${STORY}<div class="comments"><p class="comment-date">May 20, 2005</p></div>`))).toBeUndefined();
    expect(findVisibleDate(doc(`<h1>Depot</h1><p>Posted May 14</p>${STORY}`))).toBeUndefined();
    expect(dateInLine('2 hours ago')).toBeUndefined();
  });

  it('is used only when the page states no machine-readable date', () => {
    const page = doc(`<h1>Depot to close</h1><p>May 14, 2005</p>${STORY}`, '<meta property="article:published_time" content="2005-05-15T08:00:00Z">');
    expect(findPublishedDate(page)).toBe('2005-05-15T08:00:00.000Z');
    expect(findPublishedDate(doc(`<h1>Depot to close</h1><p>May 14, 2005</p>${STORY}`))).toBe('2005-05-14');
  });

  it('keeps a date without a time as a calendar date', () => {
    expect(normalizeDate('2025-03-11')).toBe('2025-03-11');
    expect(normalizeDate('March 11, 2025')).toBe('2025-03-11');
    expect(normalizeDate('2025-03-11T09:00:00Z')).toBe('2025-03-11T09:00:00.000Z');
  });
});

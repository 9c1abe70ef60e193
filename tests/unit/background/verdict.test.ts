/** Badge and headline from a tab's result: one reading of the matches for both. */
import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeFor } from '../../../lib/extension/badge';
import { describeResult } from '../../../lib/extension/verdict-words';
import { isSameArticle, orderForDisplay, verdictOf } from '../../../lib/extension/verdict';
import type { MatchView } from '../../../lib/protocol';
import { doneResult, matchOf, seeds } from '../popup/matches';

const [seed000, seed001, seed002] = seeds;

/** A page made of its own text around long paragraphs of seed 002 (some 150 words): a partial copy. */
function partialPage(): string {
  const long = seed002.text.split('\n\n').filter((paragraph) => paragraph.split(' ').length > 30);
  const borrowed = long.slice(2, 5);
  const own = [
    'Our correspondent spent the week in the capital speaking to shopkeepers about prices, rents and the cost of heating their premises through another long winter.',
    'Most said they had cut their opening hours and several had let staff go, while a few had moved their business online and now sell mainly to customers abroad.',
    'A baker near the station said the price of flour had doubled since the spring and that she now bakes half as many loaves each morning as she did a year ago.',
    'The city administration has promised grants for small businesses, but traders said the forms were long and that the money, when it came, arrived months late.',
  ];
  return [...own.slice(0, 2), ...borrowed, ...own.slice(2)].join('\n\n');
}

describe('verdict', () => {
  it('prefers the spun source over the same text already in the library', () => {
    const same = matchOf(seed000.text, seed000);
    const spun = matchOf(seed000.text, seed001);
    expect(isSameArticle(same)).toBe(true);
    const verdict = verdictOf([same, spun]);
    expect(verdict).toMatchObject({ kind: 'copy', copyKind: 'spun' });
    expect(orderForDisplay([same, spun]).map((match) => match.id)).toEqual([seed001.id, seed000.id]);
    expect(badgeFor(doneResult(seed000.text, [same, spun]))).toMatchObject({ text: 'SPUN', color: BADGE_COLORS.copy });
  });

  it('reports copies made of the page when the library holds the page itself', () => {
    const result = doneResult(seed001.text, [matchOf(seed001.text, seed001), matchOf(seed001.text, seed000)]);
    expect(describeResult(result)).toMatchObject({ tone: 'copied-by', headline: 'This article has been copied (spun) by', subject: seed000.title });
    expect(badgeFor(result)).toMatchObject({ text: 'i', color: BADGE_COLORS.copiedBy });
  });

  it('calls the same text at another address a verbatim copy when nothing else matches', () => {
    const result = doneResult(seed002.text, [matchOf(seed002.text, seed002)]);
    expect(describeResult(result)).toMatchObject({ tone: 'copy', headline: 'Verbatim copy of', subject: seed002.title });
    expect(badgeFor(result)?.text).toBe('COPY');
  });

  it('says the library holds the page when the match was saved from this very address (no recycling)', () => {
    const result = doneResult(seed002.text, [{ ...matchOf(seed002.text, seed002), sameAddress: true }]);
    expect(describeResult(result)).toMatchObject({ tone: 'neutral', headline: 'This article is in your library:', subject: seed002.title });
    expect(badgeFor(result)).toBeNull();
  });

  it('gives a partial copy its share of the page, in amber', () => {
    const page = partialPage();
    const partial: MatchView = matchOf(page, seed002);
    expect(partial.kind).toBe('partial');
    const share = `${Math.round(partial.coverage * 100)}%`;
    expect(badgeFor(doneResult(page, [partial]))).toMatchObject({ text: share, color: BADGE_COLORS.partial });
    // The share is the page's, and the headline says so.
    expect(describeResult(doneResult(page, [partial]))).toMatchObject({ headline: `${share} of this page is copied from`, subject: seed002.title });
  });

  it('shows nothing for a clean page, a non-article or a page still being checked', () => {
    expect(badgeFor(doneResult('Nothing to see.', []))).toBeNull();
    expect(badgeFor({ status: 'not-article', url: 'https://a.test/', at: 1 })).toBeNull();
    expect(badgeFor({ status: 'checking', url: 'https://a.test/', at: 1 })).toBeNull();
    expect(badgeFor(null)).toBeNull();
    expect(describeResult(doneResult('Nothing to see.', [])).headline).toBe('No recycled text found');
  });
});

/** Swaps in place inside a shared passage: each page wording paired with the source wording it replaces. */
import { describe, expect, it } from 'vitest';
import { compare } from '../../../lib/core/engine';
import { passageSwaps } from '../../../lib/core/passage-words';
import { loadSeeds, ORIGINAL, SPUN } from './seeds';

const whole = (page: string, source: string) => ({ inputStart: 0, inputEnd: page.length, sourceStart: 0, sourceEnd: source.length });

describe('passageSwaps', () => {
  it('pairs each changed page wording with the source wording, offsets into both texts', () => {
    const source = 'The minister said on Monday that the talks in eastern Ukraine would resume last year as planned.';
    const page = 'The minister mentioned on Monday that the talks in japanese Ukraine would resume final 12 months as planned.';
    const swaps = passageSwaps(page, source, whole(page, source)).map((swap) => [
      page.slice(swap.pageStart, swap.pageEnd),
      source.slice(swap.sourceStart, swap.sourceEnd),
    ]);
    expect(swaps).toEqual([
      ['mentioned', 'said'],
      ['japanese', 'eastern'],
      ['final 12 months', 'last year'],
    ]);
  });

  it('counts a swap of the first word, and not words the page only added', () => {
    const source = 'Officials said the bridge will reopen next week after repairs to its deck.';
    const page = 'Authorities said the bridge will reopen next week, sources added, after repairs to its deck.';
    const swaps = passageSwaps(page, source, whole(page, source)).map((swap) => page.slice(swap.pageStart, swap.pageEnd));
    expect(swaps).toEqual(['Authorities']);
  });

  it('finds the seed swaps inside the passages the engine reports', () => {
    const seeds = loadSeeds();
    const spun = seeds.find((seed) => seed.id === SPUN)!;
    const original = seeds.find((seed) => seed.id === ORIGINAL)!;
    const match = compare(spun, original)!;
    const pairs = match.passages.flatMap((passage) =>
      passageSwaps(spun.text, original.text, passage).map((swap) => `${original.text.slice(swap.sourceStart, swap.sourceEnd)} → ${spun.text.slice(swap.pageStart, swap.pageEnd)}`),
    );
    expect(pairs).toContain('eastern → japanese');
    expect(pairs).toContain('said → mentioned');
  });
});

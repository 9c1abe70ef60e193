import { describe, expect, it } from 'vitest';
import { spinnerSide } from '../../../lib/spin/wording';

describe('spinnerSide: which wording of a swap the spin tables know as a spinner\'s', () => {
  it('takes a rare synonym of the other side\'s common word as spun, short or long, either way round', () => {
    expect(spinnerSide('mention', 'cite')).toBe(1);
    expect(spinnerSide('cite', 'mention')).toBe(-1);
    expect(spinnerSide('city', 'metropolis')).toBe(1);
    expect(spinnerSide('Restaurant', 'Eatery')).toBe(1);
  });

  it('knows the changed words of a spun fixed phrase, alone or with the phrase around them', () => {
    expect(spinnerSide('conference', 'convention')).toBe(1);
    expect(spinnerSide('press convention', 'press conference')).toBe(-1);
    expect(spinnerSide('last year', 'final 12 months')).toBe(1);
  });

  it('takes a lower-cased proper adjective as spun where the other side is capitalised', () => {
    expect(spinnerSide('Japan', 'japanese')).toBe(1);
    expect(spinnerSide('japanese', 'Japan')).toBe(-1);
  });

  it('knows nothing of swaps outside its tables, or of two common words', () => {
    expect(spinnerSide('said', 'stated')).toBe(0);
    expect(spinnerSide('big', 'large')).toBe(0);
    expect(spinnerSide('', '')).toBe(0);
  });

  it('ranks a rare synonym paired with the other side\'s word above a rare synonym alone', () => {
    // "apace" is a rare synonym of "quickly"; "metropolis" is rare, but for "city", not "town".
    expect(spinnerSide('town quickly', 'metropolis apace')).toBe(1);
    expect(spinnerSide('metropolis quickly', 'town apace')).toBe(1);
  });
});

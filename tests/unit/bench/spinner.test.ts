import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedTextFromFile } from '../../../lib/library/seed';
import { Spinner } from '../../bench/spinner';
import { tokenize } from '../../bench/spinner-tokens';

const original = seedTextFromFile(readFileSync(new URL('../../../public/corpus/001_cc22b293874e3bba.txt', import.meta.url), 'utf8'));
const spinner = new Spinner();

describe('spinner', () => {
  it.each([0.1, 0.15, 0.22, 0.3, 0.35])('changes %f of all tokens, within one percentage point', (rate) => {
    const result = spinner.spin(original, rate, `rate-${rate}`);
    expect(Math.abs(result.rate - rate)).toBeLessThanOrEqual(0.01);
    expect(result.totalTokens).toBe(tokenize(original).length);
    expect(result.changedTokens).toBe(result.swaps.reduce((sum, s) => sum + s.tokenCount, 0));
  });

  it('records every swap: undoing the record gives back the original, and nothing else differs', () => {
    const result = spinner.spin(original, 0.22, 'record');
    let rebuilt = '';
    let cursor = 0;
    for (const swap of result.swaps) {
      expect(result.text.slice(swap.spunStart, swap.spunEnd)).toBe(swap.to);
      expect(original.slice(swap.sourceStart, swap.sourceEnd)).toBe(swap.from);
      expect(swap.to.toLowerCase()).not.toBe(swap.from.toLowerCase());
      rebuilt += result.text.slice(cursor, swap.spunStart) + swap.from;
      cursor = swap.spunEnd;
    }
    rebuilt += result.text.slice(cursor);
    expect(rebuilt).toBe(original);
  });

  it('changes only word tokens and leaves names and numbers alone', () => {
    const result = spinner.spin(original, 0.35, 'names');
    for (const swap of result.swaps) {
      expect(swap.from).toMatch(/^[\p{L}’'-]+( [\p{L}’'-]+)*$/u);
    }
    for (const name of ['Vladimir Putin', 'Kim Jong Un', 'October 27']) expect(result.text).toContain(name);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(spinner.spin(original, 0.22, 'same').text).toBe(new Spinner().spin(original, 0.22, 'same').text);
    expect(spinner.spin(original, 0.22, 'one').text).not.toBe(spinner.spin(original, 0.22, 'two').text);
  });

  it('spreads the swaps over the whole text', () => {
    const result = spinner.spin(original, 0.1, 'spread');
    const quarters = [0, 0, 0, 0];
    for (const swap of result.swaps) quarters[Math.min(3, Math.floor((swap.sourceStart / original.length) * 4))]++;
    for (const count of quarters) expect(count).toBeGreaterThanOrEqual(result.swaps.length / 8);
  });

  it('uses WordNet synonyms and the spinner phrase table', () => {
    const result = spinner.spin('The city council said last year that the war was over.', 0.9, 'phrases');
    expect(result.text).not.toContain('city');
    expect(result.swaps.map((s) => s.from)).toEqual(expect.arrayContaining(['city', 'said']));
  });

  it('rejects a rate outside [0, 1)', () => {
    expect(() => spinner.spin(original, 1.2, 'x')).toThrow(/targetRate/);
  });
});

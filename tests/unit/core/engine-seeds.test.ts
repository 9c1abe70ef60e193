import { beforeAll, describe, expect, it } from 'vitest';
import { compare, Engine } from '../../../lib/core/engine';
import { normalizeText } from '../../../lib/core/normalize';
import type { Match, SourceText } from '../../../lib/core/types';
import { INDEPENDENT, loadSeeds, ORIGINAL, SPUN } from './seeds';

/**
 * Reference word diff written independently of the engine (plain LCS over lower-cased words):
 * the source words that a page replaced with other words, hunk by hunk.
 */
function referenceSubstitutedWords(source: string, page: string): number {
  const split = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
  const a = split(source);
  const b = split(page);
  const width = b.length + 1;
  const lcs = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
  let substituted = 0;
  let deleted = 0;
  let inserted = 0;
  const closeHunk = () => {
    if (deleted > 0 && inserted > 0) substituted += deleted;
    deleted = inserted = 0;
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      closeHunk();
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) {
      deleted++;
      i++;
    } else {
      inserted++;
      j++;
    }
  }
  closeHunk();
  return substituted;
}

const wordCount = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)?.length ?? 0;

describe('engine on the seed corpus', () => {
  let seeds: Map<string, SourceText>;
  let engine: Engine;

  beforeAll(() => {
    seeds = new Map(loadSeeds().map((seed) => [seed.id, seed]));
    engine = new Engine();
    for (const seed of seeds.values()) engine.add(seed);
  });

  const matchAsPage = (id: string): Promise<Match[]> =>
    engine.match({ id: 'page', text: seeds.get(id)!.text }, (candidate) => seeds.get(candidate));

  it('finds the original as the source of the spun copy, with high confidence', async () => {
    const matches = await matchAsPage(SPUN);
    const original = matches.find((m) => m.id === ORIGINAL);
    expect(original?.kind).toBe('spun');
    expect(original?.direction).toBe('copies');
    expect(original!.score).toBeGreaterThan(0.8);
    expect(original!.sourceCoverage).toBeGreaterThan(0.9);
  });

  it('says the original has been copied (spun) by the library copy', async () => {
    const matches = await matchAsPage(ORIGINAL);
    const copy = matches.find((m) => m.id === SPUN);
    expect(copy?.kind).toBe('spun');
    expect(copy?.direction).toBe('copied-by');
  });

  it('reports at least 90% of the word-level differences of 000 ↔ 001 as substitutions', () => {
    const source = seeds.get(ORIGINAL)!;
    const page = seeds.get(SPUN)!;
    const match = compare({ id: 'page', text: page.text }, source)!;
    const reported = match.substitutions.reduce((sum, s) => sum + s.count * wordCount(s.from), 0);
    const reference = referenceSubstitutedWords(source.text, page.text);
    expect(reference).toBeGreaterThan(150);
    expect(reported / reference).toBeGreaterThanOrEqual(0.9);
    const pairs = new Map(match.substitutions.map((s) => [`${normalizeText(s.from)} → ${normalizeText(s.to)}`, s.count]));
    expect(pairs.get('eastern → japanese')).toBeGreaterThanOrEqual(1);
    expect(pairs.get('said → mentioned')).toBeGreaterThanOrEqual(8);
    expect(pairs.get('war → warfare')).toBeGreaterThanOrEqual(5);
  });

  it('reports no padding: every substitution really changes the wording, and sits in the texts', () => {
    const source = seeds.get(ORIGINAL)!;
    const page = seeds.get(SPUN)!;
    const match = compare({ id: 'page', text: page.text }, source)!;
    for (const { from, to, count } of match.substitutions) {
      expect(normalizeText(from)).not.toBe(normalizeText(to));
      expect(source.text).toContain(from);
      expect(page.text).toContain(to);
      expect(count).toBeGreaterThanOrEqual(1);
    }
  });

  it('decides direction by dates for verbatim pairs, and by clear spinner artefacts for spun ones', () => {
    const original = seeds.get(ORIGINAL)!;
    const spun = seeds.get(SPUN)!;
    const early = '2020-01-01T00:00:00Z';
    const late = '2025-10-28T00:00:00Z';
    const verbatim = (pageDate: string, sourceDate: string) =>
      compare({ id: 'page', text: original.text, publishedAt: pageDate }, { ...original, publishedAt: sourceDate })?.direction;
    expect(verbatim(early, late)).toBe('copied-by');
    expect(verbatim(late, early)).toBe('copies');
    // A page template's date can be anything: the spun side is still the copy.
    const spunPage = compare({ id: 'page', text: spun.text, publishedAt: early }, { ...original, publishedAt: late });
    expect(spunPage?.direction).toBe('copies');
  });

  it.each(INDEPENDENT)('matches %s with itself only (same-topic articles are independent)', async (id) => {
    const matches = await matchAsPage(id);
    expect(matches.map((m) => [m.id, m.kind])).toEqual([[id, 'verbatim']]);
  });

  it('finds nothing between any two different seeds except the spun pair', () => {
    const all = [...seeds.values()];
    for (const page of all) {
      for (const source of all) {
        if (page.id === source.id) continue;
        const spunPair = [page.id, source.id].sort().join() === [SPUN, ORIGINAL].sort().join();
        expect(compare({ id: 'page', text: page.text }, source) !== null).toBe(spunPair);
      }
    }
  });
});

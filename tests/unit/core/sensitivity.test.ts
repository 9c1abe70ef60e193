/**
 * Sensitivity per kind, through Engine.match on the seed corpus: `high` finds lighter reuse
 * that `normal` misses, `low` drops what only meets `normal`, and no sensitivity (or all
 * `normal`) is exactly today's engine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine, type MatchOptions } from '../../../lib/core/engine';
import { SENSITIVITY_PROFILES, tuningForSensitivity } from '../../../lib/core/sensitivity';
import { DEFAULT_TUNING } from '../../../lib/core/tuning';
import type { Match, SourceText } from '../../../lib/core/types';
import { OWN_REPORTING, pageWithRun } from './copied-run';
import { INDEPENDENT, loadSeeds, ORIGINAL, SPUN } from './seeds';

/** The first paragraphs of a text, up to `share` of its words, and the share they really hold. */
function opening(text: string, share: number): { text: string; share: number } {
  const words = (part: string) => part.split(/\s+/).filter(Boolean);
  const total = words(text).length;
  const kept: string[] = [];
  let count = 0;
  for (const paragraph of text.split('\n\n')) {
    if (count + words(paragraph).length > share * total) break;
    kept.push(paragraph);
    count += words(paragraph).length;
  }
  return { text: kept.join('\n\n'), share: count / total };
}

/** Opening copies of the independent seeds that hold `share` of them, give or take 5 points. */
function openings(seeds: Map<string, SourceText>, share: number): { id: string; text: string }[] {
  return INDEPENDENT.map((id) => ({ id, ...opening(seeds.get(id)!.text, share) })).filter((copy) => Math.abs(copy.share - share) <= 0.05);
}

describe('sensitivity per kind', () => {
  let seeds: Map<string, SourceText>;
  let engine: Engine;
  const match = (text: string, options?: MatchOptions): Promise<Match[]> =>
    engine.match({ id: 'page', text }, (id) => seeds.get(id), undefined, options);
  const found = (matches: Match[], id: string) => matches.find((m) => m.id === id)?.kind ?? null;

  beforeAll(() => {
    seeds = new Map(loadSeeds().map((seed) => [seed.id, seed]));
    engine = new Engine();
    for (const seed of seeds.values()) engine.add(seed);
  });

  it('partial: high finds a 60-word copied run that normal misses', async () => {
    let pages = 0;
    for (const id of seeds.keys()) {
      const page = pageWithRun(seeds.get(id)!, 60);
      if (!page) continue;
      pages++;
      expect(found(await match(page), id)).toBeNull();
      expect(found(await match(page, { sensitivity: { partial: 'high' } }), id)).toBe('partial');
      // Another kind's level leaves partial copies alone.
      expect(found(await match(page, { sensitivity: { verbatim: 'high', spun: 'high' } }), id)).toBeNull();
    }
    expect(pages).toBeGreaterThanOrEqual(2);
  });

  it('partial: low drops a 100-word copied run that normal reports', async () => {
    let pages = 0;
    for (const id of seeds.keys()) {
      const page = pageWithRun(seeds.get(id)!, 100);
      if (!page) continue;
      pages++;
      expect(found(await match(page), id)).toBe('partial');
      expect(found(await match(page, { sensitivity: { partial: 'low' } }), id)).toBeNull();
    }
    expect(pages).toBeGreaterThanOrEqual(2);
  });

  // A page that is the article's opening lies wholly inside it: verbatim asks how much of the
  // article it holds (about 90% at normal, per the contract; a shortened version is partial).
  it.each([
    ['the first 93% is verbatim at normal, only partial at low', 0.93, 'verbatim', 'low', 'partial'],
    ['the first 85% is partial at normal, verbatim at high', 0.85, 'partial', 'high', 'verbatim'],
    ['the first 70% is partial at every level', 0.7, 'partial', 'high', 'partial'],
  ] as const)('verbatim: a copy of %s', async (_what, share, atNormal, level, atLevel) => {
    const copies = openings(seeds, share);
    expect(copies.length).toBeGreaterThanOrEqual(2);
    for (const { id, text } of copies) {
      expect(found(await match(text), id)).toBe(atNormal);
      expect(found(await match(text, { sensitivity: { verbatim: level } }), id)).toBe(atLevel);
    }
  });

  it('spun: low wants more of the page spun than a spun half-article beside own reporting', async () => {
    const page = `${OWN_REPORTING.join('\n\n')}\n\n${opening(seeds.get(SPUN)!.text, 0.45).text}`;
    expect(found(await match(page), ORIGINAL)).toBe('spun');
    // Still a copy: its long unchanged stretches make it a partial one.
    expect(found(await match(page, { sensitivity: { spun: 'low' } }), ORIGINAL)).toBe('partial');
  });

  it('no sensitivity, or normal for every kind, is the engine as it was', async () => {
    const normal = { sensitivity: { verbatim: 'normal', partial: 'normal', spun: 'normal' } } as const;
    const pages = [...seeds.values()].map((seed) => seed.text);
    pages.push(pageWithRun(seeds.get(INDEPENDENT[1])!, 100)!, opening(seeds.get(SPUN)!.text, 0.45).text);
    for (const page of pages) {
      const before = await match(page);
      expect(before.length).toBeGreaterThan(0);
      expect(await match(page, {})).toEqual(before);
      expect(await match(page, normal)).toEqual(before);
    }
    expect(tuningForSensitivity(DEFAULT_TUNING, normal.sensitivity)).toEqual(DEFAULT_TUNING);
  });

  it('each kind moves only thresholds no other kind reads, and every profile is valid', () => {
    const keysOf = (kind: keyof typeof SENSITIVITY_PROFILES) =>
      new Set(Object.values(SENSITIVITY_PROFILES[kind]).flatMap((profile) => Object.keys(profile)));
    const [verbatim, partial, spun] = (['verbatim', 'partial', 'spun'] as const).map(keysOf);
    for (const [a, b] of [[verbatim, partial], [verbatim, spun], [partial, spun]]) {
      expect([...a].filter((key) => b.has(key))).toEqual([]);
    }
    expect(() => tuningForSensitivity(DEFAULT_TUNING, { verbatim: 'low', partial: 'low', spun: 'low' })).not.toThrow();
    expect(() => tuningForSensitivity(DEFAULT_TUNING, { verbatim: 'high', partial: 'high', spun: 'high' })).not.toThrow();
  });
});

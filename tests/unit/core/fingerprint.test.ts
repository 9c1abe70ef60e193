import { describe, expect, it } from 'vitest';
import { Engine } from '../../../lib/core/engine';
import { fingerprintText } from '../../../lib/core/fingerprint';
import { INDEX_VERSION } from '../../../lib/core/index';
import { loadSeeds, ORIGINAL, SPUN } from './seeds';

const shared = (a: number[], b: number[]) => {
  const set = new Set(a);
  return b.filter((h) => set.has(h)).length;
};

describe('fingerprints', () => {
  const seeds = new Map(loadSeeds().map((s) => [s.id, s]));

  it('are deterministic plain data: sorted unique unsigned 32-bit hashes with the index version', () => {
    const text = seeds.get(ORIGINAL)!.text;
    const a = fingerprintText(text);
    const b = fingerprintText(`${text}`);
    expect(a).toEqual(b);
    expect(a.v).toBe(INDEX_VERSION);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    for (let i = 0; i < a.hashes.length; i++) {
      expect(Number.isInteger(a.hashes[i]) && a.hashes[i] >= 0 && a.hashes[i] < 2 ** 32).toBe(true);
      if (i > 0) expect(a.hashes[i]).toBeGreaterThan(a.hashes[i - 1]);
    }
  });

  it('are a small sample of the text (about a tenth of its words or less)', () => {
    for (const seed of seeds.values()) {
      const words = seed.text.split(/\s+/).length;
      const { hashes } = fingerprintText(seed.text);
      expect(hashes.length).toBeGreaterThan(10);
      expect(hashes.length).toBeLessThan(words / 4);
    }
  });

  it('survive spinning: the spun pair shares many, same-topic articles almost none', () => {
    const fps = new Map([...seeds].map(([id, s]) => [id, fingerprintText(s.text).hashes]));
    const pair = shared(fps.get(SPUN)!, fps.get(ORIGINAL)!);
    expect(pair).toBeGreaterThanOrEqual(20);
    for (const [a, fa] of fps) {
      for (const [b, fb] of fps) {
        if (a < b && !(new Set([a, b]).has(SPUN) && new Set([a, b]).has(ORIGINAL))) {
          expect(shared(fa, fb)).toBeLessThan(pair / 5);
        }
      }
    }
  });

  it('empty and tiny texts give valid (possibly empty) fingerprints', () => {
    expect(fingerprintText('').hashes).toEqual([]);
    expect(fingerprintText('one').hashes).toEqual([]);
    expect(fingerprintText('one two three four five').hashes.length).toBeGreaterThan(0);
  });

  it('are refused by the engine when made with another index version', () => {
    const engine = new Engine();
    expect(() => engine.addFingerprint('x', { v: INDEX_VERSION + 1, hashes: [1, 2, 3] })).toThrow(/version/);
  });
});

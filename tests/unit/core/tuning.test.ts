import { describe, expect, it } from 'vitest';
import { Engine } from '../../../lib/core/engine';
import { DEFAULT_TUNING, resolveTuning } from '../../../lib/core/tuning';

describe('tuning', () => {
  it('fills defaults and keeps valid overrides', () => {
    const tuning = resolveTuning({ maxCandidates: 3, spunCoverage: 0.7 });
    expect(tuning.maxCandidates).toBe(3);
    expect(tuning.spunCoverage).toBe(0.7);
    expect(tuning.anchorK).toBe(DEFAULT_TUNING.anchorK);
  });

  it.each([
    [{ maxCandidates: 0 }, /maxCandidates.*between 1/],
    [{ anchorK: 2.5 }, /anchorK.*integer/],
    [{ spunCoverage: Number.NaN }, /spunCoverage.*finite number/],
    [{ verbatimCoverage: 1.5 }, /verbatimCoverage.*between 0 and 1/],
    [{ spunMinChanged: 0.6, spunMaxChanged: 0.5 }, /spunMinChanged.*below.*spunMaxChanged/],
    [{ maxCandidate: 3 } as never, /Unknown tuning parameter "maxCandidate"/],
    [{ minSharedHashes: '3' } as never, /minSharedHashes.*finite number/],
  ])('rejects %o with a clear error', (overrides, message) => {
    expect(() => resolveTuning(overrides)).toThrow(message);
    expect(() => new Engine(overrides)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { fingerprintText } from '../../../lib/core/fingerprint';
import { INDEX_VERSION } from '../../../lib/core/index';

/**
 * Stored fingerprints (IndexedDB) and the content script's fingerprints must agree with the
 * engine's, in every browser and in Node, for a given INDEX_VERSION. These values were
 * computed once for version 1: if this test fails, fingerprints changed meaning and
 * INDEX_VERSION must be bumped (and this table extended), or stored libraries go stale.
 */
const GOLDEN: Record<number, number[]> = {
  1: [30515520, 179898404, 247261286, 406527144, 470270361],
};

const TEXT =
  'Russian President Vladimir Putin received North Korea’s top diplomat at the Kremlin on October 27 as Russian forces continued their push in eastern Ukraine, penetrating a key city amid fierce fighting.\n\n' +
  'North Korean media said Foreign Minister Choe Son Hui discussed “many future projects to constantly strengthen and develop” the bilateral relationship. Café NAÏVE ＡＢＣ 東京都 Новости дня.';

describe('fingerprint format', () => {
  it('matches the stored values of the current INDEX_VERSION', () => {
    expect(GOLDEN[INDEX_VERSION], `no golden fingerprints for INDEX_VERSION ${INDEX_VERSION}`).toBeDefined();
    expect(fingerprintText(TEXT)).toEqual({ v: INDEX_VERSION, hashes: GOLDEN[INDEX_VERSION] });
  });
});

import { describe, expect, it } from 'vitest';
import { fingerprintText } from '../../../lib/core/fingerprint';
import { INDEX_VERSION } from '../../../lib/core/index';

/**
 * Stored fingerprints (IndexedDB) and the content script's fingerprints must agree with the
 * engine's, in every browser and in Node, for a given INDEX_VERSION. These values were
 * computed once per version: if this test fails, fingerprints changed meaning and
 * INDEX_VERSION must be bumped (and this table extended), or stored libraries go stale.
 * Version 2: a single line break starts a sentence (the table's robust fingerprints moved).
 * Version 3: invisible and letter-stretching characters are skipped, Cyrillic and Greek
 * look-alikes read as Latin, words hyphenated across a line break are one word. The two
 * texts below keep their values (their Cyrillic words fall outside the selected hashes);
 * the disguised text checks the new meaning.
 */
const GOLDEN: Record<number, { prose: number[]; table: number[] }> = {
  1: { prose: [30515520, 179898404, 247261286, 406527144, 470270361], table: [414738764, 731589147] },
  2: { prose: [30515520, 179898404, 247261286, 406527144, 470270361], table: [414738764, 648378463] },
  3: { prose: [30515520, 179898404, 247261286, 406527144, 470270361], table: [414738764, 648378463] },
};

const TEXT =
  'Russian President Vladimir Putin received North Korea’s top diplomat at the Kremlin on October 27 as Russian forces continued their push in eastern Ukraine, penetrating a key city amid fierce fighting.\n\n' +
  'North Korean media said Foreign Minister Choe Son Hui discussed “many future projects to constantly strengthen and develop” the bilateral relationship. Café NAÏVE ＡＢＣ 東京都 Новости дня.';

/** A wire table stored as one block of lines. */
const TABLE = 'ACME CORP 4TH QTR NET\nShr 21 cts vs 18 cts\nNet 4.2 mln vs 3.1 mln\nRevs 120.5 mln vs 101.0 mln\nReuter';

describe('fingerprint format', () => {
  it('matches the stored values of the current INDEX_VERSION', () => {
    const golden = GOLDEN[INDEX_VERSION];
    expect(golden, `no golden fingerprints for INDEX_VERSION ${INDEX_VERSION}`).toBeDefined();
    expect(fingerprintText(TEXT)).toEqual({ v: INDEX_VERSION, hashes: golden.prose });
    expect(fingerprintText(TABLE)).toEqual({ v: INDEX_VERSION, hashes: golden.table });
  });

  it('gives a disguised copy of the prose the same fingerprints (from version 3)', () => {
    // Soft hyphens and a zero-width space inside words, a Greek Rho and a Cyrillic o as
    // Latin letters, a word split at a line break as in print.
    const disguised = TEXT.replace('President', 'Ρres\u00adident')
      .replace('diplomat', 'diplо\u200bmat')
      .replace('penetrating', 'pene-\ntrating');
    expect(disguised).not.toBe(TEXT);
    expect(fingerprintText(disguised).hashes).toEqual(fingerprintText(TEXT).hashes);
  });
});

/**
 * Fingerprints: a small set of 32-bit hashes per text, cheap enough for a content script.
 * Two kinds, in disjoint hash families (different seeds):
 * - exact: winnowed word k-grams (Schleimer et al. 2003), for verbatim and partial reuse;
 * - robust: winnowed n-grams over the "immutable" tokens only (function words, names,
 *   numbers), which synonym spinners leave alone (DSpin; Stamatatos' stopword n-grams), so
 *   a spun copy still shares many of them with its source.
 * Plain data: sent from the content script, stored in IndexedDB, tagged with INDEX_VERSION.
 */
import { hashRun } from './hash';
import { tokenize, TokenFlag, type Tokens } from './tokenize';
import { FINGERPRINT, INDEX_VERSION } from './tuning';

export interface Fingerprint {
  /** INDEX_VERSION the fingerprint was made with. */
  v: number;
  /** Selected hashes, unsigned, ascending, unique. */
  hashes: number[];
}

const EXACT_SEED = 0x5eed0001;
const ROBUST_SEED = 0x5eed0002;
/** k-gram hashes of the text being winnowed, reused across calls (fingerprinting is synchronous). */
let scratch = new Uint32Array(4096);

export function fingerprintText(text: string): Fingerprint {
  return { v: INDEX_VERSION, hashes: fingerprintTokens(tokenize(text)) };
}

export function fingerprintTokens(tokens: Tokens): number[] {
  const selected: number[] = [];
  winnow(tokens.ids, tokens.count, FINGERPRINT.exactK, FINGERPRINT.exactWindow, EXACT_SEED, selected);
  robustFingerprintsInto(tokens, selected);
  return sortedUnique(selected);
}

/**
 * The robust fingerprints of a text alone, as winnowing selects them (in text order, a hash
 * may repeat): for callers that already hold the exact family (exactFingerprintsAt) and would
 * otherwise winnow it twice.
 */
export function robustFingerprints(tokens: Tokens): number[] {
  return robustFingerprintsInto(tokens, []);
}

function robustFingerprintsInto(tokens: Tokens, out: number[]): number[] {
  const immutable = immutableIds(tokens);
  winnow(immutable, immutable.length, FINGERPRINT.robustN, FINGERPRINT.robustWindow, ROBUST_SEED, out);
  return out;
}

/** The exact (word k-gram) fingerprints of a text, each with the token where its k-gram starts. */
export function exactFingerprintsAt(tokens: Tokens): { hashes: number[]; starts: number[] } {
  const hashes: number[] = [];
  const starts: number[] = [];
  winnow(tokens.ids, tokens.count, FINGERPRINT.exactK, FINGERPRINT.exactWindow, EXACT_SEED, hashes, starts);
  return { hashes, starts };
}

/** Is this token one a synonym spinner would leave alone? */
export function isImmutable(flags: number): boolean {
  return (
    (flags & (TokenFlag.Function | TokenFlag.Numeric)) !== 0 ||
    (flags & (TokenFlag.Capitalized | TokenFlag.SentenceStart)) === TokenFlag.Capitalized
  );
}

function immutableIds(tokens: Tokens): Int32Array {
  const out = new Int32Array(tokens.count);
  let length = 0;
  for (let i = 0; i < tokens.count; i++) {
    if (isImmutable(tokens.flags[i])) out[length++] = tokens.ids[i];
  }
  return out.subarray(0, length);
}

/**
 * Winnowing: hash every k-gram of ids[0..count); in each window of `window` consecutive
 * k-gram hashes keep the minimum (rightmost on ties), once per position. Any shared run of
 * window + k - 1 ids shares at least one selected hash. Texts shorter than one window
 * still yield their minimum. Amortized O(count): the window is rescanned only when its
 * minimum leaves it.
 */
function winnow(
  ids: ArrayLike<number>,
  count: number,
  k: number,
  window: number,
  seed: number,
  out: number[],
  positions?: number[],
): void {
  const grams = count - k + 1;
  if (grams <= 0) return;
  if (scratch.length < grams) scratch = new Uint32Array(grams * 2);
  const hashes = scratch;
  for (let i = 0; i < grams; i++) hashes[i] = hashRun(ids, i, k, seed) >>> 0;
  const w = Math.min(window, grams);
  let minPos = -1;
  let lastEmitted = -1;
  for (let end = w - 1; end < grams; end++) {
    const start = end - w + 1;
    if (minPos < start) {
      minPos = start;
      for (let j = start + 1; j <= end; j++) if (hashes[j] <= hashes[minPos]) minPos = j;
    } else if (hashes[end] <= hashes[minPos]) {
      minPos = end;
    }
    if (minPos !== lastEmitted) {
      out.push(hashes[minPos]);
      positions?.push(minPos);
      lastEmitted = minPos;
    }
  }
}

function sortedUnique(values: number[]): number[] {
  const sorted = Uint32Array.from(values).sort();
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]);
  return out;
}

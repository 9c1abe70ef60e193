/**
 * A pack entry: what a pack keeps of one article. No text: a sample of its fingerprints in
 * both families of lib/core/fingerprint.ts (exact word k-grams, with where each one sits in the
 * article, and "robust" n-grams over the tokens spinners leave alone), the article's length,
 * and its labels (id, title, URL, date). Enough to recognise a copy and say roughly how much
 * and how it was reused; not enough to rebuild the text.
 *
 * Sampling is bottom-k by key value in each family (Broder 1997; the same rule on every side,
 * so a copy keeps the source's sampled keys that fall in the copied text). Keys are the top
 * KEY_BITS bits of the engine's 32-bit hashes: 24 bits keep chance collisions negligible
 * (a page's ~150 keys against one entry's ~40: ~4·10⁻⁴ expected chance hits per entry, and a
 * match needs several) while a sorted, delta-coded key costs 3 bytes instead of 4.
 */
import { boilerplateMask } from '../core/boilerplate';
import { exactFingerprintsAt, robustFingerprints } from '../core/fingerprint';
import { tokenize, TokenFlag, type Tokens } from '../core/tokenize';
import { FINGERPRINT, INDEX_VERSION } from '../core/tuning';

/** Bits of each stored key (the high bits of the engine's unsigned 32-bit hash). */
export const KEY_BITS = 24;
/** Exact (k-gram) keys kept per article: the smallest ones. */
export const EXACT_SAMPLE = 32;
/** Robust (immutable-token n-gram) keys kept per article: the smallest ones. */
export const ROBUST_SAMPLE = 16;
/** Resolution of an exact key's position in its article (0 = first token, POSITION_STEPS - 1 = last). */
export const POSITION_STEPS = 256;

/** The fingerprint parameters a pack is built with; written in its header and checked on reading. */
export function packFingerprintParameters(): PackFingerprintParameters {
  return {
    indexVersion: INDEX_VERSION,
    exactK: FINGERPRINT.exactK,
    exactWindow: FINGERPRINT.exactWindow,
    robustN: FINGERPRINT.robustN,
    robustWindow: FINGERPRINT.robustWindow,
    keyBits: KEY_BITS,
    exactSample: EXACT_SAMPLE,
    robustSample: ROBUST_SAMPLE,
    positionSteps: POSITION_STEPS,
  };
}

export interface PackFingerprintParameters {
  indexVersion: number;
  exactK: number;
  exactWindow: number;
  robustN: number;
  robustWindow: number;
  keyBits: number;
  exactSample: number;
  robustSample: number;
  positionSteps: number;
}

export interface PackEntry {
  id: string;
  title?: string;
  /** http: or https: only. */
  url?: string;
  /** As the input gave it (ISO 8601 expected). */
  publishedAt?: string;
  /** Article length in tokens (lib/core/tokenize). */
  tokens: number;
  /** Distinct exact keys of the whole article, before sampling. */
  exactTotal: number;
  /** Distinct robust keys of the whole article, before sampling. */
  robustTotal: number;
  /** Sampled exact keys, ascending, unique. */
  exact: number[];
  /** Position of each exact key's first k-gram, in 0..POSITION_STEPS-1 of the article. */
  exactAt: number[];
  /** Sampled robust keys, ascending, unique. */
  robust: number[];
}

/** An article's keys in full, before sampling: what a page is matched with. */
export interface ArticleKeys {
  tokens: number;
  /** Distinct exact keys, ascending, with the first position of each (0..POSITION_STEPS-1). */
  exact: number[];
  exactAt: number[];
  /** Distinct robust keys (those not also exact), ascending. */
  robust: number[];
}

const KEY_SHIFT = 32 - KEY_BITS;

/** The stored key of an engine hash (unsigned 32-bit). */
export function keyOf(hash: number): number {
  return hash >>> KEY_SHIFT;
}

/**
 * Every key of a text, by family, from its own text: paragraphs the engine's boilerplate
 * patterns mark (wire credits, press-release footers, disclaimers) are left out, and exact keys
 * whose k-gram starts inside a quotation are dropped (quoting a statement is not reuse, as in the
 * engine). Reuses lib/core's tokenizer and winnowing unchanged; pages and pack entries go
 * through this same function, so both sides agree.
 */
export function articleKeys(text: string): ArticleKeys {
  return keysOfTokens(ownTokens(text));
}

/** Tokens of `text` without the paragraphs that are mostly boilerplate (lib/core/boilerplate). */
function ownTokens(text: string): Tokens {
  const tokens = tokenize(text);
  const mask = boilerplateMask(text, tokens);
  const kept: string[] = [];
  let dropped = false;
  for (let start = 0; start < tokens.count; ) {
    let end = start;
    let masked = 0;
    while (end < tokens.count && tokens.paragraphs[end] === tokens.paragraphs[start]) masked += mask[end++];
    if (masked * 2 > end - start) dropped = true;
    else kept.push(text.slice(tokens.starts[start], tokens.ends[end - 1]));
    start = end;
  }
  // Tokenize again only when something was cut (most articles have no boilerplate paragraph).
  return dropped ? tokenize(kept.join('\n\n')) : tokens;
}

/**
 * Sort keys of keysOfTokens: a stored key times INDEX_SPAN plus the index of its hash. Winnowing
 * selects fewer hashes than a string has characters (under 2^29 in V8), so key · 2^29 + index
 * stays below 2^53, an exact float.
 */
const INDEX_SPAN = 2 ** 29;

function keysOfTokens(tokens: Tokens): ArticleKeys {
  const { hashes, starts } = exactFingerprintsAt(tokens);
  // Unquoted exact hashes as key · INDEX_SPAN + index, sorted as numbers: keys ascending, and the
  // first of each key is its first k-gram in the text (winnowing selects in text order).
  const order = new Float64Array(hashes.length);
  let unquoted = 0;
  for (let i = 0; i < hashes.length; i++) {
    if (!(tokens.flags[starts[i]] & TokenFlag.Quoted)) order[unquoted++] = keyOf(hashes[i]) * INDEX_SPAN + i;
  }
  const sorted = order.subarray(0, unquoted).sort();
  const scale = POSITION_STEPS / Math.max(1, tokens.count);
  const exact: number[] = [];
  const exactAt: number[] = [];
  for (const value of sorted) {
    const key = Math.floor(value / INDEX_SPAN);
    if (exact.length > 0 && exact[exact.length - 1] === key) continue;
    exact.push(key);
    exactAt.push(Math.min(POSITION_STEPS - 1, Math.floor(starts[value - key * INDEX_SPAN] * scale)));
  }
  // Robust keys: hashes of the robust family that are not exact ones (quoted exact ones
  // included: the engine merges both families), and whose key is not an exact key.
  const exactHashes = new Set(hashes);
  const robust: number[] = [];
  for (const hash of robustFingerprints(tokens)) {
    const key = keyOf(hash);
    if (!exactHashes.has(hash) && !includesSorted(exact, key)) robust.push(key);
  }
  return { tokens: tokens.count, exact, exactAt, robust: sortedUnique(robust) };
}

/** Is `value` in `sorted` (ascending)? Binary search. */
function includesSorted(sorted: readonly number[], value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] === value) return true;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

function sortedUnique(values: readonly number[]): number[] {
  const sorted = Uint32Array.from(values).sort();
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]);
  return out;
}

/** A pack entry for an article: its labels and a bottom-k sample of its keys. The text is not kept. */
export function packEntryOf(article: { id: string; text: string; title?: string; url?: string; publishedAt?: string }): PackEntry {
  const keys = articleKeys(article.text);
  const entry: PackEntry = {
    id: article.id,
    tokens: keys.tokens,
    exactTotal: keys.exact.length,
    robustTotal: keys.robust.length,
    exact: keys.exact.slice(0, EXACT_SAMPLE),
    exactAt: keys.exactAt.slice(0, EXACT_SAMPLE),
    robust: keys.robust.slice(0, ROBUST_SAMPLE),
  };
  if (article.title) entry.title = article.title;
  if (article.url) entry.url = article.url;
  if (article.publishedAt) entry.publishedAt = article.publishedAt;
  return entry;
}

/** The site an entry comes from: its URL's host without "www.", or undefined without a URL. */
export function entrySource(entry: Pick<PackEntry, 'url'>): string | undefined {
  if (!entry.url) return undefined;
  try {
    return new URL(entry.url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

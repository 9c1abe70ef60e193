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
import { exactFingerprintsAt, fingerprintTokens } from '../core/fingerprint';
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

function keysOfTokens(tokens: Tokens): ArticleKeys {
  const { hashes, starts } = exactFingerprintsAt(tokens);
  const firstAt = new Map<number, number>();
  const scale = POSITION_STEPS / Math.max(1, tokens.count);
  const quoted = new Set<number>();
  for (let i = 0; i < hashes.length; i++) {
    const key = keyOf(hashes[i]);
    if (tokens.flags[starts[i]] & TokenFlag.Quoted) {
      quoted.add(hashes[i]);
      continue;
    }
    if (!firstAt.has(key)) firstAt.set(key, Math.min(POSITION_STEPS - 1, Math.floor(starts[i] * scale)));
  }
  const exact = [...firstAt.keys()].sort((a, b) => a - b);
  const robustSet = new Set<number>();
  // fingerprintTokens gives both families merged; the robust ones are those winnowing did not pick as exact.
  const exactHashes = new Set(hashes);
  for (const hash of fingerprintTokens(tokens)) {
    if (!exactHashes.has(hash) && !quoted.has(hash)) {
      const key = keyOf(hash);
      if (!firstAt.has(key)) robustSet.add(key);
    }
  }
  return {
    tokens: tokens.count,
    exact,
    exactAt: exact.map((key) => firstAt.get(key)!),
    robust: [...robustSet].sort((a, b) => a - b),
  };
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

/**
 * 32-bit hashing on integers and code units (Math.imul keeps everything in int32, so the
 * results are identical in Node and in every browser: fingerprints cross that boundary).
 */

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** One FNV-1a step: fold a UTF-16 code unit into a running hash. */
export function fnvStep(hash: number, codeUnit: number): number {
  return Math.imul(hash ^ codeUnit, FNV_PRIME);
}

/** Murmur3's finalizer: spreads FNV's weak low bits so `hash % p` and minima are fair. */
export function finalizeHash(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash | 0;
}

/** Hash of a (normalized) string, the same as the tokenizer's fast path computes. */
export function hashString(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = fnvStep(hash, text.charCodeAt(i));
  return finalizeHash(hash);
}

/** Order-dependent hash of ids[start..start+length), seeded so different n-gram kinds never collide by design. */
export function hashRun(ids: ArrayLike<number>, start: number, length: number, seed: number): number {
  let hash = seed | 0;
  for (let i = start; i < start + length; i++) {
    hash = Math.imul((hash << 5) | (hash >>> 27), 0x9e3779b1) ^ ids[i];
  }
  return finalizeHash(hash);
}

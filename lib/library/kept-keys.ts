/**
 * What the library keeps of an article whose text was dropped to reclaim space (text-drop.ts):
 * the same bottom-k sample of its keys a fingerprint pack keeps (lib/packs/entry.ts, Broder
 * 1997), stored beside the engine's fingerprint in the entry's record (db.ts StoredEntry). The engine's
 * fingerprint still finds the entry as a candidate; with no text to align, these keys judge it
 * (lib/packs/estimate.ts), as a pack entry is judged: kind and estimated shares, no passages,
 * no swapped words.
 */
import { INDEX_VERSION } from '../core/tuning';
import { EXACT_SAMPLE, KEY_BITS, packEntryOf, ROBUST_SAMPLE, type PackEntry } from '../packs/entry';
import { classifyReuse, reuseFigures, type PackEstimate, type PageKeys } from '../packs/estimate';
import { PACK_MATCH } from '../packs/tuning';

/** A pack entry's keys, stored compactly: typed arrays cost their bytes in IndexedDB (about
 *  340 bytes in all, as storage-use.ts counts them), where arrays of numbers cost several bytes
 *  per number. */
export interface KeptKeys {
  /** INDEX_VERSION and KEY_BITS they were computed with: keys of another engine are ignored. */
  version: number;
  keyBits: number;
  tokens: number;
  exactTotal: number;
  robustTotal: number;
  /** Sampled exact keys, ascending. */
  exact: Uint32Array;
  /** Position of each exact key in the article, 0..POSITION_STEPS-1. */
  exactAt: Uint8Array;
  /** Sampled robust keys, ascending. */
  robust: Uint32Array;
}

/** The keys to keep of `text`: a pack entry's sample (packEntryOf), so both are judged alike. */
export function keptKeysOf(text: string): KeptKeys {
  const entry = packEntryOf({ id: '', text });
  return {
    version: INDEX_VERSION,
    keyBits: KEY_BITS,
    tokens: entry.tokens,
    exactTotal: entry.exactTotal,
    robustTotal: entry.robustTotal,
    exact: Uint32Array.from(entry.exact),
    exactAt: Uint8Array.from(entry.exactAt),
    robust: Uint32Array.from(entry.robust),
  };
}

/** The largest record keptKeysOf makes (full samples): what dropping a text adds back, at most. */
export function largestKeptKeys(): KeptKeys {
  return {
    version: INDEX_VERSION,
    keyBits: KEY_BITS,
    tokens: 2 ** 20,
    exactTotal: 2 ** 20,
    robustTotal: 2 ** 20,
    exact: new Uint32Array(EXACT_SAMPLE),
    exactAt: new Uint8Array(EXACT_SAMPLE),
    robust: new Uint32Array(ROBUST_SAMPLE),
  };
}

/** Whether `kept` was computed by this engine (else it cannot be compared with a page's keys). */
export function keptKeysCurrent(kept: KeptKeys | undefined): kept is KeptKeys {
  return kept !== undefined && kept.version === INDEX_VERSION && kept.keyBits === KEY_BITS && kept.exact instanceof Uint32Array;
}

/** Why a reclaimed entry is judged from fingerprints: the reason's words (English, as the engine's). */
const TEXT_DROPPED = 'its text is no longer kept on this device';

/**
 * Kind and estimated shares of reuse between a page (its keys: pageKeysOf(articleKeys(text)))
 * and a reclaimed entry, or null when the keys show too little to call a copy. No key is treated
 * as common: the engine's retrieval already required rare shared fingerprints to make the
 * entry a candidate.
 */
export function estimateFromKeptKeys(kept: KeptKeys, page: PageKeys): PackEstimate | null {
  const entry: PackEntry = {
    id: '',
    tokens: kept.tokens,
    exact: Array.from(kept.exact),
    exactAt: Array.from(kept.exactAt),
    robust: Array.from(kept.robust),
    exactTotal: kept.exactTotal,
    robustTotal: kept.robustTotal,
  };
  return classifyReuse(reuseFigures(entry, page, () => false), PACK_MATCH, TEXT_DROPPED);
}

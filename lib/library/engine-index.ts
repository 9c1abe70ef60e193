/**
 * Fills the in-memory engine from the library when there is no usable snapshot of it
 * (index-snapshot.ts). Fingerprints are derived data: the engine computes them from the texts
 * (the library records are the truth, like uBlock's selfie), and the snapshot keeps the index
 * they make. The library stores an entry's fingerprint only once its text is dropped
 * (text-drop.ts), since it cannot be computed again then: storing every entry's made an import
 * cost 6 % more processor time per article and the library take 24 % more disk at 100,000
 * articles, while a usable snapshot makes it unneeded (README, "One record per article"). The
 * price: without one, every text is read and fingerprinted again (36 s against 4 s at 100,000).
 */
import type { Engine } from '../core/engine';
import { fingerprintText, type Fingerprint } from '../core/fingerprint';
import { INDEX_VERSION } from '../core/tuning';
import type { LibraryDb, StoredEntry } from './db';
import { yieldToEvents } from './foreground';
import { readableText } from './text-codec';

/** Records read per request while loading. */
const LOAD_CHUNK = 500;

/** The engine's fingerprint of an entry: computed from its text; for an entry whose text was
 *  dropped, the stored one if this engine made it; else (or if its text cannot be read)
 *  undefined: it cannot be matched. */
export function entryFingerprint(entry: StoredEntry): Fingerprint | undefined {
  if (entry.body) {
    const text = readableText(entry.body);
    // One damaged record must not keep the library from opening.
    if (text === undefined) console.warn(`Recycled News: the text of "${entry.id}" cannot be read; it will not be matched`);
    return text === undefined ? undefined : fingerprintText(text);
  }
  const stored = entry.fingerprint;
  return stored?.v === INDEX_VERSION ? { v: stored.v, hashes: Array.from(stored.hashes) } : undefined;
}

/** Adds an entry to `engine`. One that cannot be matched (entryFingerprint) is held with no
 *  hashes, so the index still holds every entry: the snapshot's check of its size against the
 *  library's (index-snapshot.ts) then stays exact, instead of failing at every worker start. */
export function indexEntry(engine: Engine, entry: StoredEntry): void {
  engine.addFingerprint(entry.id, entryFingerprint(entry) ?? { v: INDEX_VERSION, hashes: [] });
}

/** Adds every entry of the library to `engine`; returns how many fingerprints were computed
 *  from texts. */
export async function loadEngineIndex(db: LibraryDb, engine: Engine): Promise<number> {
  let computed = 0;
  let range: IDBKeyRange | undefined;
  for (;;) {
    const chunk = await db.getAll('entries', range, LOAD_CHUNK);
    for (const entry of chunk) {
      indexEntry(engine, entry);
      if (entry.body) computed++;
    }
    if (chunk.length < LOAD_CHUNK) break;
    range = IDBKeyRange.lowerBound(chunk[chunk.length - 1].id, true);
    // A message arriving meanwhile (a page's report, which waits for the library) is taken in.
    await yieldToEvents();
  }
  return computed;
}

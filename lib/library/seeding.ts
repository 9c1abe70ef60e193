/**
 * The five seed articles, added once. Which seeds were ever added is remembered, so a reload
 * or an update never duplicates them, and a seed the user deleted does not come back until
 * they ask for the seed corpus again.
 */
import type { LibraryDb } from './db';
import { writeEntries } from './entry-writes';
import { prepareEntry, type PreparedEntry } from './prepared';
import { seedEntry, seedIdFromFileName } from './seed';

export interface SeedFile {
  fileName: string;
  content: string;
}

const SEEDED_KEY = 'seededIds';

/** Adds the seeds not added before; returns what was added. */
export async function addMissingSeeds(db: LibraryDb, seedFiles: readonly SeedFile[]): Promise<PreparedEntry[]> {
  const seeded = new Set(((await db.get('meta', SEEDED_KEY)) as string[] | undefined) ?? []);
  const now = new Date().toISOString();
  const fresh = seedFiles.filter((file) => !seeded.has(seedIdFromFileName(file.fileName)));
  const prepared = await Promise.all(fresh.map((file) => prepareEntry(seedEntry(file.fileName, file.content, now))));
  const toAdd: PreparedEntry[] = [];
  for (const item of prepared) {
    // The same text may already be there (imported by the user before): not stored twice.
    const taken = (await db.getKeyFromIndex('entries', 'hash', item.record.textHash)) ?? (await db.getKey('entries', item.record.id));
    if (taken === undefined) toAdd.push(item);
  }
  await writeEntries(db, toAdd);
  // Nothing new (every start of the worker): no write, which would wait for the index snapshot's read of `meta`.
  if (fresh.length === 0) return toAdd;
  await db.put('meta', [...seeded, ...fresh.map((file) => seedIdFromFileName(file.fileName))], SEEDED_KEY);
  return toAdd;
}

/** Forgets which seeds were added, so the next `addMissingSeeds` adds them all again. */
export async function forgetSeeds(db: LibraryDb): Promise<void> {
  await db.delete('meta', SEEDED_KEY);
}

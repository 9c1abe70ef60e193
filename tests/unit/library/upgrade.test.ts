/** A library saved by version 2 (plain texts, a multiEntry word index) opens with the same
 *  entries, their texts deflated, and searchable through the segments (version 3), without the
 *  sort indexes that lack the origin (version 4), each entry's text and fingerprint in its own
 *  record (version 5). A library saved by version 4 keeps every text, and the fingerprint and
 *  kept keys of a text dropped, through version 5's merge. */
import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, test, vi } from 'vitest';
import { fingerprintText } from '../../../lib/core/fingerprint';
import { INDEX_VERSION } from '../../../lib/core/tuning';
import { LIBRARY_DB_VERSION, openLibraryDb, SORT_FIELDS } from '../../../lib/library/db';
import { keptKeysOf } from '../../../lib/library/kept-keys';
import { packText } from '../../../lib/library/text-codec';
import { textHash, toRecord } from '../../../lib/library/records';
import { LibraryService } from '../../../lib/library/service';
import type { LibraryEntry } from '../../../lib/library/types';
import { article, failNthPut, freshDbName } from './helpers';

const SORT_PATHS = { title: 'titleKey', source: 'sourceKey', date: 'dateKey', size: 'size', added: 'addedAt' } as const;

/** Version 2's schema, as its upgrade made it. */
async function saveVersion2(name: string, entries: LibraryEntry[]): Promise<void> {
  const db = await openDB(name, 2, {
    upgrade(db) {
      const store = db.createObjectStore('entries', { keyPath: 'id' });
      for (const field of SORT_FIELDS) {
        store.createIndex(field, [SORT_PATHS[field], 'id']);
        store.createIndex(`origin-${field}`, ['origin', SORT_PATHS[field], 'id']);
      }
      store.createIndex('hash', 'textHash');
      db.createObjectStore('texts', { keyPath: 'id' });
      db.createObjectStore('words', { keyPath: 'id' }).createIndex('word', 'words', { multiEntry: true });
      db.createObjectStore('fingerprints', { keyPath: 'id' });
      db.createObjectStore('matches', { autoIncrement: true }).createIndex('entry', ['entryId', 'at']);
      const staging = db.createObjectStore('staging', { keyPath: ['importId', 'seq'] });
      staging.createIndex('import-hash', ['importId', 'record.textHash']);
      staging.createIndex('import-id', ['importId', 'record.id']);
      db.createObjectStore('meta');
    },
  });
  for (const entry of entries) {
    await db.put('entries', toRecord(entry, await textHash(entry.text)));
    await db.put('texts', { id: entry.id, text: entry.text });
    await db.put('words', { id: entry.id, words: ['stale'] });
  }
  db.close();
}

describe('upgrade from version 2', () => {
  test('keeps every entry and text, and makes them searchable', async () => {
    expect(LIBRARY_DB_VERSION).toBe(5);
    const name = freshDbName();
    const entries: LibraryEntry[] = Array.from({ length: 30 }, (_, n) => ({
      id: `old-${n}`,
      title: n === 7 ? 'Ferry timetable in Māori' : `Story ${n}`,
      source: 'Desk',
      addedAt: new Date(Date.UTC(2024, 0, 1 + n)).toISOString(),
      origin: 'imported',
      text: article(n) + (n === 7 ? ' Quillfeather appeared.' : ''),
    }));
    await saveVersion2(name, entries);

    const db = await openLibraryDb(name);
    expect([...db.objectStoreNames].sort()).toEqual(['entries', 'matches', 'meta', 'search-blocks', 'search-segments']);
    // Version 4 keeps only the sort indexes after the origin, and the hash.
    expect([...db.transaction('entries').store.indexNames].sort()).toEqual([...SORT_FIELDS.map((field) => `origin-${field}`), 'hash'].sort());
    // Long texts are stored deflated now, in the entry's record.
    expect((await db.get('entries', 'old-7'))?.body?.deflated).toBeInstanceOf(Uint8Array);
    const service = await LibraryService.open(db, []);
    // The engine computed the fingerprints from the texts.
    expect(service.indexLoad).toEqual({ from: 'entries', refingerprinted: 30 });
    expect((await service.match({ id: 'p', text: entries[4].text }))[0]?.id).toBe('old-4');
    await service.wordsIndexed();

    expect((await service.stats()).total).toBe(30);
    expect(await service.getEntries(entries.map((entry) => entry.id))).toEqual(entries);
    const found = await service.list({ sort: 'date', words: 'quillfeather', limit: 10 });
    expect(found.items.map((item) => item.id)).toEqual(['old-7']);
    expect((await service.list({ sort: 'date', words: 'maori ferry', limit: 10 })).items.map((item) => item.id)).toEqual(['old-7']);
    expect((await service.list({ sort: 'date', words: 'stale', limit: 10 })).items).toEqual([]);
    expect((await service.list({ sort: 'title', words: 'harbour', limit: 50 })).total).toBe(entries.filter((e) => /harbour/i.test(e.text)).length);
    // Lists of every origin, without their own indexes now, keep the sort's order.
    const byDate = await service.list({ sort: 'added', descending: true, limit: 10 });
    expect(byDate.items.map((item) => item.id)).toEqual(entries.slice(-10).reverse().map((entry) => entry.id));
    db.close();
  });
});

/** Version 4's schema, as its upgrades made it. */
async function saveVersion4(name: string, write: (db: IDBPDatabase) => Promise<void>): Promise<void> {
  const db = await openDB(name, 4, {
    upgrade(db) {
      const store = db.createObjectStore('entries', { keyPath: 'id' });
      for (const field of SORT_FIELDS) store.createIndex(`origin-${field}`, ['origin', SORT_PATHS[field], 'id']);
      store.createIndex('hash', 'textHash');
      db.createObjectStore('texts', { keyPath: 'id' });
      db.createObjectStore('fingerprints', { keyPath: 'id' });
      db.createObjectStore('matches', { autoIncrement: true }).createIndex('entry', ['entryId', 'at']);
      db.createObjectStore('meta');
      db.createObjectStore('search-segments', { keyPath: 'id', autoIncrement: true });
      db.createObjectStore('search-blocks');
    },
  });
  await write(db);
  db.close();
}

describe('upgrade from version 4', () => {
  test('moves every text into its entry, with the fingerprint and keys of a text dropped, in chunks, and drops the old stores', async () => {
    const name = freshDbName();
    // More than one chunk of the merge (500 entries), a short text kept plain, a text dropped to
    // reclaim space (keys, no text), and an entry whose fingerprint is missing (none is needed).
    const entries: LibraryEntry[] = Array.from({ length: 1_234 }, (_, n) => ({
      id: `e-${String(n).padStart(4, '0')}`,
      title: `Story ${n}`,
      source: 'Desk',
      addedAt: new Date(Date.UTC(2024, 0, 1)).toISOString(),
      origin: n === 3 ? 'learned' : 'imported',
      text: n === 1 ? 'A short one.' : article(n),
    }));
    const keys = keptKeysOf(entries[3].text);
    await saveVersion4(name, async (db) => {
      for (const [n, entry] of entries.entries()) {
        const record = { ...toRecord(entry, await textHash(entry.text)), ...(n === 3 ? { textDroppedAt: '2025-01-01T00:00:00Z' } : {}) };
        const tx = db.transaction(['entries', 'texts', 'fingerprints'], 'readwrite');
        void tx.objectStore('entries').put(record);
        if (n !== 3) void tx.objectStore('texts').put({ id: entry.id, ...packText(entry.text) });
        if (n !== 5) void tx.objectStore('fingerprints').put({ id: entry.id, version: INDEX_VERSION, fingerprint: fingerprintText(entry.text), publishedAt: entry.publishedAt, ...(n === 3 ? { keys } : {}) });
        await tx.done;
      }
      await db.put('meta', INDEX_VERSION, 'indexVersion');
    });

    const db = await openLibraryDb(name);
    expect([...db.objectStoreNames]).not.toContain('texts');
    expect([...db.objectStoreNames]).not.toContain('fingerprints');
    // The engine version of stored fingerprints goes with them.
    expect(await db.get('meta', 'indexVersion')).toBeUndefined();
    const stored = await db.getAll('entries');
    expect(stored).toHaveLength(entries.length);
    expect(stored[1].body).toEqual({ text: 'A short one.' });
    expect(stored[0].body?.deflated).toBeInstanceOf(Uint8Array);
    // The entry whose text was dropped keeps its fingerprint (as 32-bit words) and keys; the
    // others keep no fingerprint: the engine computes them from the texts.
    expect(stored[3]).toMatchObject({ keys, textDroppedAt: '2025-01-01T00:00:00Z' });
    expect(stored[3].body).toBeUndefined();
    expect(stored[3].fingerprint).toEqual({ v: INDEX_VERSION, hashes: Uint32Array.from(fingerprintText(entries[3].text).hashes) });
    expect(stored.filter((entry) => entry.fingerprint !== undefined || entry.keys !== undefined).map((entry) => entry.id)).toEqual([entries[3].id]);

    const service = await LibraryService.open(db, []);
    const kept = entries.filter((_, n) => n !== 3);
    expect(await service.getEntries(kept.map((entry) => entry.id))).toEqual(kept);
    expect(await service.getEntry(entries[3].id)).toMatchObject({ text: '', textDroppedAt: '2025-01-01T00:00:00Z' });
    expect(service.indexLoad).toEqual({ from: 'entries', refingerprinted: entries.length - 1 });
    const found = await service.match({ id: 'p', text: entries[1_000].text });
    expect(found[0]?.id).toBe(entries[1_000].id);
    // The entry without its text is still found, from its stored fingerprint and kept keys.
    expect((await service.match({ id: 'q', text: entries[3].text }))[0]).toMatchObject({ id: entries[3].id, textDropped: true });
    db.close();
  });

  // A write that throws (as a full disk's quota error does) or a request that fails later (a
  // constraint broken: the merge's put turned into an add of a key already there).
  test.each(['thrown', 'failed request'])('an upgrade that fails half-way (%s) changes nothing: the library stays at version 4, whole, and upgrades at the next try', async (failure) => {
    const name = freshDbName();
    const entries: LibraryEntry[] = Array.from({ length: 700 }, (_, n) => ({ id: `e-${n}`, title: `Story ${n}`, source: 'Desk', addedAt: '2024-01-01T00:00:00.000Z', origin: 'imported', text: article(n) }));
    await saveVersion4(name, async (db) => {
      for (const entry of entries) {
        await db.put('entries', toRecord(entry, await textHash(entry.text)));
        await db.put('texts', { id: entry.id, ...packText(entry.text) });
      }
    });
    // The second chunk's first write fails.
    const failing = failure === 'thrown' ? failNthPut('entries', 501) : failNthPutAsAdd('entries', 501);
    try {
      await expect(openLibraryDb(name)).rejects.toThrow();
    } finally {
      failing.restore();
    }
    const old = await openDB(name);
    expect(old.version).toBe(4);
    expect(await old.count('texts')).toBe(700);
    expect((await old.getAll('entries')).every((record) => !('body' in record))).toBe(true);
    old.close();

    const db = await openLibraryDb(name);
    const service = await LibraryService.open(db, []);
    expect(await service.getEntries(entries.map((entry) => entry.id))).toEqual(entries);
    db.close();
  });
});

/** Turns the `nth` put into `store` into an add: for a key already there, its request fails
 *  (ConstraintError) after the call returns, and the transaction aborts by itself. */
function failNthPutAsAdd(store: string, nth: number): { restore(): void } {
  const put = IDBObjectStore.prototype.put;
  const add = IDBObjectStore.prototype.add;
  let puts = 0;
  const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    return (this.name === store && ++puts === nth ? add : put).apply(this, args as Parameters<typeof put>);
  });
  return { restore: () => spy.mockRestore() };
}

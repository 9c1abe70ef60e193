/** A library saved by version 2 (plain texts, a multiEntry word index) opens as version 3 with
 *  the same entries, their texts deflated, and searchable through the segments; then as version
 *  4, without the sort indexes that lack the origin. */
import { openDB } from 'idb';
import { describe, expect, test } from 'vitest';
import { LIBRARY_DB_VERSION, openLibraryDb, SORT_FIELDS } from '../../../lib/library/db';
import { textHash, toRecord } from '../../../lib/library/records';
import { LibraryService } from '../../../lib/library/service';
import type { LibraryEntry } from '../../../lib/library/types';
import { article, freshDbName } from './helpers';

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

describe('upgrade to version 3, then 4', () => {
  test('keeps every entry and text, and makes them searchable', async () => {
    expect(LIBRARY_DB_VERSION).toBe(4);
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
    expect([...db.objectStoreNames]).not.toContain('words');
    expect([...db.objectStoreNames]).not.toContain('staging');
    // Version 4 keeps only the sort indexes after the origin, and the hash.
    expect([...db.transaction('entries').store.indexNames].sort()).toEqual([...SORT_FIELDS.map((field) => `origin-${field}`), 'hash'].sort());
    // Long texts are stored deflated now.
    expect((await db.get('texts', 'old-7'))?.deflated).toBeInstanceOf(Uint8Array);
    const service = await LibraryService.open(db, []);
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

import { describe, expect, test, vi } from 'vitest';
import { Engine } from '../../../lib/core/engine';
import { INDEX_VERSION } from '../../../lib/core/tuning';
import { openLibraryDb, type LibraryDb } from '../../../lib/library/db';
import { deleteEntries, ENTRY_STORES, packedEntry, putEntry, RequestBatch, writeEntries } from '../../../lib/library/entry-writes';
import { IndexSnapshotKeeper } from '../../../lib/library/index-snapshot';
import { prepareEntry } from '../../../lib/library/prepared';
import { LibraryService } from '../../../lib/library/service';
import { SEED_FILES, article, openService, preparedBatch } from './helpers';

const SNAPSHOT_KEY = 'indexSnapshot';

/** The stored snapshot record, as lib/library/index-snapshot.ts writes it. */
interface StoredRecord {
  version: number;
  generation: number;
  entries: number;
  packed: { format: number; ids: string; slotBits: number; lengths: number[]; arrays: Blob };
}

async function prepared(n: number) {
  return prepareEntry({ id: `extra-${n}`, title: `Extra ${n}`, text: article(n, 6), source: 'test', addedAt: '2026-11-30T00:00:00Z', origin: 'imported' });
}

/** A library of the seeds and 12 generated articles, its snapshot saved. */
async function savedLibrary() {
  const { db, service, name } = await openService();
  for (let n = 0; n < 12; n++) await service.add({ title: `Story ${n}`, text: article(n, 6), source: 'test', origin: 'pasted' });
  expect(await service.saveIndexSnapshot()).toBe(true);
  return { db, service, name };
}

async function reopen(db: LibraryDb, name: string): Promise<LibraryService> {
  db.close();
  return LibraryService.open(await openLibraryDb(name), SEED_FILES);
}

/** What the library finds for pages made of its own texts and of texts it lacks. */
async function verdicts(service: LibraryService): Promise<string[][]> {
  const pages = [...Array.from({ length: 12 }, (_, n) => article(n, 6)), article(40, 6), article(41, 6)];
  const out: string[][] = [];
  for (const text of pages) out.push((await service.match({ id: 'https://example.test/page', text })).map((m) => `${m.id} ${m.kind} ${m.score}`));
  return out;
}

describe('index snapshot', () => {
  test('a reopened library restores the snapshot without re-adding fingerprints, and matches as the fresh build did', async () => {
    const { db, service, name } = await savedLibrary();
    expect(service.indexLoad.from).toBe('entries');
    const fresh = await verdicts(service);
    expect(fresh.slice(0, 12).every((found) => found.length > 0)).toBe(true);
    const reopened = await reopen(db, name);
    expect(reopened.indexLoad).toEqual({ from: 'snapshot', replayed: 0 });
    expect(await verdicts(reopened)).toEqual(fresh);
  });

  test('entries added or deleted behind the snapshot make it stale: the index is rebuilt and sees them', async () => {
    const { db, name } = await savedLibrary();
    await writeEntries(db, [await prepared(40)]);
    const gone = (await db.getAllKeys('entries')).find((id) => id.startsWith('pasted-'))!;
    await deleteEntries(db, [gone]);
    const reopened = await reopen(db, name);
    expect(reopened.indexLoad.from).toBe('entries');
    const found = await verdicts(reopened);
    expect(found[12][0]).toMatch(/^extra-40 verbatim/);
    expect(found.flat().filter((match) => match.startsWith(gone))).toEqual([]);
  });

  test('a write by code that does not bump the generation (an older version) is caught by the entry count', async () => {
    const { db, name } = await savedLibrary();
    const item = await prepared(41);
    const tx = db.transaction([...ENTRY_STORES], 'readwrite');
    const batch = new RequestBatch();
    putEntry(batch, tx, packedEntry(item));
    await Promise.all([batch.settle(), tx.done]);
    const reopened = await reopen(db, name);
    expect(reopened.indexLoad.from).toBe('entries');
    expect((await verdicts(reopened))[13][0]).toMatch(/^extra-41 verbatim/);
  });

  test('a snapshot of another INDEX_VERSION or another generation is ignored', async () => {
    for (const change of [{ version: INDEX_VERSION + 1 }, { version: INDEX_VERSION - 1 }, { generation: -1 }]) {
      const { db, name } = await savedLibrary();
      const stored = (await db.get('meta', SNAPSHOT_KEY)) as object;
      await db.put('meta', { ...stored, ...change }, SNAPSHOT_KEY);
      const reopened = await reopen(db, name);
      // Every entry's fingerprint (5 seeds, 12 stories) is computed from its text again.
      expect(reopened.indexLoad).toEqual({ from: 'entries', refingerprinted: 17 });
    }
  });

  test('a snapshot of an older layout (typed arrays stored as they are: float64 or bucketed postings) is rebuilt quietly', async () => {
    const { db: first, service, name } = await savedLibrary();
    const expected = await verdicts(service);
    const { version, generation, entries } = (await first.get('meta', SNAPSHOT_KEY)) as StoredRecord;
    let db = first;
    const common = { ids: '', idLengths: new Uint32Array(0), counts: new Uint32Array(0) };
    const float64 = { format: 1, ...common, postings: new Float64Array(0) };
    const bucketed = { format: 2, ...common, slotBits: 10, offsets: new Uint32Array(1025), postings: new Uint32Array(0) };
    for (const index of [float64, bucketed]) {
      await db.put('meta', { version, generation, entries, index }, SNAPSHOT_KEY);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      try {
        const reopened = await reopen(db, name);
        db = reopened.db;
        expect(reopened.indexLoad).toEqual({ from: 'entries', refingerprinted: 17 });
        expect(await verdicts(reopened)).toEqual(expected);
        expect(warn).not.toHaveBeenCalled();
      } finally {
        warn.mockRestore();
      }
    }
  });

  test('the arrays are stored in one Blob, described by their lengths', async () => {
    const { db } = await savedLibrary();
    const { packed } = (await db.get('meta', SNAPSHOT_KEY)) as StoredRecord;
    expect(packed.arrays).toBeInstanceOf(Blob);
    const [idLengths, counts, offsets, postings] = packed.lengths;
    // The seeds and 12 articles; 2^10 + 1 bucket offsets; about a hundred postings per article.
    expect([idLengths, counts, offsets]).toEqual([17, 17, 1025]);
    expect(postings).toBeGreaterThan(17 * 20);
    expect(packed.arrays.size).toBe(4 * (idLengths + counts + offsets + postings));
  });

  test('a corrupt snapshot is ignored with a warning and replaced by a sound one', async () => {
    const { db, service, name } = await savedLibrary();
    const expected = await verdicts(service);
    const stored = (await db.get('meta', SNAPSHOT_KEY)) as StoredRecord;
    const arrays = new Uint32Array(await stored.packed.arrays.arrayBuffer());
    const [idLengths, counts, offsets] = stored.packed.lengths;
    const posting = idLengths + counts + offsets + 3;
    arrays[posting] = (arrays[posting] | (2 ** stored.packed.slotBits - 1)) >>> 0; // the highest slot: beyond the ids
    await db.put('meta', { ...stored, packed: { ...stored.packed, arrays: new Blob([arrays]) } }, SNAPSHOT_KEY);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const reopened = await reopen(db, name);
      expect(reopened.indexLoad.from).toBe('entries');
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('damaged'), expect.objectContaining({ message: expect.stringMatching(/out of order or out of range/) }));
      expect(await verdicts(reopened)).toEqual(expected);
      expect(await reopened.saveIndexSnapshot()).toBe(true);
      expect((await reopen(reopened.db, name)).indexLoad.from).toBe('snapshot');
    } finally {
      warn.mockRestore();
    }
  });

  test('a snapshot whose arrays are cut short, or whose lengths do not describe them, is ignored with a warning and rebuilt', async () => {
    const { db: first, service, name } = await savedLibrary();
    const expected = await verdicts(service);
    const stored = (await first.get('meta', SNAPSHOT_KEY)) as StoredRecord;
    let db = first;
    const bytes = await stored.packed.arrays.arrayBuffer();
    const [idLengths, counts, offsets, postings] = stored.packed.lengths;
    const damaged = [
      { ...stored.packed, arrays: new Blob([bytes.slice(0, bytes.byteLength - 4)]) },
      { ...stored.packed, lengths: [idLengths, counts, offsets] },
      { ...stored.packed, lengths: [idLengths, counts, offsets + 1, postings - 1] },
      { ...stored.packed, arrays: new Uint32Array(bytes) },
    ];
    for (const packed of damaged) {
      await db.put('meta', { ...stored, packed }, SNAPSHOT_KEY);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      try {
        const reopened = await reopen(db, name);
        db = reopened.db;
        expect(reopened.indexLoad.from).toBe('entries');
        expect(warn).toHaveBeenCalledWith(expect.stringContaining('damaged'), expect.objectContaining({ message: expect.stringMatching(/Index snapshot is unusable/) }));
        expect(await verdicts(reopened)).toEqual(expected);
      } finally {
        warn.mockRestore();
      }
    }
  });

  test('a few changes through the service are saved beside the snapshot and replayed; emptying rewrites it', async () => {
    const { db, service, name } = await savedLibrary();
    const snapshotGeneration = ((await db.get('meta', SNAPSHOT_KEY)) as { generation: number }).generation;
    const gone = (await db.getAllKeys('entries')).find((id) => id.startsWith('pasted-'))!;
    await service.add({ title: 'Late', text: article(40, 6), source: 'test', origin: 'pasted' });
    await service.delete([gone]);
    expect(await service.saveIndexSnapshot()).toBe(true);
    // The snapshot itself was not rewritten for two changes.
    expect(((await db.get('meta', SNAPSHOT_KEY)) as { generation: number }).generation).toBe(snapshotGeneration);
    const expected = await verdicts(service);
    expect(expected[12].length).toBeGreaterThan(0);
    const reopened = await reopen(db, name);
    expect(reopened.indexLoad).toEqual({ from: 'snapshot', replayed: 2 });
    expect(await verdicts(reopened)).toEqual(expected);
    // Changes after a replay add to the replayed ones.
    await reopened.add({ title: 'Later', text: article(41, 6), source: 'test', origin: 'pasted' });
    expect(await reopened.saveIndexSnapshot()).toBe(true);
    const again = await reopen(reopened.db, name);
    expect(again.indexLoad).toEqual({ from: 'snapshot', replayed: 3 });
    expect((await verdicts(again))[13].length).toBeGreaterThan(0);
    await again.clear();
    expect(await again.saveIndexSnapshot()).toBe(true);
    const emptied = await reopen(again.db, name);
    expect(emptied.indexLoad).toEqual({ from: 'snapshot', replayed: 0 });
    expect((await verdicts(emptied)).flat()).toEqual([]);
  });

  test('entries that cannot be matched (a text that will not inflate, a dropped text with another version\'s fingerprint) neither stop the library opening nor make its snapshot unusable', async () => {
    const { db, service, name } = await savedLibrary();
    const expected = await verdicts(service);
    const base = (await db.get('entries', (await db.getAllKeys('entries')).find((id) => id.startsWith('pasted-'))!))!;
    await db.put('entries', { ...base, id: 'damaged', textHash: 'f'.repeat(64), body: { deflated: new Uint8Array([1, 2, 3, 4, 5]) } });
    const { body: _text, ...withoutText } = base;
    await db.put('entries', { ...withoutText, id: 'old-engine', textHash: 'e'.repeat(64), textDroppedAt: '2026-01-01T00:00:00Z', fingerprint: { v: INDEX_VERSION - 1, hashes: new Uint32Array([1, 2, 3]) } });
    await db.delete('meta', SNAPSHOT_KEY);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const reopened = await reopen(db, name);
      expect(reopened.indexLoad.from).toBe('entries');
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('"damaged" cannot be read'));
      expect(await verdicts(reopened)).toEqual(expected);
      // Both are held in the index with no hashes: its size is the library's, so the snapshot saved now is used.
      expect(await reopened.saveIndexSnapshot()).toBe(true);
      const again = await reopen(reopened.db, name);
      expect(again.indexLoad).toEqual({ from: 'snapshot', replayed: 0 });
      expect(await verdicts(again)).toEqual(expected);
    } finally {
      warn.mockRestore();
    }
  });

  test('a few changes are saved at once, unasked: a worker stopped right after restores from the snapshot', async () => {
    const { db, service, name } = await savedLibrary();
    await service.add({ title: 'Learned just now', text: article(42, 6), source: 'test', origin: 'pasted' });
    const changesSaved = async () => ((await db.get('meta', 'indexSnapshotChanges')) as { ids?: string[] } | undefined)?.ids?.length === 1;
    // Generous guard (2 s) against a hang; the changes are saved within a few ms.
    for (let waited = 0; waited < 200 && !(await changesSaved()); waited++) await new Promise((resolve) => setTimeout(resolve, 10));
    const expected = await verdicts(service);
    const reopened = await reopen(db, name);
    expect(reopened.indexLoad).toEqual({ from: 'snapshot', replayed: 1 });
    expect(await verdicts(reopened)).toEqual(expected);
  });

  test('an import left unfinished is rolled back at the opening, while the snapshot is read: its articles are not matched', async () => {
    const { db, service, name } = await savedLibrary();
    const importId = await service.beginImport('cut.ndjson');
    await service.importBatch(importId, await preparedBatch([{ id: 'cut-1', title: 'Cut short', text: article(40, 6) }]));
    // The snapshot (here its changes record) now holds the import's article; the worker stops before the commit.
    expect(await service.saveIndexSnapshot()).toBe(true);
    expect((await verdicts(service))[12][0]).toMatch(/^cut-1 verbatim/);
    const reopened = await reopen(db, name);
    expect(await reopened.db.getKey('entries', 'cut-1')).toBeUndefined();
    expect(reopened.indexLoad.from).toBe('entries');
    expect((await verdicts(reopened)).flat().filter((match) => match.startsWith('cut-1'))).toEqual([]);
  });

  test('no snapshot is taken while a change is between its commit and the engine update', async () => {
    const { db } = await openService();
    const engine = new Engine();
    const keeper = new IndexSnapshotKeeper(db, engine, 60_000);
    const item = await prepared(40);
    const during = await keeper.change(async () => {
      await writeEntries(db, [item]);
      const saved = await keeper.save(); // the generation moved; the engine does not hold the entry yet
      engine.addFingerprint(item.record.id, item.fingerprint);
      return saved;
    });
    expect(during).toBe(false);
    expect(await db.get('meta', SNAPSHOT_KEY)).toBeUndefined();
  });

  test('a library opened without a usable snapshot saves one after a quiet time, unasked', async () => {
    const { db, service } = await openService();
    expect(service.indexLoad.from).toBe('entries');
    // Generous guard (20 s) against a hang; the save comes about 5 s after the open.
    for (let waited = 0; waited < 200 && !(await db.get('meta', SNAPSHOT_KEY)); waited++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await db.get('meta', SNAPSHOT_KEY)).toMatchObject({ version: INDEX_VERSION, entries: 5 });
  });
});

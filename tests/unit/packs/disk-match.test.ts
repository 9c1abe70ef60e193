/**
 * The extension's on-disk matching (buckets in IndexedDB, lib/packs/disk-match.ts) gives the
 * same matches as the in-memory EntryIndex (through PackIndex, as the scan command uses it), on
 * generated packs with keys common enough to be ignored; the buckets go with their pack; packs
 * installed before buckets existed get them built.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { makeQuery, type QueryKind } from '../../bench/engine-corpus';
import { articleKeys, type ArticleKeys, type PackEntry } from '../../../lib/packs/entry';
import { RETRIEVAL } from '../../../lib/packs/entry-index';
import { LivePacks } from '../../../lib/packs/live-packs';
import { PackIndex } from '../../../lib/packs/match';
import { encodePack } from '../../../lib/packs/pack';
import { importPack, readGeneration, removePack } from '../../../lib/packs/store';
import { bucketWriter, dropBuckets, finishBuckets } from '../../../lib/packs/store-buckets';
import { openPacksDb, type PacksDb } from '../../../lib/packs/store-db';
import { entries, META } from './helpers';

let db: PacksDb;
let dbName = "";
let counter = 0;

beforeEach(async () => {
  dbName = `disk-match-${++counter}`;
  db = await openPacksDb(dbName);
});
afterEach(() => db.close());

const fromFile = (file: string) => ({ origin: { kind: 'file' as const, file } });

/** Keys small enough to be sampled by every entry that holds them (bottom-k keeps the smallest). */
const COMMON = 3;
const SHARED_ACROSS = 4;

/**
 * Generated entries, some given extra keys: COMMON in 40 entries (df 40 > maxDocs 20: ignored),
 * SHARED_ACROSS in 25 entries spread over both halves (common only when the packs are counted together).
 */
function corpus(count: number): PackEntry[] {
  return entries(0, count).map((entry, i) => {
    const extra = [...(i % 37 === 0 ? [COMMON] : []), ...(i % 59 === 5 ? [SHARED_ACROSS] : [])];
    if (extra.length === 0) return entry;
    const exact = [...extra, ...entry.exact].slice(0, entry.exact.length);
    const exactAt = [...extra.map(() => 0), ...entry.exactAt].slice(0, entry.exact.length);
    // Keep positions with their keys: the dropped keys are the largest (the list stays ascending).
    return { ...entry, exact, exactAt };
  });
}

/** Pages: copies (verbatim, spun, partial) of pack articles and unrelated ones, some holding the forged keys. */
function pages(count: number, librarySize: number): ArticleKeys[] {
  const kinds: QueryKind[] = ['verbatim', 'spun', 'partial', 'unrelated'];
  return Array.from({ length: count }, (_, i) => {
    const keys = articleKeys(makeQuery(kinds[i % kinds.length], librarySize, `disk-${i}`).text);
    if (i % 3 !== 0) return keys;
    const exact = [COMMON, SHARED_ACROSS, ...keys.exact.filter((key) => key > SHARED_ACROSS)];
    return { ...keys, exact, exactAt: [10, 11, ...keys.exactAt.slice(keys.exact.length - exact.length + 2)] };
  });
}

const withoutSlot = (matches: Array<{ slot: string }>) => matches.map(({ slot: _slot, ...match }) => match);

describe('on-disk pack matching', () => {
  it('gives the same matches as EntryIndex, for one pack and for two', async () => {
    const all = corpus(1500);
    expect(all.filter((entry) => entry.exact[0] === COMMON).length).toBeGreaterThan(RETRIEVAL.maxDocs);
    const queries = pages(48, all.length);

    await importPack(db, [encodePack(META, all)], fromFile('one.pack'));
    const memory = new PackIndex();
    for (const entry of all) memory.add(META.name, entry);
    const live = await LivePacks.load(db);
    let matched = 0;
    for (const keys of queries) {
      const expected = memory.match(keys);
      matched += expected.length;
      expect(withoutSlot(await live.match(keys))).toEqual(expected);
    }
    // The comparison means something: copies were found (and unrelated pages were not).
    expect(matched).toBeGreaterThan(queries.length / 2);

    // Two packs (rows numbered across them in list order, df counted over both).
    const [first] = await db.getAll('packs');
    await removePack(db, first.slot);
    const halves = [all.filter((_, i) => i % 2 === 0), all.filter((_, i) => i % 2 === 1)];
    await importPack(db, [encodePack({ ...META, name: 'A desk' }, halves[0])], fromFile('a.pack'));
    await importPack(db, [encodePack({ ...META, name: 'B desk' }, halves[1])], fromFile('b.pack'));
    const both = new PackIndex();
    for (const entry of halves[0]) both.add('A desk', entry);
    for (const entry of halves[1]) both.add('B desk', entry);
    const twoPacks = await LivePacks.load(db);
    for (const keys of queries) expect(withoutSlot(await twoPacks.match(keys))).toEqual(both.match(keys));
  });

  it('writes the same buckets in many parts, merged, as in one', async () => {
    const installed = await importPack(db, [encodePack(META, entries(0, 60))], fromFile('a.pack'));
    const inOne = await db.getAll('buckets');
    const summary = await db.get('summaries', installed.generation);
    await dropBuckets(db, installed.generation);
    // Parts of 200 postings (about 4 entries): dozens of parts per bucket range, merged at the end.
    const writer = bucketWriter(db, installed.generation, 200);
    for await (const stored of readGeneration(db, installed.generation)) await writer.add(stored.keys);
    await finishBuckets(writer);
    expect(await db.getAll('buckets')).toEqual(inOne);
    expect(await db.get('summaries', installed.generation)).toEqual(summary);
  });

  it('drops a pack\'s buckets and summary with it', async () => {
    const a = await importPack(db, [encodePack(META, entries(0, 30))], fromFile('a.pack'));
    const b = await importPack(db, [encodePack({ ...META, name: 'B desk' }, entries(30, 60))], fromFile('b.pack'));
    const ofGeneration = async (generation: number) => (await db.getAll('buckets')).filter((bucket) => bucket.generation === generation).length;
    expect(await ofGeneration(a.generation)).toBeGreaterThan(0);
    await removePack(db, a.slot);
    expect(await ofGeneration(a.generation)).toBe(0);
    expect(await db.get('summaries', a.generation)).toBeUndefined();
    expect(await ofGeneration(b.generation)).toBeGreaterThan(0);
    expect(await db.get('summaries', b.generation)).toMatchObject({ entries: 30 });
  });

  it('upgrades a version 1 database: its packs keep working, their buckets built on first load', async () => {
    const installed = await importPack(db, [encodePack(META, entries(0, 80))], fromFile('old.pack'));
    const expected = new PackIndex();
    for (const entry of entries(0, 80)) expected.add(META.name, entry);
    // A database as version 1 made it: the same packs and entries, no buckets, no summaries.
    const oldName = `${dbName}-v1`;
    const old = await openDB(oldName, 1, {
      upgrade(raw) {
        raw.createObjectStore('packs', { keyPath: 'slot' });
        raw.createObjectStore('entries', { keyPath: ['generation', 'seq'] });
        raw.createObjectStore('pending', { keyPath: 'generation' });
        raw.createObjectStore('meta');
      },
    });
    for (const pack of await db.getAll('packs')) await old.put('packs', pack);
    for (const entry of await db.getAll('entries')) await old.put('entries', entry);
    await old.put('meta', installed.generation + 1, 'nextGeneration');
    old.close();

    const upgraded = await openPacksDb(oldName);
    try {
      expect(upgraded.version).toBe(2);
      expect(await upgraded.count('buckets')).toBe(0);
      const live = await LivePacks.load(upgraded);
      expect(live.size).toBe(80);
      expect(await upgraded.get('summaries', installed.generation)).toMatchObject({ entries: 80 });
      const keys = articleKeys(makeQuery('spun', 80, 'legacy').text);
      const found = withoutSlot(await live.match(keys));
      expect(found.length).toBeGreaterThan(0);
      expect(found).toEqual(expected.match(keys));
    } finally {
      upgraded.close();
    }
  });
});

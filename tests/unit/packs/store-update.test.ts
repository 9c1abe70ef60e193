/**
 * A pack update (diff) applied to the installed pack in the extension's store (fake-indexeddb):
 * the same installed state as importing the new pack whole (entries, buckets, summary, record,
 * matches); an update that does not fit, or is bad, rejected with the store unchanged.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { libraryArticle } from '../../bench/engine-corpus';
import { LivePacks } from '../../../lib/packs/live-packs';
import { encodePack } from '../../../lib/packs/pack';
import { importPack, listPacks } from '../../../lib/packs/store';
import { openPacksDb, type PacksDb } from '../../../lib/packs/store-db';
import { applyStoredUpdate } from '../../../lib/packs/store-update';
import { encodeUpdate } from '../../../lib/packs/update';
import { entries, META, pack, withHeader } from './helpers';

let name = 0;
const opened: PacksDb[] = [];
const open = async () => {
  const db = await openPacksDb(`pack-store-update-${++name}`);
  opened.push(db);
  return db;
};
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const ORIGIN = { kind: 'url' as const, url: 'https://packs.example/desk.pack' };
/** More than one block (1,024 entries) and several write batches. */
const OLD = encodePack(META, entries(0, 1100));
const NEXT = encodePack({ ...META, createdAt: '2026-12-01T00:00:00Z' }, [
  ...entries(100, 1000),
  ...entries(1000, 1100).map((entry) => ({ ...entry, title: `${entry.title}, corrected` })),
  ...entries(1200, 1260),
]);

/** A generation's whole stored state, without the generation number (which differs between two stores). */
async function installedState(db: PacksDb) {
  const [pack] = await listPacks(db);
  const range = IDBKeyRange.bound([pack.generation], [pack.generation, Infinity]);
  const strip = <T extends { generation: number }>({ generation: _, ...rest }: T) => rest;
  const { generation: _g, addedAt: _a, updatedAt: _u, checkedAt: _c, origin: _o, ...record } = pack;
  return {
    record,
    entries: (await db.getAll('entries', range)).map(strip),
    buckets: (await db.getAll('buckets', range)).map(strip),
    summary: strip((await db.get('summaries', pack.generation))!),
    pending: await db.count('pending'),
    generations: new Set((await db.getAll('entries')).map((entry) => entry.generation)).size,
  };
}

async function snapshot(db: PacksDb) {
  return { packs: await db.getAll('packs'), entries: await db.count('entries'), buckets: await db.count('buckets'), summaries: await db.getAllKeys('summaries'), pending: await db.count('pending') };
}

describe('an update applied to the installed pack', () => {
  let db: PacksDb;
  beforeEach(async () => {
    db = await open();
  });

  it('gives the installed state importing the new pack whole gives: entries, buckets, summary, record and matches', async () => {
    const installed = await importPack(db, [OLD], { origin: ORIGIN });
    const update = await encodeUpdate(OLD, NEXT);
    expect(update.length).toBeLessThan(NEXT.length / 3);
    const { installed: updated, counts } = await applyStoredUpdate(db, installed.slot, [update.subarray(0, 999), update.subarray(999)], { origin: ORIGIN });
    expect(counts).toEqual({ added: 60, changed: 100, removed: 100 });
    expect(updated).toMatchObject({ slot: installed.slot, articles: 1060, bytes: NEXT.length, createdAt: '2026-12-01T00:00:00Z', addedAt: installed.addedAt, origin: ORIGIN });

    const whole = await open();
    await importPack(whole, [NEXT], { origin: ORIGIN });
    const expected = await installedState(whole);
    expect(await installedState(db)).toEqual(expected);
    expect(expected).toMatchObject({ pending: 0, generations: 1 });

    const [fromUpdate, fromWhole] = await Promise.all([LivePacks.load(db), LivePacks.load(whole)]);
    // Removed, kept, retitled, added.
    for (const i of [50, 500, 1050, 1230]) expect(await fromUpdate.match(libraryArticle(i))).toEqual(await fromWhole.match(libraryArticle(i)));
    expect(await fromUpdate.match(libraryArticle(50))).toEqual([]);
    expect((await fromUpdate.match(libraryArticle(1050)))[0]).toMatchObject({ id: 'art-01050', title: 'Story number 1050, corrected' });
    expect((await fromUpdate.match(libraryArticle(1230)))[0]).toMatchObject({ id: 'art-01230' });
  });
});

describe('an update that does not fit, or is bad, is rejected and the store stays as it was', () => {
  const small = pack(0, 20);
  const other = pack(30, 60);
  const cases: Array<[string, () => Promise<Uint8Array>, RegExp]> = [
    ['made from another pack', () => encodeUpdate(other, pack(30, 70)), /made for another version of the pack/],
    // Forged to claim our pack as its base: what it removes is not there.
    ['removing what the pack lacks', async () => withHeader(await encodeUpdate(other, pack(40, 60)), (h) => (h.base = { checksum: checksumOf(small), articles: 20 })), /does not hold/],
    // Forged likewise, only adding: the result is not the pack the update promised.
    ['giving another pack than promised', async () => withHeader(await encodeUpdate(other, pack(30, 65)), (h) => (h.base = { checksum: checksumOf(small), articles: 20 })), /not the one the update promised/],
    ['truncated', async () => (await encodeUpdate(small, pack(10, 40))).subarray(0, 700), /truncated|entries/],
    ['corrupt', async () => flip(await encodeUpdate(small, pack(10, 40))), /corrupt|checksum|decompress|limit|range|order/],
    ['with a wrong checksum', async () => withHeader(await encodeUpdate(small, pack(10, 40)), (h) => (h.updateChecksum = 'crc32:00000000')), /wrong checksum/],
    ['a whole pack, not an update', async () => pack(10, 40), /not an update/],
  ];
  for (const [what, make, reason] of cases) {
    it(what, async () => {
      const db = await open();
      const installed = await importPack(db, [small], { origin: ORIGIN });
      const before = await snapshot(db);
      await expect(applyStoredUpdate(db, installed.slot, [await make()], { origin: ORIGIN })).rejects.toThrow(reason);
      expect(await snapshot(db)).toEqual(before);
      expect(await (await LivePacks.load(db)).match(libraryArticle(5))).toHaveLength(1);
    });
  }

  it('a download that breaks off half-way leaves the installed pack in use, and nothing of the new one', async () => {
    const db = await open();
    const installed = await importPack(db, [OLD], { origin: ORIGIN });
    const before = await snapshot(db);
    const update = await encodeUpdate(OLD, NEXT);
    async function* breaking() {
      yield update.subarray(0, update.length >> 1);
      // Entries of the new generation have been written by now (pending, referenced by nobody).
      expect(await db.count('pending')).toBe(1);
      expect(await listPacks(db)).toEqual([installed]);
      throw new TypeError('network error');
    }
    await expect(applyStoredUpdate(db, installed.slot, breaking(), { origin: ORIGIN })).rejects.toThrow(/network error/);
    expect(await snapshot(db)).toEqual(before);
  });
});

function checksumOf(bytes: Uint8Array): string {
  const header = new TextDecoder().decode(bytes.subarray(0, 600));
  return /"checksum":"(crc32:[0-9a-f]{8})"/.exec(header)![1];
}

function flip(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  out[out.length - 30] ^= 0x10;
  return out;
}

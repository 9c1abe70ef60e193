/** The extension's pack store (fake-indexeddb): import, atomicity, bad input rejected whole, removal, matching. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { libraryArticle } from '../../bench/engine-corpus';
import { LivePacks } from '../../../lib/packs/live-packs';
import { encodePack } from '../../../lib/packs/pack';
import { dropLeftovers, importPack, listPacks, PackImportError, readGeneration, removePack } from '../../../lib/packs/store';
import { openPacksDb, type PacksDb } from '../../../lib/packs/store-db';
import { bodyOffset, entries, forged, META, pack, withHeader } from './helpers';

let db: PacksDb;
let name = 0;

beforeEach(async () => {
  db = await openPacksDb(`packs-test-${++name}`);
});
afterEach(() => db.close());

const fromFile = (file: string) => ({ origin: { kind: 'file' as const, file } });

/** Everything in the store, to compare before and after a rejected import. */
async function snapshot() {
  return {
    packs: await db.getAll('packs'),
    entries: await db.count('entries'),
    buckets: await db.count('buckets'),
    summaries: await db.getAllKeys('summaries'),
    pending: await db.count('pending'),
  };
}

async function rejection(bytes: Uint8Array, file = 'bad.pack'): Promise<PackImportError> {
  try {
    await importPack(db, [bytes], fromFile(file));
  } catch (error) {
    expect(error).toBeInstanceOf(PackImportError);
    return error as PackImportError;
  }
  throw new Error('the pack was accepted');
}

describe('pack store', () => {
  it('imports a pack: listed with its header, entries stored under its generation, matched from memory', async () => {
    const bytes = pack(0, 60);
    const installed = await importPack(db, [bytes.subarray(0, 100), bytes.subarray(100)], fromFile('desk.pack'));
    expect(installed).toMatchObject({ name: META.name, articles: 60, bytes: bytes.length, origin: { kind: 'file', file: 'desk.pack' } });
    expect(await listPacks(db)).toEqual([installed]);
    let count = 0;
    for await (const entry of readGeneration(db, installed.generation)) expect(entry.seq).toBe(count++);
    expect(count).toBe(60);
    expect(await db.count('pending')).toBe(0);

    const live = await LivePacks.load(db);
    expect(live.size).toBe(60);
    const found = await live.match(libraryArticle(7));
    expect(found[0]).toMatchObject({ id: 'art-00007', pack: META.name, slot: installed.slot, title: 'Story number 7', url: 'https://example.org/news/7', source: 'example.org', kind: 'verbatim' });
    // The caller's filter sees the labels (the background drops entries the library reports).
    expect(await live.match(libraryArticle(7), (labels) => labels.id === 'art-00007')).toEqual([]);
  });

  it('finds entries of several packs, each match naming its pack', async () => {
    await importPack(db, [pack(0, 20)], fromFile('a.pack'));
    await importPack(db, [encodePack({ ...META, name: 'Second desk' }, entries(20, 40))], fromFile('b.pack'));
    const live = await LivePacks.load(db);
    expect((await live.match(libraryArticle(3)))[0]).toMatchObject({ id: 'art-00003', pack: META.name });
    expect((await live.match(libraryArticle(33)))[0]).toMatchObject({ id: 'art-00033', pack: 'Second desk' });
  });

  it('removes a pack and its entries only', async () => {
    const first = await importPack(db, [pack(0, 20)], fromFile('a.pack'));
    const second = await importPack(db, [encodePack({ ...META, name: 'Second desk' }, entries(20, 40))], fromFile('b.pack'));
    expect(await removePack(db, first.slot)).toBe(true);
    expect(await listPacks(db)).toEqual([second]);
    expect(await db.count('entries')).toBe(20);
    const live = await LivePacks.load(db);
    expect(await live.match(libraryArticle(3))).toEqual([]);
    expect(await live.match(libraryArticle(33))).toHaveLength(1);
    expect(await removePack(db, first.slot)).toBe(false);
  });

  it('an update replaces the entries under the same slot, and drops the old generation', async () => {
    const first = await importPack(db, [pack(0, 20)], fromFile('a.pack'));
    const updated = await importPack(db, [pack(10, 30)], { origin: { kind: 'file', file: 'a2.pack' }, replace: first.slot });
    expect(updated.slot).toBe(first.slot);
    expect(updated.generation).not.toBe(first.generation);
    expect(await db.count('entries')).toBe(20);
    const live = await LivePacks.load(db);
    expect(await live.match(libraryArticle(3))).toEqual([]);
    expect((await live.match(libraryArticle(25)))[0]).toMatchObject({ id: 'art-00025' });
  });
});

describe('bad packs are rejected whole, naming the file; other packs stay as they were', () => {
  const good = pack(0, 40);
  const [one] = entries(0, 1);
  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['truncated', good.subarray(0, Math.floor(good.length * 0.8)), /truncated|entries/],
    ['truncated in the header', good.subarray(0, 20), /truncated|shorter/],
    ['corrupt', (() => { const bad = good.slice(); bad[bad.length - 40] ^= 0x10; return bad; })(), /corrupt|checksum|decompress/],
    ['wrong checksum', withHeader(good, (h) => (h.checksum = 'crc32:00000000')), /wrong checksum/],
    ['absurd count', withHeader(good, (h) => (h.articles = 5_000_000_000)), /more than the limit/],
    ['huge field', forged([{ ...one, title: 'x'.repeat(10_000) }]), /too long/],
    ['non-http URL', forged([{ ...one, url: 'javascript:alert(1)' }]), /http or https/],
    ['unknown version', withHeader(good, (h) => (h.formatVersion = 2)), /format version 2 is not supported/],
    ['not a pack', new TextEncoder().encode('{"id":"a"}\n'), /not a pack/],
  ];
  for (const [what, bytes, reason] of cases) {
    it(what, async () => {
      await importPack(db, [pack(100, 110)], fromFile('kept.pack'));
      const before = await snapshot();
      const error = await rejection(bytes, `${what}.pack`);
      expect(error.message).toContain(`${what}.pack`);
      expect(error.reason).toMatch(reason);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('a bad update leaves the installed pack exactly as it was', async () => {
    const first = await importPack(db, [pack(0, 20)], fromFile('a.pack'));
    const before = await snapshot();
    await expect(importPack(db, [good.subarray(0, bodyOffset(good) + 500)], { ...fromFile('a-new.pack'), replace: first.slot })).rejects.toThrow(/a-new\.pack/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('atomic imports', () => {
  it('a cancelled import leaves the old state', async () => {
    const first = await importPack(db, [pack(0, 20)], fromFile('a.pack'));
    const before = await snapshot();
    const big = pack(0, 1500);
    const controller = new AbortController();
    const chunks = function* () {
      for (let at = 0; at < big.length; at += 4096) {
        // Cancelled once the first block (1,024 entries: two batches) is written.
        if (at > big.length * 0.9) controller.abort();
        yield big.subarray(at, at + 4096);
      }
    };
    let written = 0;
    const progress = () => void db.count('entries').then((count) => (written = Math.max(written, count)));
    const error = await importPack(db, chunks(), { ...fromFile('big.pack'), replace: first.slot, signal: controller.signal, onProgress: progress }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackImportError);
    expect((error as PackImportError).cancelled).toBe(true);
    expect(written).toBeGreaterThan(20);
    expect(await snapshot()).toEqual(before);
  });

  it('an import stopped mid-way is invisible; its leftovers are dropped once no import runs', async () => {
    const first = await importPack(db, [pack(0, 20)], fromFile('a.pack'));
    const big = pack(0, 1500);
    let paused: () => void = () => undefined;
    const reachedMiddle = new Promise<void>((resolve) => (paused = resolve));
    let resume: () => void = () => undefined;
    const resumed = new Promise<void>((resolve) => (resume = resolve));
    const chunks = async function* () {
      for (let at = 0; at < big.length; at += 4096) {
        if (at > big.length * 0.9 && at - 4096 <= big.length * 0.9) {
          paused();
          await resumed;
        }
        yield big.subarray(at, at + 4096);
      }
    };
    const running = importPack(db, chunks(), { ...fromFile('big.pack'), replace: first.slot });
    await reachedMiddle;
    // Half written, not referenced: a worker starting now sees the old pack only.
    expect(await db.count('pending')).toBe(1);
    expect(await db.count('entries')).toBeGreaterThan(20);
    expect(await listPacks(db)).toEqual([first]);
    expect((await LivePacks.load(db)).size).toBe(20);
    // While an import holds the store lock, its generation is left alone.
    expect(await dropLeftovers(db)).toBe(0);
    resume();
    await running;
    expect((await LivePacks.load(db)).size).toBe(1500);
    expect(await db.count('pending')).toBe(0);
  });

  it('the leftovers of a context that died mid-import are dropped on the next open, the installed pack kept', async () => {
    const first = await importPack(db, [pack(0, 20)], fromFile('a.pack'));
    const before = await snapshot();
    // What a dead import leaves: a pending generation with some entries, no pack pointing at it.
    const orphan = first.generation + 7;
    await db.put('pending', { generation: orphan, at: 1 });
    for (const [seq, entry] of (await db.getAll('entries')).entries()) await db.put('entries', { ...entry, generation: orphan, seq });
    expect((await LivePacks.load(db)).size).toBe(20);
    for (const bucket of await db.getAll('buckets')) await db.put('buckets', { ...bucket, generation: orphan });
    expect(await dropLeftovers(db)).toBe(1);
    expect(await snapshot()).toEqual(before);
  });
});

import { describe, expect, it } from 'vitest';
import { packHeader, concat, encodePack } from '../../../lib/packs/pack';
import { openPack } from '../../../lib/packs/reader';
import { applyUpdate, mergePacks } from '../../../lib/packs/merge';
import { PackBodyWriter } from '../../../lib/packs/writer';
import { encodeHeader } from '../../../lib/packs/header';
import { appliedHeader, checkUpdateFits, encodeUpdate } from '../../../lib/packs/update';
import { PackFormatError } from '../../../lib/packs/bytes';
import { entries, META, pack } from './helpers';

/** merge(...packs) in memory, through the streaming merge. */
async function merge(...packs: Uint8Array[]): Promise<Uint8Array> {
  const opened = await Promise.all(packs.map((bytes) => openPack([bytes])));
  const chunks: Uint8Array[] = [];
  const body = new PackBodyWriter((chunk) => chunks.push(chunk));
  await mergePacks(opened.map((p) => p.records), body);
  return concat([encodeHeader(packHeader(META, body.finish())), ...chunks]);
}

const diff = encodeUpdate;

async function apply(old: Uint8Array, update: Uint8Array): Promise<Uint8Array> {
  const [a, u] = await Promise.all([openPack([old]), openPack([update])]);
  checkUpdateFits(u.header, a.header);
  const chunks: Uint8Array[] = [];
  const body = new PackBodyWriter((chunk) => chunks.push(chunk));
  await applyUpdate(a.records, u.records, (entry) => body.put(entry));
  return concat([encodeHeader(appliedHeader(u.header, body.finish())), ...chunks]);
}

describe('merge', () => {
  // Overlapping shards with the same ids rebuilt differently: the later pack's entry must win.
  const a = pack(0, 120);
  const b = pack(100, 220);
  const changed = entries(200, 260).map((entry) => ({ ...entry, title: `${entry.title} (updated)` }));
  const c = encodePack(META, changed);

  it('is associative: (a+b)+c = a+(b+c) = a+b+c, byte for byte', async () => {
    const left = await merge(await merge(a, b), c);
    const right = await merge(a, await merge(b, c));
    const flat = await merge(a, b, c);
    expect(left).toEqual(flat);
    expect(right).toEqual(flat);
  });

  it('gives the pack one build of the concatenated input gives (later entries win)', async () => {
    const oneBuild = encodePack(META, [...entries(0, 120), ...entries(100, 220), ...changed]);
    expect(await merge(a, b, c)).toEqual(oneBuild);
  });

  it('rejects an update given as a pack to merge', async () => {
    await expect(merge(a, await diff(a, b))).rejects.toThrow(PackFormatError);
  });
});

describe('diff and apply', () => {
  it('old + diff(old, new) = new, with entries added, changed and removed', async () => {
    const old = pack(0, 150);
    const next = encodePack(META, [...entries(50, 140), ...entries(140, 200).map((e) => ({ ...e, title: 'Retitled' })), ...entries(300, 320)]);
    const update = await diff(old, next);
    const { header } = await openPack([update]);
    expect(header).toMatchObject({ kind: 'update', removed: 50 });
    expect(await apply(old, update)).toEqual(next);
    expect(update.length).toBeLessThan(next.length);
  });

  it('refuses an update made for another pack: by its header, or by what it removes', async () => {
    const update = await diff(pack(0, 50), pack(10, 50));
    await expect(apply(pack(20, 60), update)).rejects.toThrow(/made for another version of the pack/);
    const [a, u] = await Promise.all([openPack([pack(20, 60)]), openPack([update])]);
    await expect(applyUpdate(a.records, u.records, () => undefined)).rejects.toThrow(/does not hold/);
  });

  it('counts what an update adds, changes and removes, and refuses a result that is not the promised pack', async () => {
    const old = pack(0, 30);
    const next = encodePack(META, [...entries(5, 25), ...entries(25, 30).map((e) => ({ ...e, title: 'Retitled' })), ...entries(40, 47)]);
    const [a, u] = await Promise.all([openPack([old]), openPack([await diff(old, next)])]);
    const body = new PackBodyWriter(() => undefined);
    expect(await applyUpdate(a.records, u.records, (entry) => body.put(entry))).toEqual({ added: 7, changed: 5, removed: 5 });
    expect(appliedHeader(u.header, body.finish()).checksum).toBe(u.header.checksum);
    expect(() => appliedHeader({ ...u.header, checksum: 'crc32:00000000' }, { articles: 32, removed: 0, bodyBytes: 10, crc: 1 })).toThrow(/not the one the update promised/);
  });
});

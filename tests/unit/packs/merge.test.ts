import { describe, expect, it } from 'vitest';
import { packHeader, concat, encodePack } from '../../../lib/packs/pack';
import { openPack } from '../../../lib/packs/reader';
import { applyUpdate, diffPacks, mergePacks } from '../../../lib/packs/merge';
import { PackBodyWriter } from '../../../lib/packs/writer';
import { checksumLabel, encodeHeader, type PackHeader } from '../../../lib/packs/header';
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

async function diff(old: Uint8Array, next: Uint8Array): Promise<Uint8Array> {
  const [a, b] = await Promise.all([openPack([old]), openPack([next])]);
  const chunks: Uint8Array[] = [];
  const body = new PackBodyWriter((chunk) => chunks.push(chunk), true);
  await diffPacks(a.records, b.records, body);
  const summary = body.finish();
  const header: PackHeader = { ...packHeader(META, summary), kind: 'update', checksum: b.header.checksum, removed: summary.removed, base: { checksum: a.header.checksum, articles: a.header.articles }, targetArticles: b.header.articles, updateChecksum: checksumLabel(summary.crc) };
  return concat([encodeHeader(header), ...chunks]);
}

async function apply(old: Uint8Array, update: Uint8Array): Promise<Uint8Array> {
  const [a, u] = await Promise.all([openPack([old]), openPack([update])]);
  const chunks: Uint8Array[] = [];
  const body = new PackBodyWriter((chunk) => chunks.push(chunk));
  await applyUpdate(a.records, u.records, body);
  return concat([encodeHeader(packHeader(META, body.finish())), ...chunks]);
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

  it('refuses an update that removes what the pack does not hold (made for another pack)', async () => {
    const update = await diff(pack(0, 50), pack(10, 50));
    await expect(apply(pack(20, 60), update)).rejects.toThrow(/does not hold/);
  });
});

/** Texts stored deflated, what the storage panel says takes the space, and reclaiming it. */
import { describe, expect, test, vi } from 'vitest';
import { createLibraryHandlers } from '../../../lib/library/handlers';
import { measureStorage, serializedBytes } from '../../../lib/library/storage-use';
import { packText, unpackText } from '../../../lib/library/text-codec';
import type { LibraryEntry } from '../../../lib/library/types';
import { article, failNthPut, openService } from './helpers';

describe('stored texts', () => {
  test('round-trip in any script; long ones are deflated, short ones kept plain', () => {
    const mixed = `${article(3, 8)}\n\nMāori, Ελληνικά, русский, 日本語のテキスト, emoji 🗞️, soft\u00adhyphen.`;
    const packed = packText(mixed);
    expect(packed.deflated).toBeInstanceOf(Uint8Array);
    expect(packed.deflated!.byteLength).toBeLessThan(new TextEncoder().encode(mixed).length / 2);
    expect(unpackText(packed)).toBe(mixed);
    expect(packText('Short.')).toEqual({ text: 'Short.' });
    expect(unpackText({ text: 'Plain, from version 2.' })).toBe('Plain, from version 2.');
    expect(() => unpackText({})).toThrow(/unreadable/);
  });
});

describe('storage use', () => {
  test('says how much each kind of data takes, and shrinks when entries go', async () => {
    const { service } = await openService([]);
    const ids: string[] = [];
    for (let n = 0; n < 12; n++) ids.push((await service.add({ title: `Story ${n}`, text: article(n, 10), source: 'Desk', origin: 'pasted' })).id);
    await service.wordsIndexed();
    // Fingerprints are stored only for texts dropped (text-drop.ts); the others are in the
    // engine's index snapshot, counted as fingerprints: one still waiting for its quiet time
    // (this library has just opened) is saved before the figures are read.
    const use = await service.storageUse();
    const snapshot = (await service.db.get('meta', 'indexSnapshot')) as { packed: { arrays: Blob } };
    expect(use.bytes.fingerprints).toBeGreaterThan(snapshot.packed.arrays.size);
    expect(use.entries).toBe(12);
    expect(use.textChars).toBe(Array.from({ length: 12 }, (_, n) => article(n, 10).length).reduce((a, b) => a + b));
    for (const kind of ['texts', 'fingerprints', 'search', 'details'] as const) expect(use.bytes[kind], kind).toBeGreaterThan(0);
    // Deflated: well under the text's own size.
    expect(use.bytes.texts).toBeLessThan(use.textChars / 2);

    // The index snapshot's Blob counts with its bytes.
    expect(serializedBytes({ layout: new Blob([new Uint8Array(10_000)]) })).toBeGreaterThanOrEqual(10_000);

    await service.delete(ids.slice(0, 6));
    const after = await measureStorage(service.db);
    expect(after.entries).toBe(6);
    for (const kind of ['texts', 'details'] as const) expect(after.bytes[kind], kind).toBeLessThan(use.bytes[kind]);
  });
});

describe('storage use on a full disk', () => {
  test('the figures come even when the pending snapshot cannot be saved', async () => {
    const { service } = await openService([]);
    await service.add({ title: 'Story', text: article(1, 10), source: 'Desk', origin: 'pasted' });
    const failing = failNthPut('meta', 1);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const use = await service.storageUse();
      expect(use.entries).toBe(1);
      expect(use.bytes.texts).toBeGreaterThan(0);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not save the index snapshot'), expect.anything());
    } finally {
      warn.mockRestore();
      failing.restore();
    }
    // Tried again, and saved once the disk has room.
    expect((await service.storageUse()).bytes.fingerprints).toBeGreaterThan(0);
  });
});

describe('reclaiming space', () => {
  const entry = (n: number, origin: LibraryEntry['origin'], daysAgo: number): LibraryEntry => ({
    id: `${origin}-${n}`,
    title: `Story ${n}`,
    source: 'Desk',
    origin,
    addedAt: new Date(Date.UTC(2026, 10, 30) - daysAgo * 86_400_000).toISOString(),
    text: article(n),
  });

  test('deletes only learned articles added more than the chosen number of days ago', async () => {
    const { service } = await openService([]);
    await service.restore([entry(1, 'learned', 200), entry(2, 'learned', 40), entry(3, 'learned', 5), entry(4, 'imported', 400), entry(5, 'pasted', 300)]);
    expect(await service.deleteLearnedOlderThan(30, new Date(Date.UTC(2026, 10, 30)))).toBe(2);
    const left = await service.list({ sort: 'added', limit: 10 });
    expect(left.items.map((item) => item.id).sort()).toEqual(['imported-4', 'learned-3', 'pasted-5']);
    expect((await service.list({ sort: 'date', words: 'story', limit: 10 })).total).toBe(3);
  });

  test('the message refuses an age that is not a whole number of days', async () => {
    const { service } = await openService([]);
    const handlers = createLibraryHandlers(async () => service);
    for (const days of [-1, 1.5, Number.NaN, '30' as unknown as number]) {
      await expect(handlers['library/delete-learned-older']({ days })).rejects.toThrow(/whole number/);
    }
    expect(await handlers['library/delete-learned-older']({ days: 0 })).toEqual({ deleted: 0 });
  });
});

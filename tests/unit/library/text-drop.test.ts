/** Dropping the texts of old learned articles: entries and fingerprints stay, copies are still recognised from the kept keys. */
import { describe, expect, test } from 'vitest';
import { createLibraryHandlers } from '../../../lib/library/handlers';
import { exportLibrary } from '../../../lib/library/export-runner';
import { LibraryService } from '../../../lib/library/service';
import { measureStorage } from '../../../lib/library/storage-use';
import { seedTextFromFile } from '../../../lib/library/seed';
import type { LibraryEntry } from '../../../lib/library/types';
import { article, openService, SEED_FILES, sendThrough } from './helpers';

const NOW = new Date(Date.UTC(2026, 10, 30));
const DAY = 86_400_000;

/** Seed 001, and seed 000: a real spun copy of it (the synonym spinner's output). */
const ORIGINAL = seedTextFromFile(SEED_FILES[1].content);
const SPUN = seedTextFromFile(SEED_FILES[0].content);

function entry(n: number, origin: LibraryEntry['origin'], daysAgo: number, text = article(n, 8)): LibraryEntry {
  return {
    id: `${origin}-${n}`,
    title: `Story ${n}`,
    source: 'harbour-desk.example',
    url: `https://harbour-desk.example/news/${n}`,
    publishedAt: '2026-06-01T08:00:00Z',
    origin,
    addedAt: new Date(NOW.getTime() - daysAgo * DAY).toISOString(),
    text,
  };
}

async function library() {
  const opened = await openService([]);
  await opened.service.restore([
    entry(1, 'learned', 200, ORIGINAL),
    entry(2, 'learned', 40),
    entry(3, 'learned', 5),
    entry(4, 'imported', 400),
    entry(5, 'pasted', 300),
  ]);
  await opened.service.wordsIndexed();
  return opened;
}

describe('dropping the texts of old learned articles', () => {
  test('only learned entries older than the age lose their text; entries, fingerprints and counts stay; space shrinks', async () => {
    const { service, db } = await library();
    const before = await measureStorage(db);
    const preview = await service.learnedTextsOlderThan(30, NOW);
    expect(preview.entries).toBe(2);

    const dropped = await service.dropLearnedTextsOlderThan(30, NOW);
    expect(dropped.entries).toBe(2);
    expect(dropped.bytes).toBeGreaterThan(0);
    // The preview counts the keys at their largest: it never promises more than is freed.
    expect(preview.bytes).toBeLessThanOrEqual(dropped.bytes);

    const withText = async () => (await db.getAll('entries')).filter((entry) => entry.body !== undefined).map((entry) => entry.id).sort();
    expect(await withText()).toEqual(['imported-4', 'learned-3', 'pasted-5']);
    expect((await db.getAllKeys('entries')).sort()).toEqual(['imported-4', 'learned-1', 'learned-2', 'learned-3', 'pasted-5']);
    for (const id of ['learned-1', 'learned-2']) {
      const stored = await db.get('entries', id);
      expect(stored?.fingerprint?.hashes.length, id).toBeGreaterThan(0);
      expect(stored?.keys?.exact.length, id).toBeGreaterThan(0);
    }
    for (const id of ['learned-3', 'imported-4', 'pasted-5']) expect((await db.get('entries', id))?.keys, id).toBeUndefined();
    expect((await service.stats()).byOrigin).toMatchObject({ learned: 3, imported: 1, pasted: 1 });

    const reclaimed = await service.getEntry('learned-1');
    expect(reclaimed).toMatchObject({ title: 'Story 1', url: 'https://harbour-desk.example/news/1', text: '', textDroppedAt: NOW.toISOString() });
    expect((await service.getEntry('learned-3'))?.textDroppedAt).toBeUndefined();

    const after = await measureStorage(db);
    expect(after.entries).toBe(before.entries);
    expect(after.bytes.texts).toBeLessThan(before.bytes.texts);
    const total = (use: typeof before) => Object.values(use.bytes).reduce((a, b) => a + b, 0);
    expect(total(before) - total(after)).toBeGreaterThan(dropped.bytes * 0.8);
    expect(after.textChars).toBe(before.textChars - ORIGINAL.length - article(2, 8).length);
  });

  test('is idempotent: a second run drops nothing and changes nothing', async () => {
    const { service, db } = await library();
    await service.dropLearnedTextsOlderThan(30, NOW);
    const entries = await db.getAll('entries');
    expect(await service.learnedTextsOlderThan(30, NOW)).toEqual({ entries: 0, bytes: 0 });
    expect(await service.dropLearnedTextsOlderThan(30, new Date(NOW.getTime() + DAY))).toEqual({ entries: 0, bytes: 0 });
    expect(await db.getAll('entries')).toEqual(entries);
  });

  test('the messages refuse an age that is not a whole number of days, and change nothing', async () => {
    const { service, db } = await library();
    const handlers = createLibraryHandlers(async () => service);
    for (const days of [-1, 1.5, Number.NaN, 36_501, '30' as unknown as number, null as unknown as number]) {
      await expect(handlers['library/drop-learned-texts']({ days })).rejects.toThrow(/whole number/);
      await expect(handlers['library/learned-texts-older']({ days })).rejects.toThrow(/whole number/);
    }
    const withText = async () => (await db.getAll('entries')).filter((entry) => entry.body !== undefined).length;
    expect(await withText()).toBe(5);
    // 0 days: every learned article, whatever its age.
    expect((await handlers['library/drop-learned-texts']({ days: 0 })).entries).toBe(3);
    expect(await withText()).toBe(2);
  });

  test('a spun and a verbatim copy of a reclaimed article are still found, with the right kind, marked as text not kept', async () => {
    const { service, db } = await library();
    await service.dropLearnedTextsOlderThan(30, NOW);

    const spun = await service.match({ id: 'https://copies.example/a', text: SPUN, publishedAt: '2026-07-01T08:00:00Z' });
    expect(spun).toHaveLength(1);
    expect(spun[0]).toMatchObject({ id: 'learned-1', kind: 'spun', direction: 'copies', textDropped: true, passages: [], substitutions: [] });
    expect(spun[0].entry).toMatchObject({ title: 'Story 1', source: 'harbour-desk.example', url: 'https://harbour-desk.example/news/1', origin: 'learned' });
    expect(spun[0].sourceCoverage).toBeGreaterThan(0.3);
    expect(spun[0].reason).toMatch(/no longer kept/);

    const verbatim = await service.match({ id: 'https://copies.example/b', text: `Reposted from our partners.\n\n${ORIGINAL}` });
    expect(verbatim).toHaveLength(1);
    expect(verbatim[0]).toMatchObject({ id: 'learned-1', kind: 'verbatim', textDropped: true });
    expect(verbatim[0].coverage).toBeGreaterThan(0.8);

    // The same article at its own address: the library's own (textless) copy, not a copy of it.
    const same = await service.match({ id: 'https://harbour-desk.example/news/1', text: ORIGINAL });
    expect(same[0]).toMatchObject({ id: 'learned-1', sameAddress: true, textDropped: true });

    // An unrelated article matches nothing, and articles that kept their text still match with passages.
    expect(await service.match({ id: 'https://copies.example/c', text: seedTextFromFile(SEED_FILES[3].content) })).toEqual([]);
    const kept = await service.match({ id: 'https://copies.example/d', text: article(3, 8) });
    expect(kept[0]).toMatchObject({ id: 'learned-3', kind: 'verbatim' });
    expect(kept[0].textDropped).toBeUndefined();
    expect(kept[0].passages.length).toBeGreaterThan(0);

    // After a restart (the engine's index filled again from the library), still found.
    const reopened = await LibraryService.open(db, []);
    expect((await reopened.match({ id: 'https://copies.example/a', text: SPUN }))[0]).toMatchObject({ id: 'learned-1', kind: 'spun', textDropped: true });
  });

  test('an export leaves reclaimed entries out and says how many; undo cannot put one back', async () => {
    const { service } = await library();
    await service.dropLearnedTextsOlderThan(30, NOW);
    const skipped: number[] = [];
    const chunks = await exportLibrary(sendThrough(service), undefined, (count) => skipped.push(count));
    const ids = chunks.join('').trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids.sort()).toEqual(['imported-4', 'learned-3', 'pasted-5']);
    expect(skipped).toEqual([2]);

    const selection: number[] = [];
    const selected = await exportLibrary(sendThrough(service), ['learned-1', 'learned-3'], (count) => selection.push(count));
    expect(selected.join('')).toContain('"learned-3"');
    expect(selected.join('')).not.toContain('"learned-1"');
    expect(selection).toEqual([1]);

    const reclaimed = (await service.getEntries(['learned-1']))[0];
    await service.delete(['learned-1']);
    expect(await service.restore([reclaimed])).toBe(0);
  });
});

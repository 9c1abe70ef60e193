import { describe, expect, test } from 'vitest';
import { openLibraryDb } from '../../../lib/library/db';
import { LibraryService } from '../../../lib/library/service';
import { indexedEntries } from '../../../lib/library/search-index';
import { SEED_FILES, article, openService, preparedBatch } from './helpers';

const SEED_IDS = SEED_FILES.map((file) => file.fileName.replace(/\.txt$/, ''));

describe('seeding', () => {
  test('the five seeds are added once: reopening (a reload, an update) does not duplicate them', async () => {
    const { db, name } = await openService();
    expect((await db.getAllKeys('entries')).sort()).toEqual(SEED_IDS);
    db.close();
    const again = await openLibraryDb(name);
    const service = await LibraryService.open(again, SEED_FILES);
    expect(await again.count('entries')).toBe(5);
    expect((await service.getEntry(SEED_IDS[1]))?.origin).toBe('seed');
  });

  test('a deleted seed stays deleted after a reopen; reset to seeds brings all five back', async () => {
    const { db, service, name } = await openService();
    await service.delete([SEED_IDS[0]]);
    db.close();
    const reopened = await LibraryService.open(await openLibraryDb(name), SEED_FILES);
    expect((await reopened.stats()).total).toBe(4);
    await reopened.add({ title: 'Mine', text: article(1), source: 'me', origin: 'pasted' });
    await reopened.resetToSeeds();
    expect(await reopened.stats()).toMatchObject({ total: 5, byOrigin: { seed: 5, imported: 0, page: 0, pasted: 0, learned: 0 } });
  });
});

describe('matching', () => {
  test('a page carrying seed 002 matches it verbatim, with the entry’s metadata', async () => {
    const { service } = await openService();
    const seed = (await service.getEntry(SEED_IDS[2]))!;
    const views = await service.match({ id: 'https://example.test/story', text: seed.text });
    expect(views[0].id).toBe(SEED_IDS[2]);
    expect(views[0].kind).toBe('verbatim');
    expect(views[0].entry).toMatchObject({ id: SEED_IDS[2], title: seed.title, source: seed.source, origin: 'seed' });
  });

  test('an entry saved from the same address is not reported as a copy of its own page', async () => {
    const { service } = await openService();
    const url = 'https://news.example/harbour';
    await service.add({ title: 'Harbour', text: article(3, 8), source: 'news.example', url, origin: 'page' });
    // It comes back marked as the same article (the popup says so quietly), never as a copy.
    expect((await service.match({ id: url, text: article(3, 8) })).map((m) => [m.entry.url, m.sameAddress])).toEqual([[url, true]]);
    expect((await service.match({ id: `${url}/?utm_source=feed#top`, text: article(3, 8) })).every((m) => m.sameAddress)).toBe(true);
    const elsewhere = await service.match({ id: 'https://copycat.example/x', text: article(3, 8) });
    expect(elsewhere.map((m) => m.entry.url)).toContain(url);
  });

  test('deleted entries are no longer matched (the engine index follows the library)', async () => {
    const { service } = await openService();
    const text = (await service.getEntry(SEED_IDS[2]))!.text;
    await service.delete([SEED_IDS[2]]);
    expect((await service.match({ id: 'p', text })).map((m) => m.id)).not.toContain(SEED_IDS[2]);
  });
});

describe('adding', () => {
  test('the same text (differing only in case, quotes, dashes and spacing) is not stored twice', async () => {
    const { service } = await openService([]);
    const text = 'The council’s “review” — due in May — was delayed.\n\nOfficials said more.';
    const first = await service.add({ title: 'A', text, source: 's', origin: 'pasted' });
    const second = await service.add({ title: 'B', text: ` the COUNCIL's "review" - due in may - was   delayed. officials said more.`, source: 't', origin: 'page' });
    expect(first.added).toBe(true);
    expect(second).toEqual({ id: first.id, added: false });
    expect((await service.stats()).total).toBe(1);
  });

  test('recent matches are kept per entry, newest first, and a page seen again is not listed twice', async () => {
    const { service } = await openService();
    await service.recordMatches({ url: 'https://a.example/1', title: 'One' }, [{ id: SEED_IDS[0], kind: 'spun', direction: 'copies' }]);
    await service.recordMatches({ url: 'https://b.example/2', title: 'Two' }, [
      { id: SEED_IDS[0], kind: 'verbatim', direction: 'copies' },
      { id: SEED_IDS[1], kind: 'partial', direction: 'copied-by' },
    ]);
    await service.recordMatches({ url: 'https://a.example/1', title: 'One again' }, [{ id: SEED_IDS[0], kind: 'spun', direction: 'copies' }]);
    expect((await service.recentMatches(SEED_IDS[0])).map((m) => m.title)).toEqual(['One again', 'Two']);
    expect((await service.recentMatches(SEED_IDS[1])).map((m) => m.url)).toEqual(['https://b.example/2']);
    expect((await service.recentMatches(SEED_IDS[1]))[0]).toMatchObject({ kind: 'partial', direction: 'copied-by' });
    expect((await service.recentMatches(SEED_IDS[0]))[0]).toMatchObject({ kind: 'spun', direction: 'copies' });
    await service.delete([SEED_IDS[0]]);
    expect(await service.recentMatches(SEED_IDS[0])).toEqual([]);
  });

  test('delete then restore gives back the same entries', async () => {
    const { service } = await openService();
    const before = await service.getEntries(SEED_IDS.slice(0, 2));
    expect(await service.delete(SEED_IDS.slice(0, 2))).toBe(2);
    expect(await service.restore(before)).toBe(2);
    expect(await service.getEntries(SEED_IDS.slice(0, 2))).toEqual(before);
    expect(await service.restore(before)).toBe(0);
  });
});

describe('learning while reading', () => {
  const page = (n: number, url = `https://news.example/a${n}`) => ({ url, title: `Story ${n}`, siteName: 'News Example', text: article(n, 6) });
  const on = { enabled: true, excludedSites: ['blocked.example'], cap: 2 };

  test('off by default means nothing is learned; excluded sites and short texts are never learned', async () => {
    const { service } = await openService([]);
    expect(await service.learn(page(1), { ...on, enabled: false })).toBeNull();
    expect(await service.learn(page(2, 'https://www.blocked.example/x'), on)).toBeNull();
    expect(await service.learn({ ...page(3), text: 'Too short to be an article.' }, on)).toBeNull();
    expect((await service.stats()).total).toBe(0);
  });

  test('learned entries are capped, the oldest going first', async () => {
    const { service } = await openService([]);
    const ids: string[] = [];
    // A cap of 10 lets one site hold 2 (a fifth of the cap).
    for (const n of [1, 2, 3]) {
      ids.push((await service.learn(page(n), { ...on, cap: 10 }))!.id);
      await new Promise((resolve) => setTimeout(resolve, 5)); // distinct addedAt times
    }
    const learned = await service.list({ sort: 'added', origin: 'learned', limit: 10 });
    expect(learned.items.map((item) => item.id)).toEqual(ids.slice(1));
    expect(learned.items[0]).toMatchObject({ origin: 'learned', source: 'News Example', url: 'https://news.example/a2' });
  });
});

describe('counts', () => {
  test('per-origin counts follow adds, deletes and clears, and are rebuilt when missing', async () => {
    const { db, service, name } = await openService();
    await service.add({ title: 'P', text: article(1), source: 's', origin: 'pasted' });
    await service.delete([SEED_IDS[0], 'no-such-id']);
    expect(await service.stats()).toMatchObject({ total: 5, byOrigin: { seed: 4, imported: 0, page: 0, pasted: 1, learned: 0 } });
    await db.delete('meta', 'counts');
    db.close();
    const reopened = await LibraryService.open(await openLibraryDb(name), SEED_FILES);
    expect((await reopened.stats()).byOrigin).toMatchObject({ seed: 4, pasted: 1 });
    await reopened.clear();
    expect((await reopened.stats()).total).toBe(0);
  });
});

describe('word search index', () => {
  test('entries left without search words by a stopped worker are indexed when the library opens', async () => {
    const { db, service, name } = await openService();
    await service.add({ title: 'Harbour news', text: article(2), source: 's', origin: 'pasted' });
    await service.wordsIndexed();
    expect((await service.list({ sort: 'date', words: 'harbour', limit: 10 })).items).toHaveLength(1);
    await db.clear('search-segments');
    await db.clear('search-blocks');
    db.close();
    const reopened = await LibraryService.open(await openLibraryDb(name), SEED_FILES);
    await reopened.wordsIndexed();
    expect((await reopened.stats()).wordsPending).toBe(0);
    expect((await reopened.list({ sort: 'date', words: 'harbour', limit: 10 })).items.map((item) => item.title)).toEqual(['Harbour news']);
    expect((await reopened.list({ sort: 'date', words: 'pyongyang', limit: 10 })).items.length).toBeGreaterThan(1);
  });

  test('a library whose words are all indexed is not indexed again when it reopens', async () => {
    const { db, service, name } = await openService();
    await service.add({ title: 'Harbour news', text: article(2), source: 's', origin: 'pasted' });
    await service.wordsIndexed();
    const segmentIds = async (library: LibraryService) => (await library.db.getAll('search-segments')).flatMap((head) => head.ids.filter(Boolean)).sort();
    const before = await segmentIds(service);
    expect(before).toHaveLength(6);
    db.close();
    const reopened = await LibraryService.open(await openLibraryDb(name), SEED_FILES);
    await reopened.wordsIndexed();
    expect(await segmentIds(reopened)).toEqual(before);
  });

  test('the scan for entries without search words comes after the opening, and skips an import under way: each entry is indexed once', async () => {
    const { db, name } = await openService();
    await db.clear('search-segments');
    await db.clear('search-blocks');
    db.close();
    const reopened = await LibraryService.open(await openLibraryDb(name), SEED_FILES);
    // Opened and matching before the scan (due 5 s later) has looked at the segments.
    const seedText = (await reopened.getEntry(SEED_IDS[1]))!.text;
    expect((await reopened.match({ id: 'https://example.test/copy', text: seedText })).map((m) => m.id)).toContain(SEED_IDS[1]);
    expect(await indexedEntries(reopened.db)).toEqual(new Set());
    // An import's batch is written (not committed yet) when the scan runs: its commit queues it.
    const importId = await reopened.beginImport('late.ndjson');
    await reopened.importBatch(importId, await preparedBatch([{ id: 'late-1', title: 'Harbour ferry', text: article(7) }]));
    await reopened.wordsIndexed();
    expect(await indexedEntries(reopened.db)).toEqual(new Set(SEED_IDS));
    expect(await reopened.commitImport(importId)).toBe(1);
    await reopened.wordsIndexed();
    const ids = (await reopened.db.getAll('search-segments')).flatMap((head) => head.ids.filter(Boolean));
    expect(ids.sort()).toEqual([...SEED_IDS, 'late-1'].sort());
    expect((await reopened.list({ sort: 'date', words: 'harbour', limit: 10 })).items.map((item) => item.title)).toEqual(['Harbour ferry']);
  });
});

describe('index versions', () => {
  test('fingerprints are not stored beside texts: the engine computes them from the texts on open', async () => {
    const { db, service, name } = await openService();
    const text = (await service.getEntry(SEED_IDS[3]))!.text;
    expect((await db.getAll('entries')).filter((entry) => entry.fingerprint !== undefined)).toEqual([]);
    db.close();
    const reopened = await LibraryService.open(await openLibraryDb(name), SEED_FILES);
    expect(reopened.indexLoad).toEqual({ from: 'entries', refingerprinted: 5 });
    expect((await reopened.match({ id: 'p', text }))[0].id).toBe(SEED_IDS[3]);
  });
});

import { beforeAll, describe, expect, test } from 'vitest';
import { listEntries, type ListQuery } from '../../../lib/library/listing';
import type { LibraryService } from '../../../lib/library/service';
import type { EntryOrigin } from '../../../lib/library/types';
import { importFiles } from '../../../lib/library/import-runner';
import { openService, sendThrough } from './helpers';

const ORIGINS: EntryOrigin[] = ['imported', 'learned', 'pasted'];
const SOURCES = ['Alpha Times', 'beta post', 'Gamma Wire'];
const TOPICS = ['volcano', 'election', 'harvest', 'satellite'];
const COUNT = 240;

/** 240 entries with known titles, sources, dates, origins, sizes and words. */
function generated() {
  return Array.from({ length: COUNT }, (_, i) => ({
    id: `e${String(i).padStart(3, '0')}`,
    title: `${TOPICS[i % 4]} story ${i}`,
    source: SOURCES[i % 3],
    origin: ORIGINS[i % 3],
    publishedAt: i % 5 === 0 ? undefined : `20${10 + (i % 10)}-0${1 + (i % 9)}-1${i % 10}T00:00:00Z`,
    addedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    text: `Body ${i} about the ${TOPICS[(i >> 2) % 4]} with token${i}. ${'More words here. '.repeat(i % 7)}`,
  }));
}
const ALL = generated();

let service: LibraryService;
beforeAll(async () => {
  ({ service } = await openService([]));
  const content = ALL.map((entry) => JSON.stringify(entry)).join('\n');
  const [outcome] = await importFiles([new File([content], 'gen.ndjson')], {
    send: sendThrough(service),
    parseHtml: () => {
      throw new Error('no html here');
    },
  });
  expect(outcome).toMatchObject({ status: 'added', added: COUNT });
  await service.wordsIndexed();
});

/** Every page of a query, following the cursors. */
async function walk(query: Omit<ListQuery, 'limit' | 'after'>, limit = 17) {
  const ids: string[] = [];
  let after: ListQuery['after'];
  let totals: Array<number | null> = [];
  for (let guard = 0; guard < 100; guard++) {
    const page = await service.list({ ...query, limit, after });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((item) => item.id));
    totals.push(page.total);
    if (!page.next) break;
    after = page.next;
  }
  return { ids, totals };
}

const dateOf = (e: (typeof ALL)[number]) => e.publishedAt ?? e.addedAt;
const byKey = (key: (e: (typeof ALL)[number]) => string | number) => (a: (typeof ALL)[number], b: (typeof ALL)[number]) => {
  const x = key(a);
  const y = key(b);
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
};

describe('browsing', () => {
  test.each([
    ['title', (e: (typeof ALL)[number]) => e.title.toLowerCase()],
    ['source', (e: (typeof ALL)[number]) => e.source.toLowerCase()],
    ['date', dateOf],
    ['size', (e: (typeof ALL)[number]) => e.text.length],
    ['added', (e: (typeof ALL)[number]) => e.addedAt],
  ] as const)('sorted by %s, pages cover every entry once, in order, both ways', async (sort, key) => {
    const expected = [...ALL].sort(byKey(key)).map((e) => e.id);
    const up = await walk({ sort });
    expect(up.ids).toEqual(expected);
    expect(new Set(up.totals)).toEqual(new Set([COUNT]));
    expect((await walk({ sort, descending: true })).ids).toEqual([...expected].reverse());
  });

  test('filtered by origin through its index, with an exact total', async () => {
    const { ids, totals } = await walk({ sort: 'date', origin: 'learned' });
    const expected = ALL.filter((e) => e.origin === 'learned').sort(byKey(dateOf)).map((e) => e.id);
    expect(ids).toEqual(expected);
    expect(totals[0]).toBe(expected.length);
  });

  test('filtered by source prefix (any case) and by date range', async () => {
    const { ids } = await walk({ sort: 'title', source: 'BETA', dateFrom: '2012', dateTo: '2014-12-31' });
    const expected = ALL.filter((e) => e.source === 'beta post' && dateOf(e) >= '2012' && dateOf(e) <= '2014-12-31\uffff')
      .sort(byKey((e) => e.title.toLowerCase()))
      .map((e) => e.id);
    expect(expected.length).toBeGreaterThan(3);
    expect(ids).toEqual(expected);
  });
});

describe('word search', () => {
  const hasWordStarting = (e: (typeof ALL)[number], prefix: string) =>
    `${e.title} ${e.text}`.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(prefix));

  test('finds a word of the text, case-insensitive, and words match as prefixes', async () => {
    const expected = ALL.filter((e) => hasWordStarting(e, 'token17')).sort(byKey((e) => e.title.toLowerCase())).map((e) => e.id);
    expect(expected).toEqual(expect.arrayContaining(['e017', 'e170', 'e171']));
    expect((await walk({ sort: 'title', words: 'TOKEN17' })).ids).toEqual(expected);
  });

  test('several words must all be present (title or text), combined with other filters', async () => {
    const expected = ALL.filter((e) => e.origin === 'imported' && hasWordStarting(e, 'volcano') && hasWordStarting(e, 'harvest')).map((e) => e.id);
    expect(expected.length).toBeGreaterThan(3);
    expect((await walk({ sort: 'added', words: 'volcano harvest', origin: 'imported' })).ids).toEqual(expected);
  });

  test.each([['ids walked', { small: 0 }]])('a broad search (%s) gives what sorting in memory gives', async (_, limits) => {
    const query = { sort: 'date' as const, descending: true, words: 'story', limit: 25 };
    const inMemory = await service.list(query);
    const walked = await listEntries(service.db, query, limits);
    expect(walked.items).toEqual(inMemory.items);
    expect(walked.items.map((item) => item.id)).toEqual([...ALL].sort(byKey(dateOf)).reverse().slice(0, 25).map((e) => e.id));
    const second = await listEntries(service.db, { ...query, after: walked.next }, limits);
    expect(second.items.map((item) => item.id)).toEqual([...ALL].sort(byKey(dateOf)).reverse().slice(25, 50).map((e) => e.id));
  });

  test('a common word and a rare one give the entries holding both, sorted in memory or walked', async () => {
    const expected = ALL.filter((e) => hasWordStarting(e, 'token17')).sort(byKey(dateOf)).map((e) => e.id);
    for (const limits of [{}, { small: 0 }]) {
      const page = await listEntries(service.db, { sort: 'date', words: 'story token17', limit: 50 }, limits);
      expect(page.items.map((item) => item.id)).toEqual(expected);
      expect(page.total).toBe(expected.length);
    }
    const none = await listEntries(service.db, { sort: 'date', words: 'story token17 zeppelin', limit: 50 }, { small: 0 });
    expect(none.items).toEqual([]);
  });

  test('a word in no entry gives an empty page, not an error', async () => {
    expect(await service.list({ sort: 'date', words: 'zeppelin', limit: 10 })).toEqual({ items: [], total: 0, next: undefined });
  });
});

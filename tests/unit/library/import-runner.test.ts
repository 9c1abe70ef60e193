import { describe, expect, test } from 'vitest';
import { exportLibrary } from '../../../lib/library/export-runner';
import { importFiles, type ImportProgress } from '../../../lib/library/import-runner';
import { LibraryService } from '../../../lib/library/service';
import { openLibraryDb } from '../../../lib/library/db';
import { article, failNthPut, openImportRows, openService, preparedBatch, sendThrough, SEED_FILES } from './helpers';

const noHtml = () => {
  throw new Error('no html in these tests');
};
const ndjson = (name: string, rows: object[]) => new File([rows.map((row) => JSON.stringify(row)).join('\n')], name);
const rows = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `a${from + i}`, title: `Title ${from + i}`, text: article(from + i) }));

async function everything(service: LibraryService) {
  const ids = (await service.db.getAllKeys('entries')).sort();
  return service.getEntries(ids);
}

describe('all-or-nothing per file', () => {
  test('a file with one bad line adds nothing; the good file beside it is imported', async () => {
    const { service } = await openService([]);
    const bad = new File([`${rows(0, 300).map((r) => JSON.stringify(r)).join('\n')}\n{"id": "broken"\n`], 'bad.ndjson');
    const good = ndjson('good.ndjson', rows(1000, 3));
    const [badOutcome, goodOutcome] = await importFiles([bad, good], { send: sendThrough(service), parseHtml: noHtml });
    expect(badOutcome).toMatchObject({ status: 'rejected', added: 0, problemCount: 1 });
    expect(badOutcome.problems[0]).toMatch(/^bad\.ndjson:301: not valid JSON/);
    expect(goodOutcome).toMatchObject({ status: 'added', added: 3, duplicates: 0 });
    expect((await service.stats()).total).toBe(3);
    // Nothing of the rejected file is left, nor its journal.
    expect(await service.db.count('entries')).toBe(3);
    expect(await openImportRows(service.db)).toBe(0);
  });

  test('duplicates (in the library, or twice in one file) are skipped and counted; a reused id rejects the file', async () => {
    const { service } = await openService();
    const seedText = (await service.getEntry('002_dd21d444d1702e34'))!.text;
    const file = ndjson('dups.ndjson', [...rows(0, 2), { id: 'again', text: rows(0, 1)[0].text.toUpperCase() }, { id: 'seedcopy', text: seedText }]);
    const [outcome] = await importFiles([file], { send: sendThrough(service), parseHtml: noHtml });
    expect(outcome).toMatchObject({ status: 'added', added: 2, duplicates: 2 });
    const clash = ndjson('clash.ndjson', [{ id: 'a0', text: 'A different article that reuses an existing id.' }]);
    const [clashed] = await importFiles([clash], { send: sendThrough(service), parseHtml: noHtml });
    expect(clashed.status).toBe('rejected');
    expect(clashed.problems).toEqual(['clash.ndjson:1: id "a0" is already used by another article in the library']);
    expect((await service.stats()).total).toBe(7);
  });

  test('cancelling mid-file leaves the library as it was', async () => {
    const { service } = await openService([]);
    const controller = new AbortController();
    const progress: ImportProgress[] = [];
    const outcomes = await importFiles([ndjson('big.ndjson', rows(0, 900)), ndjson('next.ndjson', rows(5000, 2))], {
      send: sendThrough(service),
      parseHtml: noHtml,
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p);
        if (p.articlesRead >= 450) controller.abort();
      },
    });
    expect(outcomes.map((o) => o.status)).toEqual(['cancelled', 'cancelled']);
    expect((await service.stats()).total).toBe(0);
    expect(await service.db.count('entries')).toBe(0);
    expect(await openImportRows(service.db)).toBe(0);
  });

  test('running out of storage quota is reported plainly and nothing of the file is kept', async () => {
    const { service } = await openService([]);
    const send = sendThrough(service);
    const failing: typeof send = (async (type, payload) => {
      if (type === 'library/import-commit') throw new Error('QuotaExceededError: The quota has been exceeded.');
      return send(type, payload);
    }) as typeof send;
    const [outcome] = await importFiles([ndjson('full.ndjson', rows(0, 5))], { send: failing, parseHtml: noHtml });
    expect(outcome.status).toBe('failed');
    expect(outcome.problems[0]).toMatch(/^full\.ndjson: the browser’s storage for the extension is full, so nothing from this file was added/);
    expect((await service.stats()).total).toBe(0);
    expect(await service.db.count('entries')).toBe(0);
    expect(await openImportRows(service.db)).toBe(0);
  });

  test('a real storage failure during commit rolls the whole file back', async () => {
    const { service } = await openService([]);
    // Fail part-way through the commit's writes to the library stores.
    const failing = failNthPut('entries', 3);
    try {
      const [outcome] = await importFiles([ndjson('partial.ndjson', rows(0, 5))], { send: sendThrough(service), parseHtml: noHtml });
      expect(outcome.status).toBe('failed');
      expect(outcome.problems[0]).toMatch(/storage for the extension is full/);
    } finally {
      failing.restore();
    }
    expect(await service.db.count('entries')).toBe(0);
    expect((await service.match({ id: 'p', text: article(1) })).length).toBe(0);
  });

  test('an import interrupted by a service-worker restart is rolled back when the library opens, and cannot be committed', async () => {
    const { service, name } = await openService([]);
    const send = sendThrough(service);
    const { importId } = await send('library/import-begin', { file: 'half.ndjson' });
    await send('library/import-batch', { importId, articles: await preparedBatch(rows(0, 3)) });
    // Written once, straight into the library: there until the file is committed or rolled back.
    expect(await service.db.count('entries')).toBe(3);
    service.db.close();
    const restarted = await LibraryService.open(await openLibraryDb(name), SEED_FILES.slice(0, 0));
    expect(await restarted.db.count('entries')).toBe(0);
    expect(await openImportRows(restarted.db)).toBe(0);
    await expect(sendThrough(restarted)('library/import-commit', { importId })).rejects.toThrow(/no longer open/);
    expect((await restarted.stats()).total).toBe(0);
    expect((await restarted.match({ id: 'p', text: article(1) })).length).toBe(0);
  });
});

describe('export and import', () => {
  test('importing an export into an empty library gives back exactly the same library', async () => {
    const { service } = await openService();
    await service.add({ title: 'Pasted', text: article(7), source: 'Me', origin: 'pasted', publishedAt: '2024-02-03T04:05:06Z' });
    await service.learn({ url: 'https://news.example/l', title: 'Learned', text: article(8, 6) }, { enabled: true, excludedSites: [], cap: 10 });
    await importFiles([ndjson('in.ndjson', [...rows(100, 3), { id: 'u', url: 'https://x.example/u', text: article(200) }])], {
      send: sendThrough(service),
      parseHtml: noHtml,
    });
    const before = await everything(service);
    expect(before).toHaveLength(11);

    const chunks = await exportLibrary(sendThrough(service));
    const { service: fresh } = await openService([]);
    const [outcome] = await importFiles([new File(chunks, 'export.ndjson')], { send: sendThrough(fresh), parseHtml: noHtml });
    expect(outcome).toMatchObject({ status: 'added', added: 11, duplicates: 0 });
    expect(await everything(fresh)).toEqual(before);

    // And into the library it came from: all duplicates, nothing changes.
    const [again] = await importFiles([new File(chunks, 'export.ndjson')], { send: sendThrough(service), parseHtml: noHtml });
    expect(again).toMatchObject({ added: 0, duplicates: 11 });
  });

  test('a selection exports only the chosen entries', async () => {
    const { service } = await openService();
    const chunks = await exportLibrary(sendThrough(service), ['001_cc22b293874e3bba', '003_e369f577ba0dc636']);
    const lines = chunks.join('').trim().split('\n').map((line) => JSON.parse(line) as { id: string; origin: string });
    expect(lines.map((line) => [line.id, line.origin])).toEqual([
      ['001_cc22b293874e3bba', 'seed'],
      ['003_e369f577ba0dc636', 'seed'],
    ]);
  });
});

/**
 * JSON arrays written on one line (what JSON.stringify and most exporters produce), and the
 * files an import must refuse: a trailing comma, bytes that are not UTF-8 (named by their
 * line), an .html page whose "article" is a few characters.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { exportLibrary } from '../../../lib/library/export-runner';
import { importFiles } from '../../../lib/library/import-runner';
import { readImportFile } from '../../../lib/library/import-file';
import type { LibraryService } from '../../../lib/library/service';
import { article, openImportRows, openService, sendThrough } from './helpers';

const noHtml = () => {
  throw new Error('no html in these tests');
};
const parseHtml = (html: string) => new JSDOM(html).window.document;
const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `j${i}`, title: `Title ${i}`, text: article(i) }));

async function everything(service: LibraryService) {
  return service.getEntries((await service.db.getAllKeys('entries')).sort());
}

async function problemsOf(file: File) {
  const problems: string[] = [];
  for await (const item of readImportFile(file, { parseHtml })) if ('problem' in item) problems.push(item.problem);
  return problems;
}

describe('one-line JSON arrays', () => {
  test.each([1, 3, 10_000])('%i articles on one line are all added, exactly as written', async (count) => {
    const { service } = await openService([]);
    const input = rows(count);
    const [outcome] = await importFiles([new File([JSON.stringify(input)], 'one-line.json')], { send: sendThrough(service), parseHtml: noHtml });
    expect(outcome).toMatchObject({ status: 'added', added: count, duplicates: 0, problemCount: 0 });
    const stored = await everything(service);
    const byId = new Map(stored.map((entry) => [entry.id, entry]));
    expect(stored).toHaveLength(count);
    for (const row of input) expect(byId.get(row.id)).toMatchObject({ title: row.title, text: row.text, origin: 'imported' });
    expect(await openImportRows(service.db)).toBe(0);
  }, 120_000);

  test('an export re-imported as a one-line JSON array gives back exactly the same library', async () => {
    const { service } = await openService();
    await service.add({ title: 'Pasted', text: article(7), source: 'Me', origin: 'pasted', publishedAt: '2024-02-03T04:05:06Z' });
    await importFiles([new File([JSON.stringify(rows(40))], 'in.json')], { send: sendThrough(service), parseHtml: noHtml });
    const before = await everything(service);
    const lines = (await exportLibrary(sendThrough(service))).join('').trim().split('\n');
    const oneLine = `[${lines.join(',')}]`;
    expect(oneLine).not.toContain('\n');

    const { service: fresh } = await openService([]);
    const [outcome] = await importFiles([new File([oneLine], 'export.json')], { send: sendThrough(fresh), parseHtml: noHtml });
    expect(outcome).toMatchObject({ status: 'added', added: before.length, duplicates: 0 });
    expect(await everything(fresh)).toEqual(before);
  });

  test('real duplicates on one line are still skipped, and only they are', async () => {
    const { service } = await openService([]);
    const [a, b] = rows(2);
    const file = new File([JSON.stringify([a, b, { id: 'again', text: a.text }])], 'dups.json');
    const [outcome] = await importFiles([file], { send: sendThrough(service), parseHtml: noHtml });
    expect(outcome).toMatchObject({ status: 'added', added: 2, duplicates: 1 });
  });

  test('problems name the element, its line and its column', async () => {
    const [a, b] = rows(2);
    const text = `[${JSON.stringify(a)},{"id":"x"},${JSON.stringify(b)}]`;
    const column = JSON.stringify(a).length + 3;
    expect(await problemsOf(new File([text], 'bad.json'))).toEqual([`bad.json:1:${column}: article 2: missing "text"`]);
  });

  test('an id used twice on one line names where it was first used', async () => {
    const { service } = await openService([]);
    const [a, b] = rows(2);
    const file = new File([JSON.stringify([a, { ...b, id: a.id }])], 'clash.json');
    const [outcome] = await importFiles([file], { send: sendThrough(service), parseHtml: noHtml });
    expect(outcome.status).toBe('rejected');
    expect(outcome.problems).toEqual([`clash.json:1:${JSON.stringify(a).length + 3}: article 2: id "j0" is already used by clash.json:1:2: article 1 of this file`]);
    expect(await service.db.count('entries')).toBe(0);
  });
});

describe('files that must be refused', () => {
  test('a JSON array with a trailing comma', async () => {
    const text = `[\n${JSON.stringify(rows(1)[0])},\n]`;
    expect(await problemsOf(new File([text], 'trailing.json'))).toEqual(['trailing.json:3:1: a comma before "]" (JSON allows no trailing comma)']);
    expect(await problemsOf(new File([`[${JSON.stringify(rows(1)[0])}, ]`], 'one.json'))).toHaveLength(1);
    // An empty array is fine.
    expect(await problemsOf(new File(['[]'], 'empty.json'))).toEqual([]);
  });

  test.each(['ndjson', 'json'])('invalid UTF-8 bytes on line 12 of a .%s file are reported on line 12', async (kind) => {
    const lines = rows(15).map((row) => JSON.stringify(row));
    const encoder = new TextEncoder();
    const parts: Uint8Array<ArrayBuffer>[] = [];
    const body = kind === 'json' ? ['[', ...lines.map((line, i) => (i < lines.length - 1 ? `${line},` : line)), ']'] : lines;
    // Line 12 (1-based) gets a lone continuation byte in the middle of its text.
    body.forEach((line, index) => {
      const bytes = encoder.encode(`${line}\n`);
      if (index === 11) {
        const broken = new Uint8Array(bytes.length + 1);
        broken.set(bytes.subarray(0, 30));
        broken[30] = 0x80;
        broken.set(bytes.subarray(30), 31);
        parts.push(broken);
      } else parts.push(bytes);
    });
    const problems = await problemsOf(new File(parts, `bad.${kind}`));
    expect(problems).toEqual([`bad.${kind}:12: not UTF-8 text (save the file as UTF-8 and import it again)`]);
  });

  test('invalid UTF-8 is found on its line whatever chunk boundary it falls on', async () => {
    const { decodeUtf8 } = await import('../../../lib/library/read-lines');
    const bytes = new TextEncoder().encode('é line one\nline two é\nline three\nline ñ four\n');
    const bad = new Uint8Array([...bytes.subarray(0, 40), 0xc3, 0x28, ...bytes.subarray(40)]);
    const expectedLine = new TextDecoder().decode(bytes.subarray(0, 40)).split('\n').length;
    for (let size = 1; size <= bad.length; size++) {
      async function* chunks() {
        for (let at = 0; at < bad.length; at += size) yield bad.subarray(at, at + size);
      }
      let line: number | undefined;
      try {
        for await (const _ of decodeUtf8(chunks())) void _;
      } catch (error) {
        line = (error as { line: number }).line;
      }
      expect(line, `chunks of ${size} bytes`).toBe(expectedLine);
    }
  });

  test('an .html page whose article is only a few characters', async () => {
    const tiny = '<html><head><title>Hi</title></head><body><article><p>Hello</p></article></body></html>';
    expect(await problemsOf(new File([tiny], 'tiny.html'))).toEqual(['tiny.html:1: no article text found in this page']);
  });
});

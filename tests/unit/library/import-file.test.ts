import { describe, expect, test } from 'vitest';
import { JSDOM } from 'jsdom';
import { readImportFile, type ImportItem } from '../../../lib/library/import-file';

const parseHtml = (html: string) => new JSDOM(html).window.document;

function file(name: string, parts: BlobPart[]): File {
  return new File(parts, name);
}

async function readAll(input: File, onBytes?: (n: number) => void): Promise<ImportItem[]> {
  const items: ImportItem[] = [];
  for await (const item of readImportFile(input, { parseHtml, onBytes })) items.push(item);
  return items;
}

const articles = (items: ImportItem[]) => items.flatMap((item) => ('article' in item ? [item.article] : []));
const problems = (items: ImportItem[]) => items.flatMap((item) => ('problem' in item ? [item.problem] : []));
const line = (value: object) => `${JSON.stringify(value)}\n`;

describe('NDJSON', () => {
  test('valid lines become articles with their line numbers; blank lines and CRLF are fine', async () => {
    const items = await readAll(
      file('lib.ndjson', [
        '\uFEFF{"id":"a","title":"A","text":"First text."}\r\n',
        '\r\n',
        '{"id":"b","url":"https://example.com/b","publishedAt":"2024-01-02","text":"Second."}',
      ]),
    );
    expect(problems(items)).toEqual([]);
    expect(articles(items)).toEqual([
      { line: 1, article: { id: 'a', title: 'A', text: 'First text.' } },
      { line: 3, article: { id: 'b', url: 'https://example.com/b', publishedAt: '2024-01-02', text: 'Second.' } },
    ]);
  });

  test('a malformed line is reported with the file name and its line, the others still parse', async () => {
    const items = await readAll(file('bad.ndjson', [line({ id: 'a', text: 'ok' }), '{"id": "b", "text": \n', line({ text: 'no id' })]));
    expect(articles(items).map((a) => a.article.id)).toEqual(['a']);
    const found = problems(items);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^bad\.ndjson:2: not valid JSON/);
    expect(found[1]).toBe('bad.ndjson:3: missing "id"');
  });

  test('the export extras (source, origin, addedAt) are read and checked', async () => {
    const items = await readAll(
      file('export.ndjson', [
        line({ id: 'a', source: 'Wire', origin: 'learned', addedAt: '2024-05-01T10:00:00.000Z', text: 'x' }),
        line({ id: 'b', origin: 'stolen', text: 'y' }),
      ]),
    );
    expect(articles(items)[0].article).toEqual({ id: 'a', source: 'Wire', origin: 'learned', addedAt: '2024-05-01T10:00:00.000Z', text: 'x' });
    expect(problems(items)).toEqual(['export.ndjson:2: "origin" must be one of seed, imported, page, pasted, learned']);
  });

  test('__proto__ and constructor keys never reach the article or pollute prototypes', async () => {
    const hostile = '{"id":"p","text":"t","__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"origin":"imported"}\n';
    const items = await readAll(file('hostile.ndjson', [hostile]));
    const [article] = articles(items);
    expect(Object.keys(article.article).sort()).toEqual(['id', 'origin', 'text']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(article.article)).toBe(Object.prototype);
  });

  test('deeply nested JSON is a clean error for its line, not a crash', async () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}\n`;
    const items = await readAll(file('deep.ndjson', [line({ id: 'a', text: 'ok' }), deep]));
    expect(articles(items)).toHaveLength(1);
    expect(problems(items)[0]).toMatch(/^deep\.ndjson:2: /);
  });

  test('bytes that are not UTF-8 stop the file with the line they are on', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('{"id":"x","text":"caf'), 0xe9, ...new TextEncoder().encode('"}\n')]);
    const items = await readAll(file('latin1.ndjson', [line({ id: 'a', text: 'ok' }), latin1]));
    expect(problems(items)).toEqual(['latin1.ndjson:2: not UTF-8 text (save the file as UTF-8 and import it again)']);
  });

  test('a bad byte far into a file is found on its line, counted across the chunks before it', async () => {
    const good = Array.from({ length: 6_000 }, (_, i) => line({ id: `g${i}`, text: `Body of article ${i}, long enough to fill a few chunks.` })).join('');
    expect(good.length).toBeGreaterThan(4 * 65_536);
    const latin1 = new Uint8Array([...new TextEncoder().encode('{"id":"x","text":"caf'), 0xe9, ...new TextEncoder().encode('"}\n')]);
    const items = await readAll(file('far.ndjson', [good, latin1]));
    expect(problems(items)).toEqual(['far.ndjson:6001: not UTF-8 text (save the file as UTF-8 and import it again)']);
  });

  test('10,000 lines stream through with every line accounted for and progress reported', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => line({ id: `n${i}`, title: `T ${i}`, text: `Body of article ${i}.` }));
    const content = lines.join('');
    const seen: number[] = [];
    const items = await readAll(file('big.ndjson', [content]), (n) => seen.push(n));
    expect(problems(items)).toEqual([]);
    const read = articles(items);
    expect(read).toHaveLength(10_000);
    expect(read[9_999]).toEqual({ line: 10_000, article: { id: 'n9999', title: 'T 9999', text: 'Body of article 9999.' } });
    expect(seen[seen.length - 1]).toBe(new TextEncoder().encode(content).byteLength);
  });

  test('a line split across many small chunks is reassembled', async () => {
    const text = line({ id: 'é', text: 'naïve – “quoted” 北京' });
    const bytes = new TextEncoder().encode(text + text);
    const parts = Array.from(bytes, (b) => new Uint8Array([b]));
    const items = await readAll(file('chunks.ndjson', parts));
    expect(articles(items).map((a) => a.article.text)).toEqual(['naïve – “quoted” 北京', 'naïve – “quoted” 北京']);
  });
});

describe('JSON arrays', () => {
  test('elements become articles with the line each starts on', async () => {
    const json = '[\n  {"id": "a", "text": "one, [two]"},\n  {"id": "b",\n   "text": "escaped \\" quote }"}\n]\n';
    const items = await readAll(file('lib.json', [json]));
    expect(problems(items)).toEqual([]);
    expect(articles(items)).toEqual([
      { line: 2, column: 3, element: 1, article: { id: 'a', text: 'one, [two]' } },
      { line: 3, column: 3, element: 2, article: { id: 'b', text: 'escaped " quote }' } },
    ]);
  });

  test('a JSON file that is not an array, or a bad element, names file, line, column and element', async () => {
    expect(problems(await readAll(file('obj.json', ['{"id":"a","text":"x"}'])))).toEqual([
      'obj.json:1:1: a JSON file must hold an array of articles: [{"id": "…", "text": "…"}, …]',
    ]);
    const items = await readAll(file('mixed.json', ['[{"id":"a","text":"x"},\n 42,\n {"id":"c"}']));
    expect(problems(items)).toEqual([
      'mixed.json:2:2: article 2: expected a JSON object like {"id": "…", "text": "…"}',
      'mixed.json:3:2: article 3: missing "text"',
      'mixed.json:3: the array is not closed (the file ends early)',
    ]);
  });

  test('deep nesting inside an element is rejected without recursion', async () => {
    const deep = `[{"id":"a","text":"x","extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}]`;
    const items = await readAll(file('deep.json', [deep]));
    expect(articles(items).length + problems(items).length).toBe(1);
  });
});

describe('single articles', () => {
  test('a .txt file: first line the headline, the rest the text', async () => {
    const items = await readAll(file('story.txt', ['Big headline\r\n\r\nFirst paragraph.\r\n\r\n\r\n\r\nSecond paragraph.\r\n']));
    const [article] = articles(items);
    expect(article.article.title).toBe('Big headline');
    expect(article.article.text).toBe('First paragraph.\n\nSecond paragraph.');
    expect(article.article.id).toMatch(/^txt-[0-9a-f]{16}$/);
  });

  test('an .html page is extracted like a visited page', async () => {
    const body = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} of a real story about the harbour council meeting, where members argued at length about the budget for the new ferry terminal and its delays.</p>`).join('');
    const html = `<html><head><title>Harbour council</title></head><body><nav><a href="/">Home</a></nav><article><h1>Harbour council argues</h1>${body}</article></body></html>`;
    const [article] = articles(await readAll(file('page.html', [html])));
    expect(article.article.text).toContain('Paragraph 5 of a real story');
    expect(article.article.text).not.toContain('Home');
  });

  test('an unknown file type is refused with a clear message', async () => {
    expect(problems(await readAll(file('notes.docx', ['x'])))).toEqual([
      'notes.docx: not a file type the library reads (use .ndjson,.jsonl,.json,.txt,.html,.htm)',
    ]);
  });
});

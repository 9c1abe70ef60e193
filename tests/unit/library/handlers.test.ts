import { describe, expect, test, vi } from 'vitest';
import { INDEX_VERSION } from '../../../lib/core/tuning';
import { createLibraryHandlers, MAX_PAGE } from '../../../lib/library/handlers';
import { prepareImportArticle } from '../../../lib/library/prepared';
import { hashesFromMessage, hashesToMessage } from '../../../lib/library/import-entry';
import { MAX_LIBRARY_LINE_CHARS } from '../../../lib/library/format';
import { fingerprintText } from '../../../lib/core/fingerprint';
import { Engine } from '../../../lib/core/engine';
import { openService } from './helpers';

/** Long enough to be stored deflated (text-codec.ts), with characters beyond Latin-1. */
const LONG = `${'The ferry council met again on Tuesday — “for the last time”, said Zoë. '.repeat(8)}Fin.`;

async function handlers() {
  const { service } = await openService();
  return createLibraryHandlers(async () => service);
}

describe('library handlers check what a message carries', () => {
  test('a list query with an unknown sort, origin or page size is refused with a clear message', async () => {
    const h = await handlers();
    await expect(h['library/list']({ query: { sort: 'id' as never, limit: 10 } })).rejects.toThrow('"sort" must be one of title, source, date, size, added');
    await expect(h['library/list']({ query: { sort: 'date', origin: 'stolen' as never, limit: 10 } })).rejects.toThrow(/"origin" must be one of/);
    await expect(h['library/list']({ query: { sort: 'date', limit: MAX_PAGE + 1 } })).rejects.toThrow(`"limit" must be a whole number from 1 to ${MAX_PAGE}`);
    await expect(h['library/list']({ query: { sort: 'date', limit: 10, words: 42 as never } })).rejects.toThrow('"words" must be a string');
    expect((await h['library/list']({ query: { sort: 'date', limit: 10 } })).total).toBe(5);
  });

  test('pasted text needs a title, a source and a text, and is stored with origin "pasted"', async () => {
    const h = await handlers();
    await expect(h['library/add']({ title: ' ', source: 's', text: 't' })).rejects.toThrow('"title" must be a non-empty string');
    await expect(h['library/add']({ title: 't', source: 's', text: { evil: true } as never })).rejects.toThrow('"text" must be a non-empty string');
    const { id, added } = await h['library/add']({ title: ' Local story ', source: 'Me', text: 'A story typed by hand.' });
    expect(added).toBe(true);
    expect(await h['library/get']({ id })).toMatchObject({ title: 'Local story', source: 'Me', origin: 'pasted' });
  });

  test('an import batch is re-validated in the background: a forged article is rejected with its line', async () => {
    const h = await handlers();
    const { importId } = await h['library/import-begin']({ file: 'forged.ndjson' });
    const good = await prepareImportArticle({ line: 1, article: { id: 'ok', text: 'Fine text.' } });
    const long = await prepareImportArticle({ line: 1, article: { id: 'long', text: LONG } });
    const fields = (id: string) => ({ ...good.article, id });
    const result = await h['library/import-batch']({
      importId,
      articles: [
        good,
        { ...good, line: 2, article: { id: 'bad', title: 'Bad', text: 7 as never } },
        { ...good, line: 3, article: { ...fields('o'), origin: 'root' as never } },
        { ...good, line: 4, article: fields('h'), textHash: 'not-a-hash' },
        { ...good, line: 5, article: fields('f'), fingerprint: { v: INDEX_VERSION - 1, hashes: hashesToMessage([1, 2]) } },
        { ...good, line: 6, article: fields('g'), fingerprint: { v: INDEX_VERSION, hashes: hashesToMessage([2, 1]) } },
        { ...good, line: 7, article: fields('b'), fingerprint: { v: INDEX_VERSION, hashes: 'AAA=' } },
        // A text long enough to be deflated comes deflated, as base64 of plausible length.
        { ...good, line: 8, article: fields('p'), size: LONG.length },
        { ...long, line: 9, article: { ...long.article, id: 'q' }, packed: 'A'.repeat(4 * LONG.length + 2_000) },
        { ...long, line: 10, article: { ...long.article, id: 'r' }, packed: 'not base64!' },
        // What the page works out from the text must be there and agree with it.
        { ...good, line: 11, article: { id: 't', text: 'Fine text.' } as never },
        { ...good, line: 12, article: fields('s'), size: 11 },
        { ...good, line: 13, article: fields('z'), size: 0 },
        { ...long, line: 14, article: { ...long.article, id: 'm' }, size: MAX_LIBRARY_LINE_CHARS + 1 },
      ],
    });
    expect(result).toEqual({
      written: 0,
      duplicates: 0,
      rejected: [
        'forged.ndjson:2: "text" must be a string, not a number',
        'forged.ndjson:3: "origin" must be one of seed, imported, page, pasted, learned',
        'forged.ndjson:4: the text hash is not a SHA-256 digest',
        'forged.ndjson:5: the fingerprint is from another version of the extension (reload the page)',
        'forged.ndjson:6: the fingerprint is not a list of ascending hashes',
        'forged.ndjson:7: the fingerprint is not a list of ascending hashes',
        'forged.ndjson:8: the packed text is missing or too long (reload the page)',
        'forged.ndjson:9: the packed text is missing or too long (reload the page)',
        'forged.ndjson:10: the packed text is not base64',
        'forged.ndjson:11: the title is missing (reload the page)',
        'forged.ndjson:12: the text is not as long as its length says (reload the page)',
        'forged.ndjson:13: the text length is not a count of characters (reload the page)',
        `forged.ndjson:14: the text is too long (at most ${MAX_LIBRARY_LINE_CHARS} characters)`,
      ],
    });
    await h['library/import-abort']({ importId });
    expect((await h['library/stats']({})).total).toBe(5);
  });

  test('an imported text crosses once, deflated, is stored as the page deflated it, and reads back whole', async () => {
    const h = await handlers();
    const { importId } = await h['library/import-begin']({ file: 'long.ndjson' });
    const article = await prepareImportArticle({ line: 1, article: { id: 'long', title: 'Long', text: LONG } });
    expect(article.packed).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(article.article.text).toBeUndefined();
    expect(article.size).toBe(LONG.length);
    expect(await h['library/import-batch']({ importId, articles: [article] })).toEqual({ written: 1, duplicates: 0, rejected: [] });
    await h['library/import-commit']({ importId });
    expect((await h['library/get']({ id: 'long' }))?.text).toBe(LONG);
    const { items } = await h['library/list']({ query: { sort: 'size', limit: 10 } });
    expect(items.find((item) => item.id === 'long')?.size).toBe(LONG.length);
  });

  test('a headline-less or blank-titled article is titled with its first words by the page', async () => {
    const h = await handlers();
    const { importId } = await h['library/import-begin']({ file: 'untitled.ndjson' });
    const text = `  Words   first,\n${LONG}`;
    const untitled = await prepareImportArticle({ line: 1, article: { id: 'untitled', text } });
    const blank = await prepareImportArticle({ line: 2, article: { id: 'blank', title: '   ', text: 'Short, and with a blank title.' } });
    expect(untitled.article.title).toMatch(/^Words first, The ferry council .*…$/);
    expect(blank.article.title).toBe('Short, and with a blank title.');
    expect(await h['library/import-batch']({ importId, articles: [untitled, blank] })).toEqual({ written: 2, duplicates: 0, rejected: [] });
    await h['library/import-commit']({ importId });
    expect(await h['library/get']({ id: 'untitled' })).toMatchObject({ title: untitled.article.title });
    expect(await h['library/get']({ id: 'blank' })).toMatchObject({ title: 'Short, and with a blank title.' });
  });

  test('the fingerprint the background indexes is the one the page computed, its hashes crossing as base64 of 32-bit words', async () => {
    const { service } = await openService();
    const h = createLibraryHandlers(async () => service);
    const { importId } = await h['library/import-begin']({ file: 'hashes.ndjson' });
    const text = `A council in the north met on Tuesday to weigh the ferry's future. ${LONG}`;
    const article = await prepareImportArticle({ line: 1, article: { id: 'hashed', title: 'Hashed', text } });
    const { hashes } = fingerprintText(text);
    expect(hashes.length).toBeGreaterThan(2);
    expect(article.fingerprint.hashes.length).toBe(4 * Math.ceil((hashes.length * 4) / 3));
    const indexed = vi.spyOn(Engine.prototype, 'addFingerprint');
    try {
      await h['library/import-batch']({ importId, articles: [article] });
      await h['library/import-commit']({ importId });
      expect(indexed.mock.calls.filter(([id]) => id === 'hashed').map(([, fingerprint]) => fingerprint)).toEqual([{ v: INDEX_VERSION, hashes }]);
    } finally {
      indexed.mockRestore();
    }
  });

  test('hashes survive the crossing at the edges of 32 bits, and an empty fingerprint is empty', () => {
    for (const hashes of [[], [0], [0x80000000], [0xffffffff], [0, 1, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff]]) {
      expect(hashesFromMessage(hashesToMessage(hashes))).toEqual(hashes);
    }
    expect(hashesFromMessage(hashesToMessage([5, 5]))).toBeUndefined();
    expect(hashesFromMessage('AAAAAAA=')).toBeUndefined();
    expect(hashesFromMessage([1, 2])).toBeUndefined();
  });

  test('ids must be a list of strings of bounded length', async () => {
    const h = await handlers();
    await expect(h['library/delete']({ ids: 'all' as never })).rejects.toThrow(/"ids" must be a list/);
    await expect(h['library/delete']({ ids: [''] })).rejects.toThrow('"id" must be a non-empty string');
    expect(await h['library/delete']({ ids: ['no-such-id'] })).toEqual({ deleted: 0 });
  });
});

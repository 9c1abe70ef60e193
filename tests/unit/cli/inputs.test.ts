import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, readScanInput, textArticle } from '../../../lib/cli/inputs';

const dir = mkdtempSync(join(tmpdir(), 'scan-inputs-'));

const PARAGRAPHS = [
  'The regional orchestra will play its autumn season in the old corn exchange while the concert hall is rebuilt, the board said on Monday, after two years of arguments about where the musicians should go.',
  'The corn exchange seats six hundred people, about half as many as the hall, so most concerts will be played twice, on Friday and Saturday evenings, at the same ticket prices as before.',
  'Rebuilding the hall is expected to take until the spring of the year after next. The board said the new hall would have better acoustics, a lift to every floor and a larger stage for the choir.',
];

describe('textArticle', () => {
  it('takes the first line as the headline and blank-line-separated paragraphs as the body', () => {
    expect(textArticle('  Headline here  \n\nFirst para\ncontinues.\n\n\nSecond para.\n')).toEqual({
      title: 'Headline here',
      text: 'First para continues.\n\nSecond para.',
    });
  });

  it('reads a blank first line as no headline, keeping the first paragraph in the body', () => {
    expect(textArticle('\nFirst para.\nSecond para.\n')).toEqual({ title: '', text: 'First para.\n\nSecond para.' });
  });

  it('reads a body without blank lines one paragraph per line, and handles CRLF', () => {
    expect(textArticle('Headline\r\nOne.\r\nTwo.\r\n')).toEqual({ title: 'Headline', text: 'One.\n\nTwo.' });
  });

  it('gives an empty article for an empty file', () => {
    expect(textArticle(' \n\n')).toEqual({ title: '', text: '' });
  });
});

describe('readScanInput', () => {
  it('extracts an .html page the way the content script does, from non-UTF-8 bytes with a wrong declaration', async () => {
    const html = `<html><head><meta charset="utf-8"><title>Orchestra moves to the corn exchange</title></head><body><nav><a href="/">Home</a> <a href="/arts">Arts</a></nav><article><h1>Orchestra moves to the corn exchange</h1>${PARAGRAPHS.map((text) => `<p>${text}</p>`).join('<p>Advertisement</p>')}<p>Caf\xe9 concerts resume in May.</p></article><footer>Copyright 2008 Gazette</footer></body></html>`;
    const path = join(dir, 'page.html');
    writeFileSync(path, Buffer.from(html, 'latin1'));
    const input = await readScanInput(path);
    expect(input.input).toBe(path);
    expect(input.title).toBe('Orchestra moves to the corn exchange');
    expect(input.text).toBe([...PARAGRAPHS, 'Café concerts resume in May.'].join('\n\n'));
  });

  it('sniffs markup in a file without a telling extension', async () => {
    const path = join(dir, 'page.dat');
    writeFileSync(path, `<!DOCTYPE html><html><head><title>T</title></head><body><article>${PARAGRAPHS.map((text) => `<p>${text}</p>`).join('')}</article></body></html>`);
    expect((await readScanInput(path)).text).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('reads a .txt file as headline and body, and never as markup', async () => {
    const path = join(dir, 'story.txt');
    writeFileSync(path, `<b>Not markup</b> headline\n\n${PARAGRAPHS.join('\n\n')}\n`);
    expect(await readScanInput(path)).toEqual({ input: path, title: '<b>Not markup</b> headline', text: PARAGRAPHS.join('\n\n') });
  });

  it('gives a page without an article an empty text, not an error', async () => {
    const path = join(dir, 'empty.html');
    writeFileSync(path, '<html><head><title>Nothing here</title></head><body><a href="/">Home</a></body></html>');
    expect(await readScanInput(path)).toMatchObject({ title: 'Nothing here', text: '' });
  });

  it('reports a missing file and a directory as InputError', async () => {
    await expect(readScanInput(join(dir, 'missing.html'))).rejects.toThrow(InputError);
    await expect(readScanInput(join(dir, 'missing.html'))).rejects.toThrow(/no such file/);
    await expect(readScanInput(dir)).rejects.toThrow(/is a directory/);
  });
});

describe('readScanInput on a page beyond the size caps', () => {
  it('says the page is too large to check instead of reporting a page that matches nothing', async () => {
    // About 3 million characters of text: past the 2,000,000 the extension reads.
    const filler = Array.from({ length: 40_000 }, (_, i) => `<p>Filler paragraph ${i} with enough words to count as text for the size cap.</p>`).join('');
    const path = join(dir, 'huge.html');
    writeFileSync(path, `<html><head><title>Huge</title></head><body>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}${filler}</body></html>`);
    const error = await readScanInput(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).reason).toMatch(/^too large to check/);
  });
});

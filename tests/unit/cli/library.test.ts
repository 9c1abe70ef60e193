/**
 * The scan command's library keeps fingerprints and line positions, not texts: loading reads
 * no text back, matching reads back only the engine's candidates, and a text read back is the
 * article as written (multi-byte characters, CRLF, lines longer than a read chunk, ids given again).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryFileLines, loadScanLibrary } from '../../../lib/cli/library';
import { DEFAULT_TUNING } from '../../../lib/core/tuning';
import { formatLibraryLine } from '../../../lib/library/format';

const dir = mkdtempSync(join(tmpdir(), 'scan-library-'));
const WORDS = 'river valley farmers drought reservoir water rationing summer crops orchards council pumps wells'.split(' ');

function story(seed: number): string {
  return Array.from({ length: 5 }, (_, p) => Array.from({ length: 30 }, (_, w) => `${WORDS[(seed * 5 + p * 3 + w * 7 + ((w * w) % 5)) % WORDS.length]}${(w + p) % 6 === 0 ? seed * 100 + w : ''}`).join(' ') + '.').join('\n\n');
}

describe('the scan library', () => {
  it('reads no text while loading and, matching one copy, only the texts of the engine candidates', async () => {
    const file = join(dir, 'many.ndjson');
    const count = 60;
    writeFileSync(file, `${Array.from({ length: count }, (_, i) => formatLibraryLine({ id: `s${i}`, title: `Story ${i}`, text: story(i) })).join('\n')}\n`);
    const library = await loadScanLibrary({ seed: false, libraries: [file] }, () => undefined);
    try {
      expect(library.size).toBe(count);
      expect(library.textsRead).toBe(0);
      const loads: string[] = [];
      const matches = await library.engine.match({ id: 'page', text: story(17) }, (id) => {
        loads.push(id);
        return library.article(id);
      });
      expect(matches[0]).toMatchObject({ id: 's17', kind: 'verbatim' });
      expect(library.textsRead).toBe(loads.length);
      expect(loads.length).toBeGreaterThan(0);
      expect(loads.length).toBeLessThanOrEqual(DEFAULT_TUNING.maxCandidates);
    } finally {
      await library.close();
    }
  });

  it('reads back each article as written, the later of two equal ids winning', async () => {
    const file = join(dir, 'odd.ndjson');
    const long = `Le café ${'é'.repeat(700_000)} fin`;
    const lines = [
      formatLibraryLine({ id: 'a', title: 'Première', text: 'Un été à Zürich — “quoted”.\n\nSecond paragraphe.' }),
      formatLibraryLine({ id: 'long', text: long }),
      formatLibraryLine({ id: 'a', title: 'Later', text: 'The later article with id a.', publishedAt: '2025-01-02T03:04:05Z' }),
      '',
      formatLibraryLine({ id: 'last', text: 'No line end after this one.' }),
    ];
    writeFileSync(file, lines.join('\r\n'));
    const warnings: string[] = [];
    const library = await loadScanLibrary({ seed: false, libraries: [file] }, (message) => warnings.push(message));
    try {
      expect(library.size).toBe(3);
      expect(warnings).toEqual([expect.stringContaining('"a" appears again')]);
      expect(await library.article('a')).toEqual({ id: 'a', title: 'Later', text: 'The later article with id a.', publishedAt: '2025-01-02T03:04:05Z' });
      expect((await library.article('long'))?.text).toBe(long);
      expect((await library.article('last'))?.text).toBe('No line end after this one.');
      expect(await library.article('unknown')).toBeUndefined();
    } finally {
      await library.close();
    }
  });

  it('gives the byte offset and number of every line, across read chunks', async () => {
    const file = join(dir, 'offsets.ndjson');
    const content = `é\n${'x'.repeat(3 << 20)}\n\nlast`;
    writeFileSync(file, content);
    const seen: Array<[number, number, number]> = [];
    for await (const { bytes, start, line } of libraryFileLines(file)) seen.push([line, start, bytes.length]);
    expect(seen).toEqual([
      [1, 0, 2],
      [2, 3, 3 << 20],
      [3, 4 + (3 << 20), 0],
      [4, 5 + (3 << 20), 4],
    ]);
  });
});

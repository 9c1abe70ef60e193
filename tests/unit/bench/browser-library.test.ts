import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLibraryLine } from '../../../lib/library/format';
import { RARE_WORD } from '../../e2e/library-scale';
import { libraryRecord, libraryRecords, writeLibraryFile } from '../../bench/browser/library-file';

describe('bench:browser library file', () => {
  it('is the same on every run, one valid library line per article, the rare word in the last one only', async () => {
    const file = await writeLibraryFile(60);
    try {
      const lines = readFileSync(file.path, 'utf8').trimEnd().split('\n');
      expect(lines).toHaveLength(60);
      const parsed = lines.map((line, i) => parseLibraryLine(line, { file: 'bench.ndjson', line: i + 1 }));
      expect(new Set(parsed.map((line) => line.id)).size).toBe(60);
      expect(new Set(parsed.map((line) => line.text)).size).toBe(60);
      expect(parsed.map((line) => line.text.includes(RARE_WORD))).toEqual([...Array(59).fill(false), true]);
      expect(file.marked).toEqual(libraryRecord(59, true));
      expect(parsed[59].title).toBe(file.marked.title);
      expect(file.textBytes).toBe(parsed.reduce((sum, line) => sum + Buffer.byteLength(line.text), 0));
      expect([...libraryRecords(60)].map((record) => JSON.stringify(record))).toEqual(lines);
    } finally {
      await file.remove();
    }
  });

  it('holds news-sized articles (about 4 to 6 KB on average)', () => {
    const records = [...libraryRecords(200)];
    const average = records.reduce((sum, record) => sum + record.text.length, 0) / records.length;
    expect(average).toBeGreaterThan(4_000);
    expect(average).toBeLessThan(6_000);
  });
});

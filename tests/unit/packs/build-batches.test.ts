/**
 * pack build's batches: lines travel to the workers as UTF-8 bytes and come back as encoded
 * entries. Line ends and blank lines are read as node:readline reads them, bad lines are
 * named by file and line across batches and inputs, and the pack is the one the entries give.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPack, BuildInputError } from '../../../lib/cli/pack-build';
import { encodeBatch } from '../../../lib/cli/pack-worker';
import { formatLibraryLine } from '../../../lib/library/format';
import { ByteReader } from '../../../lib/packs/bytes';
import { packFingerprintParameters } from '../../../lib/packs/entry';
import { concat, decodePack, encodePack } from '../../../lib/packs/pack';
import { PackBodyWriter, type DeflateLevel } from '../../../lib/packs/writer';
import { deflateSync } from 'fflate';
import { readEntry } from '../../../lib/packs/record';
import { articles, entries, META } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'pack-batches-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const encoder = new TextEncoder();
const lines = (from: number, to: number) => articles(from, to).map((a) => formatLibraryLine(a));

describe('encodeBatch (a worker batch)', () => {
  it('reads CR LF, LF and lone CR line ends, skips blank lines, keeps a byte-order mark out of the id, and encodes each entry as the writer would', () => {
    const [a, b, c] = lines(0, 3);
    const reply = encodeBatch({ batch: 7, bytes: encoder.encode(`\uFEFF${a}\r\n\r\n${b}\r   \n${c}`) });
    if (!('ids' in reply)) throw new Error(reply.reason);
    expect(reply.batch).toBe(7);
    expect(reply.lines).toBe(5);
    expect(reply.ids).toEqual(['art-00000', 'art-00001', 'art-00002']);
    const decoded = reply.ids.map((_, i) => readEntry(new ByteReader(reply.bytes.subarray(i === 0 ? 0 : reply.ends[i - 1], reply.ends[i]), 'test'), packFingerprintParameters(), 'test'));
    expect(decoded).toEqual(entries(0, 3));
  });

  it('counts a final line break as the end of the last line, not as one more line', () => {
    const reply = encodeBatch({ batch: 0, bytes: encoder.encode(`${lines(0, 2).join('\n')}\n`) });
    expect('ids' in reply && reply.lines).toBe(2);
  });

  it('answers the first bad line with its number within the batch (0 for the first) and the reason alone', () => {
    const reply = encodeBatch({ batch: 1, bytes: encoder.encode(`${lines(0, 1)[0]}\n\n{"id":"x","text":5}\n{not json\n`) });
    expect(reply).toEqual({ batch: 1, line: 2, reason: '"text" must be a string, not a number' });
  });
});

describe('PackBodyWriter with blocks deflated elsewhere', () => {
  it('writes the bytes of the built-in deflate whatever order the blocks come back in, and finishes only once all are back', async () => {
    const all = entries(0, 5);
    const write = async (deflate?: (raw: Uint8Array, level: DeflateLevel) => Promise<Uint8Array>) => {
      const chunks: Uint8Array[] = [];
      const body = new PackBodyWriter((chunk) => chunks.push(chunk), false, 6, deflate);
      for (let copy = 0; copy < 2100; copy++) body.put({ ...all[copy % 5], id: `id-${String(copy).padStart(5, '0')}` });
      if (deflate) expect(() => body.finish()).toThrow(/still being deflated/);
      return { summary: await body.close(), bytes: concat(chunks) };
    };
    const sync = await write();
    let calls = 0;
    // The first block comes back last: later blocks wait for it.
    const reordered = await write((raw, level) => new Promise((resolve) => setTimeout(() => resolve(deflateSync(raw, { level })), calls++ === 0 ? 50 : 0)));
    expect(calls).toBe(3);
    expect(reordered).toEqual(sync);
  });
});

describe('buildPack', () => {
  it('numbers lines across batches and again from 1 in each input, whatever the line ends', async () => {
    // Over 512 KB of lines before the bad one: it lies in a later batch than the first.
    const good = file('good.ndjson', `${lines(0, 150).join('\r\n')}\r\n`);
    const bad = file('bad.ndjson', `${lines(150, 280).join('\n')}\n{"id":"x","text":"t","url":"ftp://example.org/x"}\n`);
    const error = await buildPack([good, bad], join(dir, 'bad.pack'), META, 2).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BuildInputError);
    expect((error as Error).message).toBe(`${bad}:131: "url" must be an http or https address, not ftp:`);
    expect(() => readFileSync(join(dir, 'bad.pack'))).toThrow();
  }, 120_000);

  it('gives the pack its entries give, with the later of two lines with one id winning, through one run or many', async () => {
    const retitled = articles(5, 8).map((a) => formatLibraryLine({ ...a, title: 'Later' }));
    const input = file('input.ndjson', `${lines(0, 40).join('\n')}\n${retitled.join('\n')}`);
    const expected = encodePack(META, [...entries(0, 40), ...entries(5, 8).map((entry) => ({ ...entry, title: 'Later' }))]);
    for (const runEntries of [100, 9]) {
      const built = await buildPack([input], join(dir, 'out.pack'), META, 2, runEntries);
      expect(built.linesRead - built.header.articles).toBe(3);
      expect(readFileSync(join(dir, 'out.pack'))).toEqual(Buffer.from(expected));
    }
    const { entries: decoded } = await decodePack(readFileSync(join(dir, 'out.pack')));
    expect(decoded.filter((entry) => entry.title === 'Later').map((entry) => entry.id)).toEqual(['art-00005', 'art-00006', 'art-00007']);
  }, 120_000);
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

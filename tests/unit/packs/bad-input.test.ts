import { describe, expect, it } from 'vitest';
import { PackFormatError } from '../../../lib/packs/bytes';
import { decodePack, encodePack } from '../../../lib/packs/pack';
import { INDEX_VERSION } from '../../../lib/core/tuning';
import { PackBodyWriter } from '../../../lib/packs/writer';
import { bodyOffset, entries, forged, META, pack, withHeader } from './helpers';

const good = pack(0, 40);

async function rejected(bytes: Uint8Array): Promise<string> {
  try {
    await decodePack(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(PackFormatError);
    return (error as Error).message;
  }
  throw new Error('the pack was accepted');
}

describe('bad packs are rejected whole, with a message naming the problem', () => {
  it('accepts the good pack (the checks below are not always failing)', async () => {
    expect((await decodePack(good)).entries).toHaveLength(40);
    expect((await decodePack(forged(entries(0, 3)))).entries).toHaveLength(3);
  });

  it('truncated anywhere', async () => {
    for (const length of [0, 5, 20, bodyOffset(good) + 3, Math.floor(good.length / 2), good.length - 1]) {
      expect(await rejected(good.subarray(0, length))).toMatch(/truncated|shorter|checksum|entries/);
    }
  });

  it('not a pack at all', async () => {
    expect(await rejected(new TextEncoder().encode('{"id":"a","text":"an NDJSON file"}\n'))).toMatch(/not a pack file/);
  });

  it('a flipped byte in the body', async () => {
    const bad = good.slice();
    bad[bad.length - 40] ^= 0x10;
    expect(await rejected(bad)).toMatch(/corrupt|checksum|decompress/);
  });

  it('wrong checksum in the header', async () => {
    expect(await rejected(withHeader(good, (h) => (h.checksum = 'crc32:00000000')))).toMatch(/wrong checksum/);
  });

  it('absurd or wrong counts', async () => {
    expect(await rejected(withHeader(good, (h) => (h.articles = 5_000_000_000)))).toMatch(/"articles" is 5000000000, more than the limit/);
    expect(await rejected(withHeader(good, (h) => (h.articles = 39)))).toMatch(/more entries than its header says/);
    expect(await rejected(withHeader(good, (h) => (h.articles = 41)))).toMatch(/holds 40 entries, its header says 41/);
    expect(await rejected(withHeader(good, (h) => (h.bodyBytes = 12)))).toMatch(/body is \d+ bytes, its header says 12/);
  });

  it('unknown format version, other fingerprint version, missing fields', async () => {
    expect(await rejected(withHeader(good, (h) => (h.formatVersion = 2)))).toMatch(/format version 2 is not supported/);
    expect(await rejected(withHeader(good, (h) => ((h.fingerprint as Record<string, number>).indexVersion = INDEX_VERSION + 1)))).toMatch(/fingerprint version .* rebuild the pack/);
    expect(await rejected(withHeader(good, (h) => delete h.name))).toMatch(/"name" is missing/);
    expect(await rejected(withHeader(good, (h) => delete h.format))).toMatch(/^the pack header is damaged or the file is not a pack: it does not name its format/);
    expect(await rejected(withHeader(good, (h) => delete h.formatVersion))).toMatch(/^the pack header is damaged: it does not say which format version/);
    expect(await rejected(withHeader(good, (h) => (h.name = 'x'.repeat(5000))))).toMatch(/"name" is too long/);
  });

  it('non-http URLs, huge fields, keys out of order or range, entries out of order', async () => {
    const [one, two] = entries(0, 2);
    expect(await rejected(forged([{ ...one, url: 'javascript:alert(1)' }]))).toMatch(/must be an http or https address/);
    expect(await rejected(forged([{ ...one, title: 'x'.repeat(10_000) }]))).toMatch(/too long/);
    expect(await rejected(forged([{ ...one, publishedAt: 'yesterday-ish' }]))).toMatch(/not a date/);
    expect(await rejected(forged([{ ...one, exact: [...one.exact.slice(0, -1), 2 ** 24 + 5] }]))).toMatch(/out of range/);
    expect(await rejected(forged([two, one]))).toMatch(/out of order/);
    expect(await rejected(forged([one, one]))).toMatch(/out of order or repeated/);
    expect(await rejected(forged([{ ...one, exact: [...one.exact, ...one.exact.map((k) => k + 1)].sort((a, b) => a - b).filter((k, i, all) => all.indexOf(k) === i), exactAt: [] }]))).toMatch(/limit|truncated|range/);
  });

  it('the writer refuses what the reader would reject', () => {
    const body = new PackBodyWriter(() => undefined);
    const [one, two] = entries(0, 2);
    expect(() => body.put({ ...one, url: 'file:///etc/passwd' })).toThrow(/http or https/);
    body.put(two);
    expect(() => body.put(one)).toThrow(/increasing id order/);
  });

  it('a damaged header (bytes changed inside its JSON) says so in plain words', async () => {
    const at = Buffer.from(good).indexOf('"format"');
    const damaged = (byte: number) => Uint8Array.from(good, (value, i) => (i === at ? byte : value));
    expect(await rejected(damaged(0xff))).toBe('the pack header is damaged: it is not valid UTF-8 text');
    expect(await rejected(damaged(0x3b))).toMatch(/^the pack header is damaged: it is not valid JSON \(/);
  });

  it('an update header without its update fields', async () => {
    expect(await rejected(withHeader(encodePack(META, []), (h) => Object.assign(h, { kind: 'update' })))).toMatch(/"removed" is not a count/);
    expect(await rejected(withHeader(encodePack(META, []), (h) => Object.assign(h, { kind: 'patch' })))).toMatch(/does not say it is a pack or an update \(its "kind" is "patch"\)/);
  });
});

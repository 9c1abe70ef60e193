/** Shared material of the pack tests: a generated corpus, packs in memory, header surgery. */
import { libraryArticle } from '../../bench/engine-corpus';
import { deflateSync } from 'fflate';
import { ByteReader, ByteWriter, crc32 } from '../../../lib/packs/bytes';
import { encodeHeader } from '../../../lib/packs/header';
import { writeEntry } from '../../../lib/packs/record';
import { packEntryOf, type PackEntry } from '../../../lib/packs/entry';
import { PACK_MAGIC } from '../../../lib/packs/header';
import { concat, encodePack, packHeader, type PackMeta } from '../../../lib/packs/pack';

export const META: PackMeta = { name: 'Test desk', description: 'Generated articles', createdAt: '2026-11-30T00:00:00Z' };

/** Library-format articles `from`..`to` (exclusive) of the engine benchmark's generated corpus. */
export function articles(from: number, to: number): Array<{ id: string; title: string; url: string; publishedAt: string; text: string }> {
  return Array.from({ length: to - from }, (_, k) => {
    const i = from + k;
    return { id: `art-${String(i).padStart(5, '0')}`, title: `Story number ${i}`, url: `https://example.org/news/${i}`, publishedAt: '2026-11-01T10:00:00Z', text: libraryArticle(i) };
  });
}

export function entries(from: number, to: number): PackEntry[] {
  return articles(from, to).map((article) => packEntryOf(article));
}

export function pack(from: number, to: number): Uint8Array {
  return encodePack(META, entries(from, to));
}

/** The pack with its header JSON object changed by `change` (body untouched). */
export function withHeader(bytes: Uint8Array, change: (header: Record<string, unknown>) => void): Uint8Array {
  const input = new ByteReader(bytes, 'test');
  input.offset = PACK_MAGIC.length;
  const length = input.varint(1 << 20, 'length');
  const header = JSON.parse(new TextDecoder().decode(input.bytes(length))) as Record<string, unknown>;
  change(header);
  const out = new ByteWriter();
  out.bytes(PACK_MAGIC);
  const json = new TextEncoder().encode(JSON.stringify(header));
  out.varint(json.length);
  out.bytes(json);
  out.bytes(bytes.subarray(input.offset));
  return out.toBytes();
}

/** Offset of the body (after magic and header). */
export function bodyOffset(bytes: Uint8Array): number {
  const input = new ByteReader(bytes, 'test');
  input.offset = PACK_MAGIC.length;
  const length = input.varint(1 << 20, 'length');
  return input.offset + length;
}

/** A one-block pack with entries written as given, bypassing the writer's checks (what a hostile builder could do). */
export function forged(list: PackEntry[]): Uint8Array {
  const raw = new ByteWriter();
  for (const entry of list) writeEntry(raw, entry);
  const block = raw.toBytes();
  const compressed = deflateSync(block);
  const body = new ByteWriter();
  body.varint(list.length);
  body.varint(block.length);
  body.varint(compressed.length);
  body.bytes(compressed);
  body.varint(0);
  const bytes = body.toBytes();
  return concat([encodeHeader(packHeader(META, { articles: list.length, removed: 0, bodyBytes: bytes.length, crc: crc32(bytes) })), bytes]);
}


/** A spun copy of `text`: every fourth word of five letters or more reworded (reversed), names, numbers and short words kept. */
export function spunCopy(text: string): string {
  let n = 0;
  return text.replace(/\b[a-z]{5,}\b/g, (word) => (++n % 4 === 0 ? [...word].reverse().join('') : word));
}

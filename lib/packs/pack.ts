/**
 * Whole packs in memory (tests, benchmarks, small packs) and the header a body gets. The CLI
 * streams instead (lib/cli/pack-*.ts), with the same writer and reader.
 */
import { PackFormatError } from './bytes';
import { packFingerprintParameters, type PackEntry } from './entry';
import { checksumLabel, encodeHeader, PACK_FORMAT, PACK_FORMAT_VERSION, type PackHeader } from './header';
import { openPack } from './reader';
import { PackBodyWriter, type BodySummary } from './writer';

/** What the publisher says about a pack. `createdAt`: ISO 8601. */
export interface PackMeta {
  name: string;
  description: string;
  createdAt: string;
}

/** The header of a full pack whose body `summary` describes. */
export function packHeader(meta: PackMeta, summary: BodySummary): PackHeader {
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    kind: 'pack',
    fingerprint: packFingerprintParameters(),
    name: meta.name,
    description: meta.description,
    createdAt: meta.createdAt,
    articles: summary.articles,
    bodyBytes: summary.bodyBytes,
    checksum: checksumLabel(summary.crc),
  };
}

/** JavaScript string order, the order of entries in a pack. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Encodes entries as one pack. Entries are sorted by id; of two with the same id the later one
 * is kept (as when a later NDJSON line repeats an id).
 */
export function encodePack(meta: PackMeta, entries: readonly PackEntry[]): Uint8Array {
  const byId = new Map<string, PackEntry>();
  for (const entry of entries) byId.set(entry.id, entry);
  const chunks: Uint8Array[] = [];
  const writer = new PackBodyWriter((chunk) => chunks.push(chunk));
  for (const id of [...byId.keys()].sort(compareIds)) writer.put(byId.get(id)!);
  const summary = writer.finish();
  return concat([encodeHeader(packHeader(meta, summary)), ...chunks]);
}

/** Decodes a whole pack (throws PackFormatError on any defect). */
export async function decodePack(bytes: Uint8Array): Promise<{ header: PackHeader; entries: PackEntry[] }> {
  const { header, records } = await openPack([bytes]);
  if (header.kind !== 'pack') throw new PackFormatError('this is a pack update, not a pack: apply it to its pack');
  const entries: PackEntry[] = [];
  for await (const record of records) if (record.op === 'put') entries.push(record.entry);
  return { header, entries };
}

export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

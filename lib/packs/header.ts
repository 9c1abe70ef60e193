/**
 * The pack header: a magic number, then a JSON object (self-describing, readable by `inspect`
 * without decoding the body). It names the format version, the engine's INDEX_VERSION and
 * fingerprint parameters, the publisher, the creation date, the article count and the body's
 * length and CRC-32. Reading checks every field's type and range.
 */
import { ByteWriter, PackFormatError } from './bytes';
import { packFingerprintParameters, type PackFingerprintParameters } from './entry';

/** "\x89RNPACK\n": a non-ASCII first byte and a line end, so text-mode mangling shows (as in PNG). */
export const PACK_MAGIC = Uint8Array.from([0x89, 0x52, 0x4e, 0x50, 0x41, 0x43, 0x4b, 0x0a]);
export const PACK_FORMAT = 'recycled-news-pack';
/** Bump when the byte layout changes; readers reject other versions. */
export const PACK_FORMAT_VERSION = 1;
export const MAX_HEADER_BYTES = 65_536;
/** More articles than this in one pack is taken as a corrupt or hostile count. */
export const MAX_PACK_ARTICLES = 1_000_000_000;
export const MAX_NAME_CHARS = 200;
export const MAX_DESCRIPTION_CHARS = 2_000;

/** A full pack, or an update turning the pack with checksum `base` into the one with checksum `checksum`. */
export type PackKind = 'pack' | 'update';

export interface PackHeader {
  format: typeof PACK_FORMAT;
  formatVersion: number;
  kind: PackKind;
  fingerprint: PackFingerprintParameters;
  /** Publisher's name for the pack (shown beside its matches). */
  name: string;
  description: string;
  /** ISO 8601. */
  createdAt: string;
  /** Entries in the body (for an update: entries added or replaced). */
  articles: number;
  /** An update only: ids removed. */
  removed?: number;
  /** An update only: the CRC-32 and article count of the pack it applies to. */
  base?: { checksum: string; articles: number };
  /** An update only: the article count of the pack it produces (whose CRC-32 is `checksum`). */
  targetArticles?: number;
  /** Bytes of the body after the header. */
  bodyBytes: number;
  /** "crc32:" + 8 hex digits: of the body (for an update: of the resulting pack's body). */
  checksum: string;
  /** An update only: CRC-32 of its own body. */
  updateChecksum?: string;
}

/** Magic, header length (varint), header JSON (keys in a fixed order, so equal headers give equal bytes). */
export function encodeHeader(header: PackHeader): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new ByteWriter();
  out.bytes(PACK_MAGIC);
  out.varint(json.length);
  out.bytes(json);
  return out.toBytes();
}

export function checksumLabel(crc: number): string {
  return `crc32:${crc.toString(16).padStart(8, '0')}`;
}

/** Throws unless `bytes` (the first PACK_MAGIC.length bytes of a file) is the pack signature. */
export function checkMagic(bytes: Uint8Array): void {
  if (bytes.length < PACK_MAGIC.length) throw new PackFormatError('the pack is truncated (it is shorter than its signature)');
  for (let i = 0; i < PACK_MAGIC.length; i++) {
    if (bytes[i] !== PACK_MAGIC[i]) throw new PackFormatError('not a pack file (it does not start with the pack signature)');
  }
}

/**
 * Parses and checks the header JSON. `checkEngine`: also require the engine's own fingerprint
 * parameters (what matching needs; `inspect` shows any readable header).
 */
export function parseHeaderJson(json: Uint8Array, checkEngine: boolean): PackHeader {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch {
    throw new PackFormatError('the pack header is damaged: it is not valid UTF-8 text');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PackFormatError(`the pack header is damaged: it is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return validateHeader(value, checkEngine);
}

function validateHeader(value: unknown, checkEngine: boolean): PackHeader {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new PackFormatError('the pack header is not a JSON object');
  const record = value as Record<string, unknown>;
  if (record.format !== PACK_FORMAT) {
    throw new PackFormatError(
      record.format === undefined
        ? `the pack header is damaged or the file is not a pack: it does not name its format ("${PACK_FORMAT}")`
        : `not a pack file (format is ${JSON.stringify(record.format)}, expected "${PACK_FORMAT}")`,
    );
  }
  if (record.formatVersion === undefined) throw new PackFormatError('the pack header is damaged: it does not say which format version the pack is');
  if (record.formatVersion !== PACK_FORMAT_VERSION) {
    throw new PackFormatError(`pack format version ${JSON.stringify(record.formatVersion)} is not supported (this program reads version ${PACK_FORMAT_VERSION})`);
  }
  const kind = record.kind;
  if (kind !== 'pack' && kind !== 'update') throw new PackFormatError(`the pack header does not say it is a pack or an update (its "kind" is ${JSON.stringify(kind) ?? 'missing'}): the file is damaged or was not made by this program`);
  const header: PackHeader = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    kind,
    fingerprint: fingerprintOf(record.fingerprint, checkEngine),
    name: text(record, 'name', MAX_NAME_CHARS, false),
    description: text(record, 'description', MAX_DESCRIPTION_CHARS, true),
    createdAt: text(record, 'createdAt', 40, false),
    articles: count(record, 'articles', MAX_PACK_ARTICLES),
    bodyBytes: count(record, 'bodyBytes', Number.MAX_SAFE_INTEGER),
    checksum: checksumOf(record, 'checksum'),
  };
  if (Number.isNaN(Date.parse(header.createdAt))) throw new PackFormatError('the pack header: "createdAt" is not a date');
  if (kind === 'update') {
    header.removed = count(record, 'removed', MAX_PACK_ARTICLES);
    const base = record.base as Record<string, unknown> | undefined;
    if (typeof base !== 'object' || base === null) throw new PackFormatError('the update header has no "base"');
    header.base = { checksum: checksumOf(base, 'checksum'), articles: count(base, 'articles', MAX_PACK_ARTICLES) };
    header.targetArticles = count(record, 'targetArticles', MAX_PACK_ARTICLES);
    header.updateChecksum = checksumOf(record, 'updateChecksum');
  }
  return header;
}

function text(record: Record<string, unknown>, field: string, max: number, mayBeEmpty: boolean): string {
  const value = record[field];
  if (typeof value !== 'string' || (!mayBeEmpty && value.trim().length === 0)) throw new PackFormatError(`the pack header: "${field}" is missing or not a string`);
  if (value.length > max) throw new PackFormatError(`the pack header: "${field}" is too long (at most ${max} characters)`);
  return value;
}

function count(record: Record<string, unknown>, field: string, max: number): number {
  const value = record[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new PackFormatError(`the pack header: "${field}" is not a count`);
  if (value > max) throw new PackFormatError(`the pack header: "${field}" is ${value}, more than the limit of ${max}`);
  return value;
}

function checksumOf(record: Record<string, unknown>, field: string): string {
  const value = record[field];
  if (typeof value !== 'string' || !/^crc32:[0-9a-f]{8}$/.test(value)) throw new PackFormatError(`the pack header: "${field}" is not a checksum like "crc32:0123abcd"`);
  return value;
}

function fingerprintOf(value: unknown, checkEngine: boolean): PackFingerprintParameters {
  if (typeof value !== 'object' || value === null) throw new PackFormatError('the pack header has no "fingerprint" parameters');
  const record = value as Record<string, unknown>;
  const ours = packFingerprintParameters();
  const out = {} as Record<keyof PackFingerprintParameters, number>;
  for (const field of Object.keys(ours) as Array<keyof PackFingerprintParameters>) {
    out[field] = count(record, field, 1 << 30);
    if (checkEngine && out[field] !== ours[field]) {
      throw new PackFormatError(
        field === 'indexVersion'
          ? `the pack was built with fingerprint version ${out[field]}, this engine uses version ${ours.indexVersion}: rebuild the pack with this version`
          : `the pack's fingerprint parameter "${field}" is ${out[field]}, this engine uses ${ours[field]}: rebuild the pack`,
      );
    }
  }
  if (out.keyBits < 1 || out.keyBits > 32 || out.positionSteps < 1 || out.positionSteps > 256) throw new PackFormatError('the pack header: fingerprint parameters out of range');
  return out;
}

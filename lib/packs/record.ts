/**
 * One entry's bytes inside a pack block (see README "Fingerprint packs"): id, title, URL,
 * date as length-prefixed UTF-8; token count and family totals as varints; each key family
 * ascending and delta-coded as varints; one position byte per exact key. Decoding checks
 * everything: a key out of range, keys out of order, a URL that is not http(s), a field too
 * long, counts beyond what the header's parameters allow.
 */
import { MAX_LIBRARY_FIELD_CHARS } from '../library/format';
import { ByteReader, ByteWriter, PackFormatError } from './bytes';
import type { PackEntry, PackFingerprintParameters } from './entry';

/** Longest article, in tokens, a pack may describe (a 100 MB text is not an article). */
export const MAX_ARTICLE_TOKENS = 50_000_000;

/** Why `entry` cannot go into a pack, or undefined when it can. Builder and reader use the same rules. */
export function entryProblem(entry: Pick<PackEntry, 'id' | 'title' | 'url' | 'publishedAt'>): string | undefined {
  if (entry.id.length === 0) return 'the id is empty';
  for (const field of ['id', 'title', 'url', 'publishedAt'] as const) {
    const value = entry[field];
    if (value !== undefined && value.length > MAX_LIBRARY_FIELD_CHARS) return `"${field}" is too long (at most ${MAX_LIBRARY_FIELD_CHARS} characters)`;
  }
  if (entry.url !== undefined) {
    let protocol: string;
    try {
      protocol = new URL(entry.url).protocol;
    } catch {
      return `"url" is not a valid address: ${JSON.stringify(entry.url.slice(0, 80))}`;
    }
    if (protocol !== 'http:' && protocol !== 'https:') return `"url" must be an http or https address, not ${protocol}`;
  }
  if (entry.publishedAt !== undefined && Number.isNaN(Date.parse(entry.publishedAt))) {
    return `"publishedAt" is not a date: ${JSON.stringify(entry.publishedAt.slice(0, 40))}`;
  }
  return undefined;
}

/** Appends `entry` to `out`. The entry must be valid (entryProblem) and built with the same parameters. */
export function writeEntry(out: ByteWriter, entry: PackEntry): void {
  out.string(entry.id);
  out.string(entry.title);
  out.string(entry.url);
  out.string(entry.publishedAt);
  out.varint(entry.tokens);
  out.varint(entry.exactTotal);
  out.varint(entry.robustTotal);
  writeKeys(out, entry.exact);
  for (const at of entry.exactAt) out.byte(at);
  writeKeys(out, entry.robust);
}

function writeKeys(out: ByteWriter, keys: readonly number[]): void {
  out.varint(keys.length);
  let previous = -1;
  for (const key of keys) {
    // Strictly ascending: the first delta is key + 1, so zero never appears and order is checkable.
    out.varint(key - previous - 1);
    previous = key;
  }
}

/** Reads one entry; `where` names it in messages ("block 3, entry 17"). */
export function readEntry(input: ByteReader, parameters: PackFingerprintParameters, where: string): PackEntry {
  const id = input.string(MAX_LIBRARY_FIELD_CHARS, `the id of ${where}`);
  if (id === undefined) throw new PackFormatError(`${where} has an empty id`);
  const label = `entry "${id.slice(0, 80)}"`;
  const title = input.string(MAX_LIBRARY_FIELD_CHARS, `the title of ${label}`);
  const url = input.string(MAX_LIBRARY_FIELD_CHARS, `the URL of ${label}`);
  const publishedAt = input.string(MAX_LIBRARY_FIELD_CHARS, `the date of ${label}`);
  const tokens = input.varint(MAX_ARTICLE_TOKENS, `the token count of ${label}`);
  const exactTotal = input.varint(tokens, `the exact fingerprint count of ${label}`);
  const robustTotal = input.varint(tokens, `the robust fingerprint count of ${label}`);
  const exact = readKeys(input, Math.min(parameters.exactSample, exactTotal), parameters.keyBits, `exact fingerprints of ${label}`);
  const exactAt: number[] = [];
  for (let i = 0; i < exact.length; i++) {
    const at = input.byte();
    if (at >= parameters.positionSteps) throw new PackFormatError(`${label}: a fingerprint position is out of range`);
    exactAt.push(at);
  }
  const robust = readKeys(input, Math.min(parameters.robustSample, robustTotal), parameters.keyBits, `robust fingerprints of ${label}`);
  const entry: PackEntry = { id, tokens, exactTotal, robustTotal, exact, exactAt, robust };
  if (title !== undefined) entry.title = title;
  if (url !== undefined) entry.url = url;
  if (publishedAt !== undefined) entry.publishedAt = publishedAt;
  const problem = entryProblem(entry);
  if (problem) throw new PackFormatError(`${label}: ${problem}`);
  return entry;
}

function readKeys(input: ByteReader, maxCount: number, keyBits: number, what: string): number[] {
  const count = input.varint(maxCount, `the number of ${what}`);
  const limit = 2 ** keyBits;
  const keys: number[] = [];
  let previous = -1;
  for (let i = 0; i < count; i++) {
    const key = previous + 1 + input.varint(limit, `a key of the ${what}`);
    if (key >= limit) throw new PackFormatError(`${what}: a key is out of range`);
    keys.push(key);
    previous = key;
  }
  return keys;
}

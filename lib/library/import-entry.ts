/**
 * One article of an import, as the options page sends it to the background, and how it
 * becomes a library entry. The library format's fields are validated by the shared parser
 * (format.ts); an export also carries `source`, `origin` and `addedAt` so that importing it
 * gives back exactly the same library, and those extras are validated here.
 */
import type { Fingerprint } from '../core/fingerprint';
import { INDEX_VERSION } from '../core/tuning';
import { checkLibraryFields, checkLibraryObject, LibraryFormatError, MAX_LIBRARY_LINE_CHARS, parseLibraryLine, type LineLocation } from './format';
import { ORIGINS } from './records';
import { base64ToBytes, bytesToBase64 } from './base64';
import { DEFLATE_FROM_CHARS } from './text-codec';
import type { EntryOrigin, LibraryEntry, LibraryLine } from './types';

/** The fields beyond the library format that an export writes and an import honours. */
export interface EntryExtras {
  source?: string;
  origin?: EntryOrigin;
  addedAt?: string;
}

export interface ImportArticle {
  /** 1-based line of the file the article came from, for error messages. */
  line: number;
  /** In a JSON array: the 1-based column where the element starts, and its 1-based position. */
  column?: number;
  element?: number;
  article: LibraryLine & EntryExtras;
}

/** An article's fields as they cross messaging for import: a title always (the page gives a
 *  headline-less article its first words, untitledTitle), the text only when it is too short
 *  to be deflated. */
export type PreparedFields = Omit<LibraryLine, 'text' | 'title'> & EntryExtras & { title: string; text?: string };

/**
 * An article of an import as the options page sends it (JSON through extension messaging),
 * with the work that depends on its text done there (its own threads, so the background only
 * checks and writes): `size` is the text's length in characters, `textHash` the SHA-256 of the
 * normalized text (records.ts textHash), `fingerprint` the engine's (fingerprintText) with its
 * hashes in base64 (hashesToMessage), and `packed` the text as the library keeps it
 * (text-codec.ts packForMessage: deflated, in base64). A text too short to be deflated comes
 * plain, as `article.text`, instead. The text crosses once and the hashes as one string:
 * sending the text twice and the hashes as JSON numbers made messaging a fifth of an import's
 * processor time (README, "Processor time per article, and the import made lighter").
 */
export interface PreparedImportArticle extends Omit<ImportArticle, 'article'> {
  article: PreparedFields;
  size: number;
  textHash: string;
  fingerprint: { v: number; hashes: string };
  packed?: string;
}

/** A prepared article the background checked: its fingerprint decoded, and its text as the
 *  library will keep it (deflated bytes, or plain when short). */
export interface CheckedImportArticle extends Omit<ImportArticle, 'article'> {
  article: Omit<PreparedFields, 'text'>;
  size: number;
  textHash: string;
  fingerprint: Fingerprint;
  body: { text: string } | { deflated: Uint8Array };
}

const MAX_SOURCE_CHARS = 4_096;
/** More hashes than any text within the line limit can select (about one per 2-3 words). */
const MAX_FINGERPRINT_HASHES = 1_000_000;
/** What a headline-less article is titled with: its first words. */
const UNTITLED_TITLE_CHARS = 80;

/** Reads the export's extra fields from a parsed JSON object; absent or null means "not given". */
export function readEntryExtras(value: Record<string, unknown>, where: LineLocation): EntryExtras {
  const extras: EntryExtras = {};
  const own = (key: string) => (Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined);
  const source = own('source');
  if (source !== undefined && source !== null) {
    if (typeof source !== 'string' || source.length > MAX_SOURCE_CHARS) {
      throw new LibraryFormatError(where, `"source" must be a string of at most ${MAX_SOURCE_CHARS} characters`);
    }
    if (source.trim()) extras.source = source;
  }
  const origin = own('origin');
  if (origin !== undefined && origin !== null) {
    if (!ORIGINS.includes(origin as EntryOrigin)) {
      throw new LibraryFormatError(where, `"origin" must be one of ${ORIGINS.join(', ')}`);
    }
    extras.origin = origin as EntryOrigin;
  }
  const addedAt = own('addedAt');
  if (addedAt !== undefined && addedAt !== null) {
    if (typeof addedAt !== 'string' || Number.isNaN(Date.parse(addedAt))) {
      throw new LibraryFormatError(where, '"addedAt" must be an ISO 8601 date');
    }
    extras.addedAt = addedAt;
  }
  return extras;
}

/** Parses one NDJSON line with its extras. */
export function parseImportLine(line: string, where: LineLocation): ImportArticle {
  const article = parseLibraryLine(line, where);
  // The shared parser keeps only the format's own fields; a second parse reads the extras,
  // and only for lines that can hold them (an export's), so plain library files parse once.
  const extras = /"(source|origin|addedAt)"\s*:/.test(line)
    ? readEntryExtras(JSON.parse(line.replace(/^\uFEFF/, '')) as Record<string, unknown>, where)
    : {};
  return { ...position(where), article: { ...article, ...extras } };
}

function position({ line, column, element }: LineLocation): Omit<ImportArticle, 'article'> {
  return { line, ...(column ? { column } : {}), ...(element ? { element } : {}) };
}

const positiveInteger = (value: unknown) => (Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : undefined);

/**
 * Re-checks a prepared article that crossed the message boundary (the background trusts no
 * payload): its fields as the library format's parser checks them, a title, and the shape of
 * what the page computed: a text length within the line limit; a 64-digit hex hash; a
 * fingerprint of this engine's INDEX_VERSION whose hashes are ascending unsigned 32-bit
 * integers; for a text long enough to be deflated, base64 no longer than the text could
 * deflate to, else the plain text of that length. Like the hash and the fingerprint, the
 * packed text is taken as the page computed it (only extension pages send imports): inflating
 * it again would cost the background what deflating did. Throws a LibraryFormatError naming
 * the article's place in its file.
 */
export function revalidatePreparedArticle(input: PreparedImportArticle, file: string): CheckedImportArticle {
  const where: LineLocation = {
    file,
    line: positiveInteger(input?.line) ?? 0,
    column: positiveInteger(input?.column),
    element: positiveInteger(input?.element),
  };
  const raw = (typeof input?.article === 'object' && input.article !== null ? input.article : {}) as Record<string, unknown>;
  const fields = checkLibraryFields(pickLineFields(raw), where);
  const { title } = fields;
  if (title === undefined) throw new LibraryFormatError(where, 'the title is missing (reload the page)');
  const article = { ...fields, title, ...readEntryExtras(raw, where) };
  const { size, textHash, fingerprint, packed } = input ?? {};
  if (!Number.isSafeInteger(size) || size < 1) throw new LibraryFormatError(where, 'the text length is not a count of characters (reload the page)');
  // The line limit a file's line is held to bounds the text that crossed.
  if (size > MAX_LIBRARY_LINE_CHARS) throw new LibraryFormatError(where, `the text is too long (at most ${MAX_LIBRARY_LINE_CHARS} characters)`);
  if (typeof textHash !== 'string' || !/^[0-9a-f]{64}$/.test(textHash)) throw new LibraryFormatError(where, 'the text hash is not a SHA-256 digest');
  if (fingerprint?.v !== INDEX_VERSION) throw new LibraryFormatError(where, 'the fingerprint is from another version of the extension (reload the page)');
  const hashes = hashesFromMessage(fingerprint.hashes);
  if (!hashes) throw new LibraryFormatError(where, 'the fingerprint is not a list of ascending hashes');
  const checked = { ...position(where), article, size, textHash, fingerprint: { v: INDEX_VERSION, hashes } };
  if (size < DEFLATE_FROM_CHARS) {
    const { text } = checkLibraryObject({ id: article.id, text: raw.text }, where);
    if (text.length !== size) throw new LibraryFormatError(where, 'the text is not as long as its length says (reload the page)');
    return { ...checked, body: { text } };
  }
  // Deflate never grows UTF-8 (at most 3 bytes a character) by more than a few bytes per 64 KB block.
  if (typeof packed !== 'string' || packed.length === 0 || packed.length > 4 * size + 1_024) {
    throw new LibraryFormatError(where, 'the packed text is missing or too long (reload the page)');
  }
  try {
    return { ...checked, body: { deflated: base64ToBytes(packed) } };
  } catch {
    throw new LibraryFormatError(where, 'the packed text is not base64');
  }
}

/**
 * A fingerprint's hashes as they cross messaging: the bytes of a Uint32Array of them, in
 * base64. The byte order is the platform's: the options page and the background run in the
 * same browser.
 */
export function hashesToMessage(hashes: readonly number[]): string {
  return bytesToBase64(new Uint8Array(Uint32Array.from(hashes).buffer));
}

/** The hashes of a hashesToMessage string; undefined for anything else, for hashes that are
 *  not ascending and unique, or for more than MAX_FINGERPRINT_HASHES. */
export function hashesFromMessage(value: unknown): number[] | undefined {
  // Base64 takes 4 characters for every 3 bytes, 4 bytes a hash.
  if (typeof value !== 'string' || value.length > 4 * Math.ceil((MAX_FINGERPRINT_HASHES * 4) / 3)) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(value);
  } catch {
    return undefined;
  }
  if (bytes.length % 4 !== 0) return undefined;
  // 32-bit words must start at a multiple of 4 bytes: the decoders return a fresh buffer, but copy if not.
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4) : new Uint32Array(bytes.slice().buffer);
  for (let i = 1; i < words.length; i++) if (words[i] <= words[i - 1]) return undefined;
  return Array.from(words);
}

function pickLineFields(raw: Record<string, unknown>): Record<string, unknown> {
  const { id, text, title, url, publishedAt } = raw;
  return { id, text, title, url, publishedAt };
}

/** The library entry an imported article becomes, but for its text. */
export function importedMeta(article: CheckedImportArticle['article'], file: string, now: string): Omit<LibraryEntry, 'text'> {
  const entry: Omit<LibraryEntry, 'text'> = {
    id: article.id,
    title: article.title,
    source: article.source ?? hostOf(article.url) ?? file,
    addedAt: article.addedAt ?? now,
    origin: article.origin ?? 'imported',
  };
  if (article.url) entry.url = article.url;
  if (article.publishedAt) entry.publishedAt = article.publishedAt;
  return entry;
}

/** The line an entry is exported as: the library format plus its extras, text last so a
 *  person skimming the file sees the labels first. Undefined fields are left out. */
export function exportLine(entry: LibraryEntry): string {
  const { id, title, url, publishedAt, source, origin, addedAt, text } = entry;
  return JSON.stringify({ id, title, url, publishedAt, source, origin, addedAt, text });
}

/** What a headline-less article is titled with: its first words (at most UNTITLED_TITLE_CHARS
 *  characters, then an ellipsis). */
export function untitledTitle(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= UNTITLED_TITLE_CHARS) return flat;
  const cut = flat.slice(0, UNTITLED_TITLE_CHARS);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const host = new URL(url).hostname;
    // Placeholder addresses (the reserved .invalid domain) name no real source.
    return host && !host.endsWith('.invalid') ? host.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}

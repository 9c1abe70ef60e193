/**
 * One article of an import, as the options page sends it to the background, and how it
 * becomes a library entry. The library format's fields are validated by the shared parser
 * (format.ts); an export also carries `source`, `origin` and `addedAt` so that importing it
 * gives back exactly the same library, and those extras are validated here.
 */
import type { Fingerprint } from '../core/fingerprint';
import { INDEX_VERSION } from '../core/tuning';
import { checkLibraryObject, LibraryFormatError, MAX_LIBRARY_LINE_CHARS, parseLibraryLine, type LineLocation } from './format';
import { ORIGINS } from './records';
import { DEFLATE_FROM_CHARS, deflatedFromMessage } from './text-codec';
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

/**
 * An article with the work that depends on its text alone already done by the options page
 * (its own thread, so the background only checks and writes): `textHash` is the SHA-256 of
 * the normalized text (records.ts textHash), `fingerprint` the engine's (fingerprintText),
 * `packed` the text as the `texts` store keeps it (text-codec.ts packForMessage: deflated, in
 * base64; absent for a text short enough to be kept plain).
 */
export interface PreparedImportArticle extends ImportArticle {
  textHash: string;
  fingerprint: Fingerprint;
  packed?: string;
}

/** A prepared article the background checked: its packed text decoded to the bytes to store. */
export interface CheckedImportArticle extends ImportArticle {
  textHash: string;
  fingerprint: Fingerprint;
  deflated?: Uint8Array;
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

/** Re-checks an article that crossed the message boundary: the background trusts no payload. */
export function revalidateImportArticle(input: ImportArticle, file: string): ImportArticle {
  const where: LineLocation = {
    file,
    line: positiveInteger(input?.line) ?? 0,
    column: positiveInteger(input?.column),
    element: positiveInteger(input?.element),
  };
  const raw = (typeof input?.article === 'object' && input.article !== null ? input.article : {}) as Record<string, unknown>;
  const article = checkLibraryObject(pickLineFields(raw), where);
  // The line limit a file's line is held to bounds the text that crossed as a field.
  if (article.text.length > MAX_LIBRARY_LINE_CHARS) throw new LibraryFormatError(where, `the text is too long (at most ${MAX_LIBRARY_LINE_CHARS} characters)`);
  return { ...position(where), article: { ...article, ...readEntryExtras(raw, where) } };
}

/**
 * Re-checks a prepared article: its fields as `revalidateImportArticle` does, and the shape of
 * what the page computed (a 64-digit hex hash; a fingerprint of this engine's INDEX_VERSION
 * whose hashes are ascending unsigned 32-bit integers; for a text long enough to be deflated,
 * base64 no longer than the text could deflate to). Like the hash and the fingerprint, the
 * packed text is taken as the page computed it (only extension pages send imports): inflating
 * it again would cost the background what deflating did. Throws a LibraryFormatError naming
 * the article's place in its file.
 */
export function revalidatePreparedArticle(input: PreparedImportArticle, file: string): CheckedImportArticle {
  const checked = revalidateImportArticle(input, file);
  const where: LineLocation = { file, ...checked };
  const { textHash, fingerprint, packed } = input ?? {};
  if (typeof textHash !== 'string' || !/^[0-9a-f]{64}$/.test(textHash)) throw new LibraryFormatError(where, 'the text hash is not a SHA-256 digest');
  if (fingerprint?.v !== INDEX_VERSION) throw new LibraryFormatError(where, 'the fingerprint is from another version of the extension (reload the page)');
  if (!isHashList(fingerprint.hashes)) throw new LibraryFormatError(where, 'the fingerprint is not a list of ascending hashes');
  const result: CheckedImportArticle = { ...checked, textHash, fingerprint: { v: INDEX_VERSION, hashes: fingerprint.hashes } };
  if (checked.article.text.length < DEFLATE_FROM_CHARS) return result;
  // Deflate never grows UTF-8 (at most 3 bytes a character) by more than a few bytes per 64 KB block.
  if (typeof packed !== 'string' || packed.length === 0 || packed.length > 4 * checked.article.text.length + 1_024) {
    throw new LibraryFormatError(where, 'the packed text is missing or too long (reload the page)');
  }
  try {
    result.deflated = deflatedFromMessage(packed);
  } catch {
    throw new LibraryFormatError(where, 'the packed text is not base64');
  }
  return result;
}

function isHashList(hashes: unknown): hashes is number[] {
  if (!Array.isArray(hashes) || hashes.length > MAX_FINGERPRINT_HASHES) return false;
  let previous = -1;
  for (const hash of hashes) {
    if (!Number.isInteger(hash) || hash <= previous || hash > 0xffffffff) return false;
    previous = hash;
  }
  return true;
}

function pickLineFields(raw: Record<string, unknown>): Record<string, unknown> {
  const { id, text, title, url, publishedAt } = raw;
  return { id, text, title, url, publishedAt };
}

/** The library entry an imported article becomes. */
export function importedEntry(article: LibraryLine & EntryExtras, file: string, now: string): LibraryEntry {
  const entry: LibraryEntry = {
    id: article.id,
    title: article.title ?? firstWords(article.text),
    source: article.source ?? hostOf(article.url) ?? file,
    addedAt: article.addedAt ?? now,
    origin: article.origin ?? 'imported',
    text: article.text,
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

function firstWords(text: string): string {
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

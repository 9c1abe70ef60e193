/**
 * The NDJSON library format (../shared/docs/SCAN-CONTRACT.md): one JSON object per line,
 * `{"id", "text"}` required, `title`, `url`, `publishedAt` optional strings.
 * Shared by the scan command and the options page's importer and exporter, so both accept and
 * reject exactly the same lines, with the same messages.
 */
import type { LibraryLine } from './types';

/**
 * Longest accepted line, in UTF-16 code units. News articles are tens of KB; the contract's
 * inputs are at most about 250 KB. Anything far beyond that is not an article but a mistake
 * (or an attack on memory), and is rejected before JSON.parse sees it.
 */
export const MAX_LIBRARY_LINE_CHARS = 2_000_000;

/** Longest accepted id, title, url or date: these are labels, not content. */
export const MAX_LIBRARY_FIELD_CHARS = 4_096;

/**
 * Where an article came from, for error messages: `file` as the user named it, `line`
 * 1-based; in a JSON array also the 1-based `column` where the element starts and its
 * 1-based position `element` (a one-line array holds every article on line 1).
 */
export interface LineLocation {
  file: string;
  line: number;
  column?: number;
  element?: number;
}

/** "file:line: " or, for an element of a JSON array, "file:line:column: article N: ". */
export function locationLabel(where: LineLocation): string {
  const column = where.column ? `:${where.column}` : '';
  const element = where.element ? ` article ${where.element}:` : '';
  return `${where.file}:${where.line}${column}:${element}`;
}

/** A line that is not a valid library article. The message names the file and the line. */
export class LibraryFormatError extends Error {
  readonly file: string;
  readonly line: number;
  /** The problem alone, without the location (for summaries that list locations apart). */
  readonly reason: string;

  constructor(where: LineLocation, reason: string) {
    super(`${locationLabel(where)} ${reason}`);
    this.name = 'LibraryFormatError';
    this.file = where.file;
    this.line = where.line;
    this.reason = reason;
  }
}

const OPTIONAL_FIELDS = ['title', 'url', 'publishedAt'] as const;

/** A blank line (or one holding only a byte-order mark) carries no article and is skipped. */
export function isBlankLibraryLine(line: string): boolean {
  return line.replace(/^\uFEFF/, '').trim().length === 0;
}

/**
 * Parses and validates one line. Only the known fields are copied, into a fresh object, so
 * `__proto__`, `constructor` or any other extra key in the input can never reach the caller.
 * `null` for an optional field means "absent" (some exporters write it that way).
 */
export function parseLibraryLine(line: string, where: LineLocation): LibraryLine {
  if (line.length > MAX_LIBRARY_LINE_CHARS) {
    throw new LibraryFormatError(where, `line is too long (${line.length} characters, at most ${MAX_LIBRARY_LINE_CHARS})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(line.replace(/^\uFEFF/, ''));
  } catch (error) {
    // RangeError too: absurdly deep nesting must end as a format error, not a crash.
    const detail = error instanceof Error ? error.message : String(error);
    throw new LibraryFormatError(where, `not valid JSON (${detail})`);
  }
  return checkLibraryObject(value, where);
}

/**
 * Validates a parsed line (any value) as `parseLibraryLine` does after JSON.parse, and returns
 * its known fields in a fresh object. For values that never were a line (an article that
 * crossed extension messaging), so they need not be turned into JSON and parsed again.
 */
export function checkLibraryObject(value: unknown, where: LineLocation): LibraryLine {
  const record = asObject(value, where);
  const id = requiredString(record, 'id', where);
  const text = requiredString(record, 'text', where);
  return { ...otherFields(record, id, where), text };
}

/**
 * The fields of a library line other than its text, checked as checkLibraryObject checks
 * them: for an import's article, which crosses messaging with its text deflated
 * (import-entry.ts). Throws a LibraryFormatError.
 */
export function checkLibraryFields(value: unknown, where: LineLocation): Omit<LibraryLine, 'text'> {
  const record = asObject(value, where);
  return otherFields(record, requiredString(record, 'id', where), where);
}

function asObject(value: unknown, where: LineLocation): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LibraryFormatError(where, 'expected a JSON object like {"id": "…", "text": "…"}');
  }
  return value as Record<string, unknown>;
}

function otherFields(record: Record<string, unknown>, id: string, where: LineLocation): Omit<LibraryLine, 'text'> {
  if (id.length > MAX_LIBRARY_FIELD_CHARS) {
    throw new LibraryFormatError(where, `"id" is too long (at most ${MAX_LIBRARY_FIELD_CHARS} characters)`);
  }
  const result: Omit<LibraryLine, 'text'> = { id };
  for (const field of OPTIONAL_FIELDS) {
    const fieldValue = ownValue(record, field);
    if (fieldValue === undefined || fieldValue === null) continue;
    if (typeof fieldValue !== 'string') {
      throw new LibraryFormatError(where, `"${field}" must be a string, not ${describeType(fieldValue)}`);
    }
    if (fieldValue.length > MAX_LIBRARY_FIELD_CHARS) {
      throw new LibraryFormatError(where, `"${field}" is too long (at most ${MAX_LIBRARY_FIELD_CHARS} characters)`);
    }
    if (fieldValue.trim().length > 0) result[field] = fieldValue;
  }
  return result;
}

/**
 * Parses a whole NDJSON text (CRLF or LF line ends, blank lines skipped). Throws on the first
 * bad line, so a caller that imports all-or-nothing per file can simply not commit anything.
 */
export function parseLibraryText(content: string, file: string): LibraryLine[] {
  const lines = content.split(/\r?\n/);
  const result: LibraryLine[] = [];
  lines.forEach((line, index) => {
    if (!isBlankLibraryLine(line)) result.push(parseLibraryLine(line, { file, line: index + 1 }));
  });
  return result;
}

/**
 * One NDJSON line (without the line end) for export. Takes any object with the library fields
 * (a LibraryEntry works) and writes only those, in a fixed order, so exports are stable.
 */
export function formatLibraryLine(entry: LibraryLine): string {
  const ordered: Record<string, string> = { id: entry.id };
  for (const field of OPTIONAL_FIELDS) {
    const fieldValue = entry[field];
    if (typeof fieldValue === 'string' && fieldValue.length > 0) ordered[field] = fieldValue;
  }
  ordered.text = entry.text;
  return JSON.stringify(ordered);
}

function requiredString(record: Record<string, unknown>, field: 'id' | 'text', where: LineLocation): string {
  const fieldValue = ownValue(record, field);
  if (fieldValue === undefined || fieldValue === null) {
    throw new LibraryFormatError(where, `missing "${field}"`);
  }
  if (typeof fieldValue !== 'string') {
    throw new LibraryFormatError(where, `"${field}" must be a string, not ${describeType(fieldValue)}`);
  }
  if (fieldValue.trim().length === 0) {
    throw new LibraryFormatError(where, `"${field}" is empty`);
  }
  return fieldValue;
}

/** Own properties only: an inherited `text` (from a polluted prototype) must not count. */
function ownValue(record: Record<string, unknown>, field: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, field) ? record[field] : undefined;
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

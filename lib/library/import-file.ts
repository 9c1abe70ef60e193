/**
 * Reads one file the user chose to import into articles, streaming: NDJSON (the library
 * format, one article per line), a JSON array of the same objects, a .txt article (first line
 * the headline) or an .html page (extracted like a page the user visits). Yields each article
 * or each problem ("file:line: reason"); the caller decides to stop, and commits nothing from
 * a file with problems.
 */
import { extractArticle } from '../extract';
import { MIN_FALLBACK_CHARS } from '../extract/tuning';
import { t } from '../i18n';
import { isBlankLibraryLine, LibraryFormatError, locationLabel, MAX_LIBRARY_LINE_CHARS } from './format';
import { parseImportLine, type ImportArticle } from './import-entry';
import { JsonArrayError, jsonArrayElements } from './json-array';
import { decodeUtf8, LineTooLongError, NotUtf8Error, readLines } from './read-lines';
import { textHash } from './records';

export interface ImportFileLike {
  name: string;
  size: number;
  stream(): ReadableStream<Uint8Array>;
}

export type ImportItem = { article: ImportArticle } | { problem: string };

export interface ReadOptions {
  /** Turns HTML source into a Document (DOMParser in a page, jsdom in Node). */
  parseHtml: (html: string) => Document;
  /** Called with the bytes read so far, for a progress bar. */
  onBytes?: (bytesRead: number) => void;
}

/** A .txt or .html file is one article: anything bigger is not one. */
export const MAX_SINGLE_ARTICLE_BYTES = 5_000_000;

export type ImportFileKind = 'ndjson' | 'json' | 'txt' | 'html';

export function importFileKind(name: string): ImportFileKind | undefined {
  const extension = name.toLowerCase().replace(/^.*\./, '');
  if (extension === 'ndjson' || extension === 'jsonl') return 'ndjson';
  if (extension === 'json') return 'json';
  if (extension === 'txt') return 'txt';
  if (extension === 'html' || extension === 'htm') return 'html';
  return undefined;
}

export const IMPORT_FILE_ACCEPT = '.ndjson,.jsonl,.json,.txt,.html,.htm';

export async function* readImportFile(file: ImportFileLike, options: ReadOptions): AsyncGenerator<ImportItem> {
  const kind = importFileKind(file.name);
  const where = (line: number) => `${file.name}:${line}`;
  if (!kind) {
    yield { problem: t('importNotAFileType', file.name, IMPORT_FILE_ACCEPT) };
    return;
  }
  if ((kind === 'txt' || kind === 'html') && file.size > MAX_SINGLE_ARTICLE_BYTES) {
    yield { problem: t('importTooLargeArticle', file.name, file.size, MAX_SINGLE_ARTICLE_BYTES) };
    return;
  }
  const bytes = countBytes(file.stream(), options.onBytes);
  try {
    if (kind === 'ndjson') yield* ndjsonArticles(bytes, file.name);
    else if (kind === 'json') yield* jsonArticles(bytes, file.name);
    else {
      let text = '';
      for await (const chunk of decodeUtf8(bytes)) text += chunk;
      const article = kind === 'txt' ? await textArticle(text) : await htmlArticle(text, file.name, options.parseHtml);
      yield article ? { article: { line: 1, article } } : { problem: t('importNoArticleText', where(1)) };
    }
  } catch (error) {
    if (error instanceof JsonArrayError) {
      yield { problem: `${locationLabel({ file: file.name, line: error.line, column: error.column || undefined })} ${error.message}` };
    } else if (error instanceof NotUtf8Error || error instanceof LineTooLongError) {
      yield { problem: `${where(error.line)}: ${error.message}` };
    } else throw error;
  }
}

async function* ndjsonArticles(bytes: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<ImportItem> {
  for await (const { text, line } of readLines(bytes, MAX_LIBRARY_LINE_CHARS)) {
    if (isBlankLibraryLine(text)) continue;
    yield attempt(() => parseImportLine(text, { file, line }));
  }
}

async function* jsonArticles(bytes: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<ImportItem> {
  for await (const { text, line, column, element } of jsonArrayElements(decodeUtf8(bytes), MAX_LIBRARY_LINE_CHARS)) {
    yield attempt(() => parseImportLine(text, { file, line, column, element }));
  }
}

function attempt(read: () => ImportArticle): ImportItem {
  try {
    return { article: read() };
  } catch (error) {
    if (error instanceof LibraryFormatError) return { problem: error.message };
    throw error;
  }
}

/** A .txt article: first line the headline, then the body (paragraphs separated by blank lines). */
async function textArticle(content: string) {
  const [headline = '', ...rest] = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const text = rest.join('\n').trim().replace(/\n{3,}/g, '\n\n');
  if (!text) return undefined;
  return { id: `txt-${(await textHash(text)).slice(0, 16)}`, title: headline.trim() || undefined, text };
}

async function htmlArticle(html: string, file: string, parseHtml: (html: string) => Document) {
  const extracted = extractArticle(parseHtml(html));
  // The minimum applies to every page, not only when Readability finds nothing: a page whose
  // "article" is a few characters is not one.
  if (!extracted || extracted.text.trim().length < MIN_FALLBACK_CHARS) return undefined;
  const { title, text, publishedAt, siteName } = extracted;
  return {
    id: `html-${(await textHash(text)).slice(0, 16)}`,
    title: title || undefined,
    text,
    publishedAt,
    source: siteName ?? file,
  };
}

async function* countBytes(stream: ReadableStream<Uint8Array>, onBytes?: (n: number) => void): AsyncGenerator<Uint8Array> {
  let total = 0;
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.byteLength;
      onBytes?.(total);
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

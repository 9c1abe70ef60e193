/**
 * The library of one scan call: the seed corpus (unless --no-seed) and every --library file,
 * loaded and indexed once. Library files are read as a stream, one line at a time: only the
 * fingerprints go into the engine's index and, per article, where its line lies in its file.
 * A candidate's text is read back from that line when the engine aligns it, so memory grows
 * with the index, not with the texts (issue 16: at most 1 KB per library article).
 */
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Engine } from '../core/engine';
import type { SourceText } from '../core/types';
import { isBlankLibraryLine, parseLibraryLine } from '../library/format';
import { seedEntry } from '../library/seed';
import { fileErrorReason } from './file-error';

type LibraryLine = ReturnType<typeof parseLibraryLine>;

/** The seed corpus the extension bundles (public/corpus/*.txt), read from the checkout. */
const SEED_DIR = resolve(import.meta.dirname, '../../public/corpus');

/** Where a library article's line lies: the file (index into the files read) and its bytes. */
interface LineSpan {
  file: number;
  start: number;
  length: number;
}

/** A library file that could not be read (missing, unreadable); bad lines throw LibraryFormatError. */
export class LibraryFileError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`cannot read library ${file}: ${reason}`);
    this.name = 'LibraryFileError';
  }
}

export class ScanLibrary {
  readonly engine = new Engine();
  /** Addresses of library articles (a pack entry with one of them is reported from the library); kept only when asked. */
  readonly urls = new Set<string>();
  /** How many library texts were read back from their files (candidates of the engine only). */
  textsRead = 0;
  private readonly seeds = new Map<string, SourceText>();
  private readonly spans = new Map<string, LineSpan>();
  /** Library files read: where they are, and their names as given (for messages). */
  private readonly files: Array<{ path: string; name: string }> = [];
  private readonly handles = new Map<number, Promise<FileHandle>>();

  /** Number of library articles. */
  get size(): number {
    return this.seeds.size + this.spans.size;
  }

  has(id: string): boolean {
    return this.seeds.has(id) || this.spans.has(id);
  }

  /**
   * The article `id` (text, title, date) read back from its line, or undefined for an unknown
   * id. Throws LibraryFileError when the file no longer holds that article at that place (it
   * changed during the call).
   */
  async article(id: string): Promise<SourceText | undefined> {
    const seed = this.seeds.get(id);
    if (seed) return seed;
    const span = this.spans.get(id);
    if (!span) return undefined;
    const { path, name: file } = this.files[span.file];
    let handle = this.handles.get(span.file);
    if (!handle) {
      handle = open(path, 'r');
      this.handles.set(span.file, handle);
    }
    const bytes = Buffer.alloc(span.length);
    const { bytesRead } = await (await handle).read(bytes, 0, span.length, span.start);
    this.textsRead++;
    let line: LibraryLine | undefined;
    try {
      line = parseLibraryLine(UTF8.decode(bytes.subarray(0, bytesRead)), { file, line: 0 });
    } catch {
      line = undefined;
    }
    if (line?.id !== id) throw new LibraryFileError(file, `it changed during the scan (article "${id}" is no longer where it was)`);
    return sourceText(line);
  }

  /** Closes the library files opened to read texts back. */
  async close(): Promise<void> {
    const handles = [...this.handles.values()];
    this.handles.clear();
    await Promise.all(handles.map(async (handle) => (await handle).close()));
  }

  /** Adds an article; a later one with an id already loaded replaces it (returns true then). */
  add(article: SourceText & { url?: string }, span: LineSpan | undefined, keepUrls: boolean): boolean {
    const replaced = this.has(article.id);
    if (replaced) {
      this.engine.remove(article.id);
      this.seeds.delete(article.id);
      this.spans.delete(article.id);
    }
    if (span) this.spans.set(article.id, span);
    else this.seeds.set(article.id, article);
    if (keepUrls && article.url) this.urls.add(article.url);
    this.engine.add(article);
    return replaced;
  }

  /** Registers a library file (`path` to read, `name` as given); returns its index for LineSpan.file. */
  addFile(path: string, name: string): number {
    this.files.push({ path, name });
    return this.files.length - 1;
  }
}

const UTF8 = new TextDecoder('utf-8');

function sourceText(line: LibraryLine): SourceText & { url?: string } {
  return {
    id: line.id,
    text: line.text,
    ...(line.title ? { title: line.title } : {}),
    ...(line.publishedAt ? { publishedAt: line.publishedAt } : {}),
    ...(line.url ? { url: line.url } : {}),
  };
}

async function seedArticles(): Promise<SourceText[]> {
  const files = (await readdir(SEED_DIR)).filter((file) => file.endsWith('.txt')).sort();
  const addedAt = new Date().toISOString();
  return Promise.all(
    files.map(async (file) => {
      const entry = seedEntry(file, await readFile(join(SEED_DIR, file), 'utf8'), addedAt);
      return { id: entry.id, title: entry.title, text: entry.text };
    }),
  );
}

/**
 * The lines of the file at `path` (named `file` in messages) with their byte offsets (the `\n` excluded; a `\r` before it stays, JSON
 * reads it as white space). Throws LibraryFileError when the file cannot be read.
 */
export async function* libraryFileLines(path: string, file = path): AsyncGenerator<{ bytes: Buffer; start: number; line: number }> {
  let carry: Buffer[] = [];
  let lineStart = 0;
  let position = 0;
  let line = 0;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let from = 0;
      for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, from)) {
        const piece = chunk.subarray(from, end);
        const bytes = carry.length > 0 ? Buffer.concat([...carry, piece]) : piece;
        carry = [];
        yield { bytes, start: lineStart, line: ++line };
        from = end + 1;
        lineStart = position + from;
      }
      if (from < chunk.length) carry.push(chunk.subarray(from));
      position += chunk.length;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code) throw new LibraryFileError(file, fileErrorReason(error));
    throw error;
  }
  if (carry.length > 0) yield { bytes: Buffer.concat(carry), start: lineStart, line: ++line };
}

/**
 * Loads and indexes the library. A later article with an id already loaded replaces the
 * earlier one (reported through `warn`), so ids stay unique as the output requires. Bad lines
 * throw LibraryFormatError (file and line number); unreadable files LibraryFileError.
 * `urls`: keep the articles' addresses (needed only to tell pack entries from library articles).
 * Relative file names are read from `baseDir` (default: the current folder); messages name them as given.
 */
export async function loadScanLibrary(
  options: { seed: boolean; libraries: readonly string[]; urls?: boolean; baseDir?: string },
  warn: (message: string) => void,
): Promise<ScanLibrary> {
  const library = new ScanLibrary();
  const keepUrls = options.urls ?? false;
  const replaced = (id: string, origin: string) => warn(`library id "${id}" appears again in ${origin}: the later article replaces the earlier one`);
  if (options.seed) for (const article of await seedArticles()) library.add(article, undefined, keepUrls);
  for (const file of options.libraries) {
    const path = resolve(options.baseDir ?? '.', file);
    const fileIndex = library.addFile(path, file);
    for await (const { bytes, start, line } of libraryFileLines(path, file)) {
      // The format is UTF-8; stray bytes become U+FFFD rather than failing the whole library.
      const text = UTF8.decode(bytes);
      if (isBlankLibraryLine(text)) continue;
      const article = sourceText(parseLibraryLine(text, { file, line }));
      if (library.add(article, { file: fileIndex, start, length: bytes.length }, keepUrls)) replaced(article.id, file);
    }
  }
  return library;
}

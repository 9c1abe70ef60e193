/**
 * Reads one scan input into the article the engine compares: `.html`/`.htm` pages through
 * linkedom (html-document.ts) and the extension's own extraction, `.txt` files as headline plus body, `-` from
 * standard input. Other names are sniffed: markup is read as a page, anything else as text.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractArticle } from '../extract/extract-article';
import { isTooLargeToCheck, pageSize } from '../extract/page-size';
import { decodeBytes } from './decode';
import { fileErrorReason } from './file-error';
import { parseHtmlDocument } from './html-document';
import { inputPath, invocationDir } from './paths';

export interface ScanInput {
  /** The argument exactly as given. */
  input: string;
  title: string;
  /** Article body without the headline; paragraphs separated by a blank line. */
  text: string;
  publishedAt?: string;
}

/** An input that could not be read (missing, a directory, unreadable). */
export class InputError extends Error {
  constructor(readonly input: string, readonly reason: string) {
    super(`${input}: ${reason}`);
    this.name = 'InputError';
  }
}

/** Markup at the start of a file without a telling extension (or on standard input). */
const LOOKS_LIKE_HTML = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|p|div|article)\b/i;

/**
 * Plain text: the first line is the headline; paragraphs are separated by blank lines.
 * A blank first line means "no headline" (the seed files start so): taking the next line
 * instead would drop the article's first paragraph. A body with no blank line at all but
 * several lines is read one paragraph per line.
 */
export function textArticle(content: string): { title: string; text: string } {
  const lines = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const title = lines[0].trim();
  const body = lines.slice(1).join('\n').trim();
  const separator = /\n[ \t]*\n/.test(body) ? /\n[ \t]*\n+/ : /\n/;
  const paragraphs = body
    .split(separator)
    .map((paragraph) => paragraph.replace(/[ \t]*\n[ \t]*/g, ' ').trim())
    .filter((paragraph) => paragraph.length > 0);
  return { title, text: paragraphs.join('\n\n') };
}

/** Why a page was not read: it is beyond the size caps the extension checks (lib/extract/page-size). */
export const TOO_LARGE_REASON = 'too large to check (over 2,000,000 characters of text, 50,000 pieces of text or 100,000 elements, as in the extension): nothing was compared';

/**
 * A page's article; a page with no article gives its title and an empty text (nothing can
 * match). Throws an Error with TOO_LARGE_REASON for a page beyond the size caps, so it is not
 * reported as a page that matches nothing.
 */
export function htmlArticle(html: string, url: string): { title: string; text: string; publishedAt?: string } {
  const doc = parseHtmlDocument(html, url);
  const size = pageSize(doc);
  if (isTooLargeToCheck(size)) throw new Error(TOO_LARGE_REASON);
  const article = extractArticle(doc, { url, size });
  if (!article) return { title: doc.title.trim(), text: '' };
  return article.publishedAt ? { title: article.title, text: article.text, publishedAt: article.publishedAt } : { title: article.title, text: article.text };
}


async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** The bytes of an input: `path` is the resolved file (inputPath), or `-` for standard input. Throws InputError. */
export async function readInputBytes(input: string, path: string): Promise<Uint8Array> {
  if (path === '-') return readStdin();
  try {
    return await readFile(path);
  } catch (error) {
    throw new InputError(input, fileErrorReason(error));
  }
}

/**
 * Reads and extracts one input; relative paths are read from `baseDir` (invocationDir by
 * default) while `input` stays as given. Throws InputError when it cannot be read.
 */
export async function readScanInput(input: string, baseDir: string = invocationDir()): Promise<ScanInput> {
  const path = inputPath(input, baseDir);
  return scanInputFromBytes(input, path, await readInputBytes(input, path));
}

/** Extracts an input already read: `path` as from inputPath (its extension and address matter). */
export function scanInputFromBytes(input: string, path: string, bytes: Uint8Array): ScanInput {
  const extension = path === '-' ? '' : extname(path).toLowerCase();
  const isHtml = extension === '.html' || extension === '.htm' || (extension !== '.txt' && LOOKS_LIKE_HTML.test(decodeBytes(bytes.subarray(0, 2048), { html: false })));
  const content = decodeBytes(bytes, { html: isHtml });
  if (!isHtml) return { input, ...textArticle(content) };
  const url = path === '-' ? 'file:///dev/stdin' : pathToFileURL(path).href;
  try {
    return { input, ...htmlArticle(content, url) };
  } catch (error) {
    if (error instanceof Error && error.message === TOO_LARGE_REASON) throw new InputError(input, TOO_LARGE_REASON);
    throw error;
  }
}

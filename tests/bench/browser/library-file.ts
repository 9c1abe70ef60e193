/**
 * The generated library that bench:browser imports: `count` news-like articles of about 5 KB
 * (tests/bench/engine-corpus.ts: article i is a pure function of i, so every run and every
 * machine imports the same file), written as NDJSON (the library format) to a temporary file.
 * The last article also carries RARE_WORD, the word the options search must find after the import.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RARE_WORD } from '../../e2e/library-scale';
import { libraryArticle } from '../engine-corpus';

export interface LibraryRecord {
  id: string;
  title: string;
  url: string;
  publishedAt: string;
  text: string;
}

/** Library article `index` as imported (the marked one when `marked`). */
export function libraryRecord(index: number, marked = false): LibraryRecord {
  const body = libraryArticle(index);
  const text = marked ? `${body}\n\nThe ${RARE_WORD} committee will report back in the spring.` : body;
  const headline = body.slice(0, body.indexOf('.')).split(' ').slice(0, 9).join(' ');
  const day = new Date(Date.UTC(2020, 0, 1) + (index % 2_000) * 86_400_000).toISOString().slice(0, 10);
  return {
    id: `bench-${String(index).padStart(6, '0')}`,
    title: `${headline} (${index})`,
    url: `https://bench-news.invalid/stories/${index}`,
    publishedAt: `${day}T08:00:00Z`,
    text,
  };
}

/** The records of a library of `count` (the last one marked), in import order. */
export function* libraryRecords(count: number): Generator<LibraryRecord> {
  for (let i = 0; i < count; i++) yield libraryRecord(i, i === count - 1);
}

export interface LibraryFile {
  path: string;
  count: number;
  /** Bytes of article text (UTF-8), the size issue 16 compares the library's storage with. */
  textBytes: number;
  fileBytes: number;
  /** The article that carries RARE_WORD. */
  marked: LibraryRecord;
  remove(): Promise<void>;
}

/** Writes the library file of `count` articles; remove() deletes it. */
export async function writeLibraryFile(count: number): Promise<LibraryFile> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-browser-'));
  const path = join(dir, `bench-${count}.ndjson`);
  const out = createWriteStream(path);
  let textBytes = 0;
  let fileBytes = 0;
  for (const record of libraryRecords(count)) {
    const line = `${JSON.stringify(record)}\n`;
    textBytes += Buffer.byteLength(record.text);
    fileBytes += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise<void>((done) => out.once('drain', () => done()));
  }
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
  return { path, count, textBytes, fileBytes, marked: libraryRecord(count - 1, true), remove: () => rm(dir, { recursive: true, force: true }) };
}

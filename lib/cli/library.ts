/**
 * The library of one scan call: the seed corpus (unless --no-seed) and every --library file,
 * loaded and indexed once. Texts stay in memory: the engine asks for a candidate's text only
 * when it aligns it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Engine } from '../core/engine';
import type { SourceText } from '../core/types';
import { parseLibraryText } from '../library/format';
import { seedEntry } from '../library/seed';
import { fileErrorReason } from './file-error';

/** The seed corpus the extension bundles (public/corpus/*.txt), read from the checkout. */
const SEED_DIR = resolve(import.meta.dirname, '../../public/corpus');

export interface ScanLibrary {
  engine: Engine;
  /** Library articles by id. */
  articles: Map<string, SourceText>;
  /** Addresses of library articles (a pack entry with one of them is reported from the library). */
  urls: Set<string>;
}

/** A library file that could not be read (missing, unreadable); bad lines throw LibraryFormatError. */
export class LibraryFileError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`cannot read library ${file}: ${reason}`);
    this.name = 'LibraryFileError';
  }
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

async function libraryFileArticles(file: string): Promise<Array<SourceText & { url?: string }>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new LibraryFileError(file, fileErrorReason(error));
  }
  // The format is UTF-8; stray bytes become U+FFFD rather than failing the whole library.
  return parseLibraryText(new TextDecoder('utf-8').decode(bytes), file).map((line) => ({
    id: line.id,
    text: line.text,
    ...(line.title ? { title: line.title } : {}),
    ...(line.publishedAt ? { publishedAt: line.publishedAt } : {}),
    ...(line.url ? { url: line.url } : {}),
  }));
}

/**
 * Loads and indexes the library. A later article with an id already loaded replaces the
 * earlier one (reported through `warn`), so ids stay unique as the output requires.
 */
export async function loadScanLibrary(
  options: { seed: boolean; libraries: readonly string[] },
  warn: (message: string) => void,
): Promise<ScanLibrary> {
  const engine = new Engine();
  const articles = new Map<string, SourceText>();
  const urls = new Set<string>();
  const sources: Array<[string, Array<SourceText & { url?: string }>]> = [];
  if (options.seed) sources.push(['the seed corpus', await seedArticles()]);
  for (const file of options.libraries) sources.push([file, await libraryFileArticles(file)]);
  for (const [origin, list] of sources) {
    for (const article of list) {
      if (articles.has(article.id)) {
        warn(`library id "${article.id}" appears again in ${origin}: the later article replaces the earlier one`);
        engine.remove(article.id);
      }
      articles.set(article.id, article);
      if (article.url) urls.add(article.url);
      engine.add(article);
    }
  }
  return { engine, articles, urls };
}

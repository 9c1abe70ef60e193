/**
 * Real matches for popup tests: the engine's own comparison of seed texts (and of pages
 * written here), wrapped with the library metadata the background adds.
 */
import { compare } from '../../../lib/core/engine';
import { SEED_FILES } from '../../../lib/extension/seed-files';
import { seedEntry } from '../../../lib/library/seed';
import type { LibraryEntry } from '../../../lib/library/types';
import type { MatchView, TabResult } from '../../../lib/protocol';

export const seeds = SEED_FILES.map((file) => seedEntry(file.fileName, file.content, '2025-01-01T00:00:00Z'));

/** The engine's verdict on `pageText` against one library entry. */
export function matchOf(pageText: string, entry: LibraryEntry): MatchView {
  const match = compare({ id: 'page', text: pageText }, { id: entry.id, text: entry.text, title: entry.title, publishedAt: entry.publishedAt });
  if (!match) throw new Error(`No match between the page and ${entry.id}`);
  const { id, title, source, url, publishedAt, origin } = entry;
  return { ...match, entry: { id, title, source, url, publishedAt, origin } };
}

export function doneResult(pageText: string, matches: MatchView[], title = 'The page'): TabResult {
  return { status: 'done', url: 'https://news.test/story', at: 1, article: { title }, text: pageText, matches };
}

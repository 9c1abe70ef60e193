/**
 * The background's answers to the library messages (one function per LibraryMessages key).
 * The background spreads this object into its handler table; payloads are checked here
 * before they reach the library, since a message is untrusted input.
 */
import { t } from '../i18n';
import type { LibraryMessages } from './messages';
import type { LibraryService } from './service';
import { LIBRARY_DB_NAME, SORT_FIELDS } from './db';
import { deleteLibraryDb, LibraryTooNewError, rescueExportPage } from './rescue';
import { ORIGINS } from './records';
import type { ListQuery } from './listing';

type Handlers = {
  [K in keyof LibraryMessages]: (request: LibraryMessages[K]['request']) => Promise<LibraryMessages[K]['response']>;
};

/** Most entries one list or export page may ask for: keeps each reply small. */
export const MAX_PAGE = 500;
/** Oldest age the storage panel offers (about 100 years): beyond it, a number is a mistake. */
const MAX_AGE_DAYS = 36_500;
/** Most ids (or entries) one message may carry. */
export const MAX_IDS = 10_000;

/**
 * `dbName`: the library's database, read directly when this version cannot open it (export
 * what can be read) and deleted when the user then asks to rebuild.
 */
export function createLibraryHandlers(getService: () => Promise<LibraryService>, dbName: string = LIBRARY_DB_NAME): Handlers {
  /** The service, or the reason it cannot open because the database is too new (null otherwise). */
  const tooNew = () => getService().then(() => false, (error: unknown) => {
    if (error instanceof LibraryTooNewError) return true;
    throw error;
  });
  return {
    'library/get': async ({ id }) => (await getService()).getEntry(text(id, 'id')).then((entry) => entry ?? null),
    'library/list': async ({ query }) => (await getService()).list(checkQuery(query)),
    'library/recent-matches': async ({ id }) => (await getService()).recentMatches(text(id, 'id')),
    'library/entries': async ({ ids }) => (await getService()).getEntries(idList(ids)),
    'library/add': async (input) =>
      (await getService()).add({
        title: text(input.title, 'title').trim(),
        text: text(input.text, 'text'),
        source: text(input.source, 'source').trim(),
        url: optionalText(input.url, 'url'),
        publishedAt: optionalText(input.publishedAt, 'publishedAt'),
        origin: 'pasted',
      }),
    'library/delete': async ({ ids }) => ({ deleted: await (await getService()).delete(idList(ids)) }),
    'library/restore': async ({ entries }) => ({ restored: await (await getService()).restore(list(entries, 'entries')) }),
    'library/clear': async () => {
      await (await getService()).clear();
      return null;
    },
    'library/reset-to-seeds': async () => {
      await (await getService()).resetToSeeds();
      return null;
    },
    'library/stats': async () => (await getService()).stats(),
    'library/storage-use': async () => (await getService()).storageUse(),
    'library/delete-learned-older': async ({ days }) => ({ deleted: await (await getService()).deleteLearnedOlderThan(ageInDays(days)) }),
    'library/learned-texts-older': async ({ days }) => (await getService()).learnedTextsOlderThan(ageInDays(days)),
    'library/drop-learned-texts': async ({ days }) => (await getService()).dropLearnedTextsOlderThan(ageInDays(days)),
    'library/export': async ({ after, limit }) => {
      const from = optionalText(after, 'after');
      if (await tooNew()) {
        const { lines, next } = await rescueExportPage(dbName, from, pageSize(limit));
        return { lines, next };
      }
      return (await getService()).exportPage(from, pageSize(limit));
    },
    'library/rebuild': async () => {
      if (!(await tooNew())) throw new Error(t('tooNewNothingToRebuild'));
      await deleteLibraryDb(dbName);
      await getService();
      return null;
    },
    'library/import-begin': async ({ file }) => ({ importId: await (await getService()).beginImport(text(file, 'file')) }),
    'library/import-batch': async ({ importId, articles }) =>
      (await getService()).importBatch(text(importId, 'importId'), list(articles, 'articles')),
    'library/import-commit': async ({ importId }) => ({ added: await (await getService()).commitImport(text(importId, 'importId')) }),
    'library/import-abort': async ({ importId }) => {
      await (await getService()).abortImport(text(importId, 'importId'));
      return null;
    },
  };
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`"${name}" must be a non-empty string`);
  return value;
}

function optionalText(value: unknown, name: string): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : text(value, name);
}

function list<T>(value: T[], name: string): T[] {
  if (!Array.isArray(value) || value.length > MAX_IDS) throw new Error(`"${name}" must be a list of at most ${MAX_IDS} items`);
  return value;
}

function idList(value: unknown): string[] {
  return list(value as string[], 'ids').map((id) => text(id, 'id'));
}

/** An age for the storage panel's reclaim actions: a whole number of days, 0 to MAX_AGE_DAYS. */
function ageInDays(days: unknown): number {
  if (!Number.isInteger(days) || (days as number) < 0 || (days as number) > MAX_AGE_DAYS) throw new Error(`days must be a whole number from 0 to ${MAX_AGE_DAYS}`);
  return days as number;
}

function pageSize(value: unknown): number {
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_PAGE) {
    throw new Error(`"limit" must be a whole number from 1 to ${MAX_PAGE}`);
  }
  return value as number;
}

function checkQuery(query: ListQuery): ListQuery {
  if (typeof query !== 'object' || query === null) throw new Error('"query" is missing');
  if (!SORT_FIELDS.includes(query.sort)) throw new Error(`"sort" must be one of ${SORT_FIELDS.join(', ')}`);
  if (query.origin !== undefined && !ORIGINS.includes(query.origin)) throw new Error(`"origin" must be one of ${ORIGINS.join(', ')}`);
  for (const field of ['source', 'dateFrom', 'dateTo', 'words'] as const) {
    if (query[field] !== undefined && typeof query[field] !== 'string') throw new Error(`"${field}" must be a string`);
  }
  if (query.after !== undefined && !Array.isArray(query.after)) throw new Error('"after" must be a list cursor');
  return { ...query, descending: query.descending === true, limit: pageSize(query.limit) };
}

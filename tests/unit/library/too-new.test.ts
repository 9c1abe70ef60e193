/**
 * A database left by a newer version (a downgrade, or an update rolled back): plain words, the
 * readable entries exported, and a rebuild only on request. Nothing is lost silently.
 */
import { openDB } from 'idb';
import { describe, expect, test } from 'vitest';
import { LIBRARY_DB_VERSION, openLibraryDb } from '../../../lib/library/db';
import { exportLibrary } from '../../../lib/library/export-runner';
import { createLibraryHandlers } from '../../../lib/library/handlers';
import { importFiles, type LibrarySend } from '../../../lib/library/import-runner';
import { LIBRARY_TOO_NEW } from '../../../lib/library/messages';
import { LibraryService } from '../../../lib/library/service';
import { article, freshDbName, openService, sendThrough } from './helpers';

/** Makes `name` a library saved by a "future" version: the same stores plus one, two entries (one damaged). */
async function leaveNewerLibrary(name: string) {
  const { service } = await openService([], name);
  await service.add({ title: 'Kept one', text: article(1), source: 'Desk', origin: 'pasted', url: 'https://a.test/1' });
  await service.add({ title: 'Kept two', text: article(2), source: 'Desk', origin: 'pasted' });
  service.db.close();
  const future = await openDB(name, LIBRARY_DB_VERSION + 1, {
    upgrade(db) {
      db.createObjectStore('future-things');
    },
  });
  await future.put('entries', { id: 'broken', shape: 'from the future' });
  future.close();
}

function handlersOn(name: string) {
  let opening: Promise<LibraryService> | undefined;
  const getService = () =>
    (opening ??= openLibraryDb(name)
      .then((db) => LibraryService.open(db, []))
      .catch((error: unknown) => {
        opening = undefined;
        throw error;
      }));
  const handlers = createLibraryHandlers(getService, name);
  return (async (type, payload) => (handlers[type] as (request: unknown) => Promise<unknown>)(payload)) as LibrarySend;
}

describe('a library left by a newer version', () => {
  test('is refused in plain words, not with the browser’s VersionError', async () => {
    const name = freshDbName();
    await leaveNewerLibrary(name);
    await expect(openLibraryDb(name)).rejects.toThrow(LIBRARY_TOO_NEW);
    await expect(handlersOn(name)('library/stats', {})).rejects.toThrow(LIBRARY_TOO_NEW);
  });

  test('what can be read is exported, then the rebuilt library takes the export back whole', async () => {
    const name = freshDbName();
    await leaveNewerLibrary(name);
    const send = handlersOn(name);
    const lines = (await exportLibrary(send)).join('').trim().split('\n').map((line) => JSON.parse(line) as { id: string; title: string });
    expect(lines.map((line) => line.title).sort()).toEqual(['Kept one', 'Kept two']);

    await send('library/rebuild', {});
    expect((await send('library/stats', {})).total).toBe(0);
    const file = new File([lines.map((line) => JSON.stringify(line)).join('\n')], 'rescued.ndjson');
    const [outcome] = await importFiles([file], { send, parseHtml: () => document });
    expect(outcome).toMatchObject({ status: 'added', added: 2 });
  });

  test('a library that opens normally is never rebuilt', async () => {
    const { service } = await openService([]);
    await expect(sendThrough(service)('library/rebuild', {})).rejects.toThrow(/nothing to rebuild/);
  });
});

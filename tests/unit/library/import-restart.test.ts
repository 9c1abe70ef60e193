/**
 * Imports cut short: by a service-worker restart (the file is read again from the start, and
 * the words shown are plain ones), and by the options page going away (what it wrote is
 * deleted at once, not at the next worker start).
 */
import { describe, expect, test } from 'vitest';
import { importFiles, type LibrarySend } from '../../../lib/library/import-runner';
import { IMPORT_PORT, watchImportPort, type ImportPort } from '../../../lib/library/import-watch';
import { LibraryService } from '../../../lib/library/service';
import { openLibraryDb } from '../../../lib/library/db';
import { article, openImportRows, openService, preparedBatch, sendThrough } from './helpers';

const noHtml = () => {
  throw new Error('no html in these tests');
};
const CHANNEL_CLOSED = 'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';
/** Firefox's words when the event page unloads while answering. */
const FIREFOX_OUT_OF_SCOPE = 'Promised response from onMessage listener went out of scope';
const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `r${i}`, text: article(i) }));
const file = (count: number) => new File([rows(count).map((row) => JSON.stringify(row)).join('\n')], 'cut.ndjson');

/** The background as a page sees it across restarts: `stopAt` batches in, the worker stops. */
async function restartingBackground(name: string, stopAtBatch: number[], words = CHANNEL_CLOSED) {
  let service = await LibraryService.open(await openLibraryDb(name), []);
  let batches = 0;
  const send = (async (type, payload) => {
    if (type === 'library/import-batch' && stopAtBatch.includes(++batches)) {
      // The worker stops mid-message: the page gets the browser's raw words, the next worker rolls the batches back.
      service.db.close();
      service = await LibraryService.open(await openLibraryDb(name), []);
      throw new Error(words);
    }
    return sendThrough(service)(type, payload);
  }) as LibrarySend;
  return { send, service: () => service };
}

describe('an import cut by a worker restart', () => {
  test.each([
    ['Chromium', CHANNEL_CLOSED],
    ['Firefox', FIREFOX_OUT_OF_SCOPE],
    ['Firefox (the page lost its connection)', 'Message manager disconnected'],
  ])('starts the file again by itself and adds everything once (words of %s)', async (_browser, words) => {
    const { name } = await openService([]);
    const background = await restartingBackground(name, [1], words);
    const [outcome] = await importFiles([file(450)], { send: background.send, parseHtml: noHtml });
    expect(outcome).toMatchObject({ status: 'added', added: 450, duplicates: 0, problemCount: 0 });
    expect((await background.service().stats()).total).toBe(450);
  });

  test('when the worker keeps stopping, says so in plain words and adds nothing', async () => {
    const { name } = await openService([]);
    const background = await restartingBackground(name, [1, 2, 3, 4, 5, 6]);
    const [outcome] = await importFiles([file(50)], { send: background.send, parseHtml: noHtml });
    expect(outcome.status).toBe('failed');
    expect(outcome.problems).toEqual([
      'cut.ndjson: the extension’s background stopped during the import (the browser restarts it from time to time), so nothing from this file was added. Import it again.',
    ]);
    expect(outcome.problems.join(' ')).not.toMatch(/message channel/);
    expect((await background.service().stats()).total).toBe(0);
  });
});

describe('an import whose options page went away', () => {
  function fakePort(url: string) {
    const listeners = { message: [] as Array<(message: unknown) => void>, disconnect: [] as Array<() => void> };
    const port: ImportPort = {
      name: IMPORT_PORT,
      sender: { id: 'ext', url },
      onMessage: { addListener: (listener) => listeners.message.push(listener) },
      onDisconnect: { addListener: (listener) => listeners.disconnect.push(listener) },
    };
    return { port, post: (message: unknown) => listeners.message.forEach((l) => l(message)), close: () => listeners.disconnect.forEach((l) => l()) };
  }
  const self = { id: 'ext', origin: 'chrome-extension://ext/' };

  test('has what it wrote deleted when the page’s port disconnects', async () => {
    const { service } = await openService([]);
    const send = sendThrough(service);
    const { importId } = await send('library/import-begin', { file: 'half.ndjson' });
    await send('library/import-batch', { importId, articles: await preparedBatch(rows(30)) });
    const page = fakePort('chrome-extension://ext/options.html');
    watchImportPort(page.port, self, (id) => service.abortImport(id));
    page.post({ importId });
    expect(await service.db.count('entries')).toBe(30);
    page.close();
    await expect.poll(() => service.db.count('entries')).toBe(0);
    expect(await openImportRows(service.db)).toBe(0);
    expect((await service.stats()).total).toBe(0);
    await expect(send('library/import-commit', { importId })).rejects.toThrow(/no longer open/);
  });

  test('a port from a web page, or with another name, is ignored', async () => {
    const aborted: string[] = [];
    const web = fakePort('https://evil.test/');
    watchImportPort(web.port, self, async (id) => void aborted.push(id));
    web.post({ importId: 'x' });
    web.close();
    const other = fakePort('chrome-extension://ext/options.html');
    watchImportPort({ ...other.port, name: 'something-else' }, self, async (id) => void aborted.push(id));
    other.post({ importId: 'y' });
    other.close();
    expect(aborted).toEqual([]);
  });
});

/**
 * A pack update from a diff, end to end in Chromium: the pack's address is served over https on
 * 127.0.0.1 (a self-signed certificate, tests/e2e/tls, accepted with --ignore-certificate-errors),
 * with the publisher's diff from the installed copy beside it (<address>.diffs/<checksum>.pack).
 * *Check for updates* on the options page fetches the diff only, applies it to the installed
 * pack in IndexedDB, says so in the report, and a spun copy of an article the diff added is
 * then flagged from the pack.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePack } from '../../lib/packs/pack';
import { openPack } from '../../lib/packs/reader';
import { encodeUpdate } from '../../lib/packs/update';
import { useExtension } from './harness';
import { runAxe } from './ui-axe';
import { PACK_META, PACK_NAME, PACK_TARGET, spunCopyPage, testPackEntries } from './pack-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'pack-updates-e2e-'));
const TLS = join(import.meta.dirname, 'tls');
/** Served files by path; requests seen, as "METHOD /path". */
const served = new Map<string, Uint8Array>();
const requests: string[] = [];
let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer({ key: readFileSync(join(TLS, '127.0.0.1.key.pem')), cert: readFileSync(join(TLS, '127.0.0.1.cert.pem')) }, (request, response) => {
    const path = new URL(request.url ?? '/', 'https://127.0.0.1').pathname;
    requests.push(`${request.method} ${path}`);
    const bytes = served.get(path);
    if (!bytes) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) }).end(request.method === 'HEAD' ? undefined : bytes);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(dir, { recursive: true, force: true });
});

describe('pack updates from a diff', () => {
  const extension = useExtension({ args: ['--ignore-certificate-errors'] });

  it('an update check applies the diff served beside the pack, reports it, and a match changes accordingly', async () => {
    const entries = testPackEntries();
    const target = `hd-${PACK_TARGET}`;
    // Version 1 lacks the target article; version 2 adds it, drops ten articles and retitles five.
    const v1 = encodePack(PACK_META, entries.filter((entry) => entry.id !== target));
    const v2 = encodePack({ ...PACK_META, createdAt: '2026-11-28T08:00:00Z' }, entries.slice(10).map((entry, i) => (i < 5 ? { ...entry, title: `${entry.title} (corrected)` } : entry)));
    const v1Checksum = (await openPack([v1])).header.checksum;
    const file = join(dir, 'desk.pack');
    writeFileSync(file, v1);

    const harness = extension();
    const options = await harness.openOptions();
    await options.goto(`chrome-extension://${harness.extensionId}/options.html#packs`);
    await options.locator('.packs-none').waitFor();
    await options.locator('input[type=file]').setInputFiles(file);
    await options.locator('.packs-table tbody tr').waitFor();
    // The pack is added from a file, then made to come from the https address: adding it from
    // the address would ask for the host permission, a browser prompt Playwright cannot answer.
    const address = `${origin}/desk.pack`;
    await options.evaluate(
      (url) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('recycled-news-packs');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('packs', 'readwrite');
            const all = tx.objectStore('packs').getAll();
            all.onsuccess = () => tx.objectStore('packs').put({ ...all.result[0], origin: { kind: 'url', url } });
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      address,
    );
    await options.reload();
    const row = options.locator('.packs-table tbody tr');
    await row.waitFor();
    expect(await row.textContent()).toContain(address);
    expect(await row.textContent()).toContain('299');

    harness.servePage('/reworded.html', spunCopyPage());
    const before = await harness.openPage('/reworded.html');
    const unknown = await harness.waitForResult(before.tabId);
    expect(unknown.status).toBe('done');
    expect((unknown as Extract<typeof unknown, { status: 'done' }>).packMatches).toBeUndefined();

    // The publisher releases version 2 and the diff from version 1.
    served.set('/desk.pack', v2);
    served.set(`/desk.pack.diffs/${v1Checksum.slice('crc32:'.length)}.pack`, await encodeUpdate(v1, v2));
    requests.length = 0;
    await options.bringToFront();
    await options.getByRole('button', { name: 'Check for updates' }).click();
    const notice = options.locator('.notice', { hasText: 'diff' });
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toContain(`“${PACK_NAME}” was updated from a diff, the publisher’s list of changes (articles added: 1, changed: 5, removed: 10).`);
    // Only the diff was downloaded, not the whole pack.
    expect(requests).toEqual([`GET /desk.pack.diffs/${v1Checksum.slice('crc32:'.length)}.pack`]);
    await options.locator('.packs-table tbody tr', { hasText: '290' }).waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      expect((await runAxe(options)).severe, `update report in ${colorScheme}`).toEqual([]);
      await harness.screenshot(options, colorScheme === 'light' ? 'packs-update-diff' : 'packs-update-diff-dark', { fullPage: false });
    }

    const after = await harness.openPage('/reworded.html');
    const found = await harness.waitForResult(after.tabId);
    expect(found.status).toBe('done');
    expect((found as Extract<typeof found, { status: 'done' }>).packMatches?.[0]).toMatchObject({ id: target, pack: PACK_NAME, kind: 'spun' });
  });
});

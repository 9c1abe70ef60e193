/**
 * Update checks of packs added from an address (fake fetch, fake-indexeddb): unchanged,
 * replaced, failed; validators sent; the publisher's diff from the installed copy applied, or
 * the whole pack when there is none or it does not apply.
 */
import { describe, expect, it } from 'vitest';
import { libraryArticle } from '../../bench/engine-corpus';
import { createPackService } from '../../../lib/extension/pack-service';
import { diffAddress } from '../../../lib/extension/pack-download';
import { encodePack } from '../../../lib/packs/pack';
import { openPack } from '../../../lib/packs/reader';
import { encodeUpdate } from '../../../lib/packs/update';
import { importPack, listPacks } from '../../../lib/packs/store';
import { openPacksDb } from '../../../lib/packs/store-db';
import { entries, META, pack } from './helpers';

const ADDRESS = 'https://packs.example/desk.pack';
let count = 0;

/** A server: `respond` answers the pack's address, `diffs` (address → response) the diff addresses, anything else is 404. Records each request. */
function server(respond: (headers: Headers) => Response, diffs: Record<string, () => Response> = {}) {
  const seen: Headers[] = [];
  const asked: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    expect(init?.credentials).toBe('omit');
    const address = String(input);
    asked.push(address);
    if (address !== ADDRESS) return diffs[address]?.() ?? new Response('not found', { status: 404 });
    const headers = new Headers(init?.headers);
    seen.push(headers);
    return respond(headers);
  }) as typeof fetch;
  return { fetchImpl, seen, asked };
}

const body = (bytes: Uint8Array, headers: Record<string, string> = {}) => new Response(new Blob([bytes.slice()]), { status: 200, headers: { 'content-length': String(bytes.length), ...headers } });

async function setUp() {
  const db = await openPacksDb(`pack-updates-${++count}`);
  const installed = await importPack(db, [pack(0, 20)], { origin: { kind: 'url', url: ADDRESS, etag: '"v1"' } });
  return { db, installed };
}

describe('pack update checks', () => {
  it('an unchanged pack (304) is not downloaded again; the validators of the copy installed are sent', async () => {
    const { db, installed } = await setUp();
    const { fetchImpl, seen } = server(() => new Response(null, { status: 304 }));
    const service = createPackService(async () => db, fetchImpl);
    expect(await service.checkUpdates()).toEqual([{ slot: installed.slot, name: META.name, outcome: 'unchanged' }]);
    expect(seen[0].get('if-none-match')).toBe('"v1"');
    const [after] = await listPacks(db);
    expect(after.generation).toBe(installed.generation);
  });

  it('a new version replaces the pack (same slot), and the next match sees it', async () => {
    const { db, installed } = await setUp();
    const next = encodePack({ ...META, createdAt: '2026-12-01T00:00:00Z' }, entries(10, 30));
    const { fetchImpl } = server(() => body(next, { etag: '"v2"' }));
    const service = createPackService(async () => db, fetchImpl);
    expect(await service.match(libraryArticle(25), () => false)).toEqual([]);
    expect(await service.checkUpdates()).toEqual([{ slot: installed.slot, name: META.name, outcome: 'updated' }]);
    const [after] = await listPacks(db);
    expect(after).toMatchObject({ slot: installed.slot, articles: 20, createdAt: '2026-12-01T00:00:00Z', origin: { kind: 'url', url: ADDRESS, etag: '"v2"' } });
    expect((await service.match(libraryArticle(25), () => false))[0]).toMatchObject({ id: 'art-00025' });
  });

  it('asks first for the diff from the installed copy, beside the pack on the same host', async () => {
    const { db, installed } = await setUp();
    const { fetchImpl, asked } = server(() => new Response(null, { status: 304 }));
    await createPackService(async () => db, fetchImpl).checkUpdates();
    expect(asked).toEqual([`${ADDRESS}.diffs/${installed.checksum.slice('crc32:'.length)}.pack`, ADDRESS]);
    expect(diffAddress(new URL('https://host.example/a/news.pack?token=1#x'), 'crc32:0123abcd').href).toBe('https://host.example/a/news.pack.diffs/0123abcd.pack');
  });

  it('applies the diff from the installed copy, reports what it changed, and the next check does not download the whole pack again', async () => {
    const { db, installed } = await setUp();
    const old = pack(0, 20);
    const next = encodePack({ ...META, createdAt: '2026-12-01T00:00:00Z' }, [...entries(5, 18), ...entries(18, 20).map((e) => ({ ...e, title: 'Retitled' })), ...entries(20, 30)]);
    const diffUrl = diffAddress(new URL(ADDRESS), installed.checksum).href;
    const update = await encodeUpdate(old, next);
    const { fetchImpl, asked } = server(() => body(next, { etag: '"v2"' }), { [diffUrl]: () => body(update) });
    const service = createPackService(async () => db, fetchImpl);
    expect(await service.match(libraryArticle(25), () => false)).toEqual([]);
    expect(await service.checkUpdates()).toEqual([{ slot: installed.slot, name: META.name, outcome: 'updated', diff: { added: 10, changed: 2, removed: 5 } }]);
    expect(asked).toEqual([diffUrl]);
    const [after] = await listPacks(db);
    expect(after).toMatchObject({ slot: installed.slot, articles: 25, bytes: next.length, createdAt: '2026-12-01T00:00:00Z', origin: { kind: 'url', url: ADDRESS } });
    expect(after.origin).not.toHaveProperty('etag');
    expect((await service.match(libraryArticle(25), () => false))[0]).toMatchObject({ id: 'art-00025' });
    expect(await service.match(libraryArticle(2), () => false)).toEqual([]);

    // No diff from the new copy: the whole pack is asked for, and left after its header, which names the copy installed.
    asked.length = 0;
    expect(await service.checkUpdates()).toEqual([{ slot: installed.slot, name: META.name, outcome: 'unchanged' }]);
    expect(asked).toEqual([diffAddress(new URL(ADDRESS), after.checksum).href, ADDRESS]);
    const [checked] = await listPacks(db);
    expect(checked).toMatchObject({ generation: after.generation, origin: { etag: '"v2"' } });

    // The diff was online before the new version replaced the old file: the old one is no update.
    const stale = server(() => body(old, { etag: '"v1"' }));
    expect(await createPackService(async () => db, stale.fetchImpl).checkUpdates()).toEqual([{ slot: installed.slot, name: META.name, outcome: 'unchanged' }]);
    expect((await listPacks(db))[0]).toMatchObject({ generation: after.generation, articles: 25 });
  });

  it('a diff giving the copy installed (a release with the same entries) is not applied again at each check: the pack is unchanged', async () => {
    const { db, installed } = await setUp();
    // Republished with a new date and nothing else changed: the body, hence the checksum and
    // the diff's address, stay the same, so every later check finds this diff again.
    const same = encodePack({ ...META, createdAt: '2026-12-01T00:00:00Z' }, entries(0, 20));
    const diffUrl = diffAddress(new URL(ADDRESS), installed.checksum).href;
    const update = await encodeUpdate(pack(0, 20), same);
    const { fetchImpl, asked } = server(() => new Response(null, { status: 304 }), { [diffUrl]: () => body(update) });
    const service = createPackService(async () => db, fetchImpl);
    for (let check = 1; check <= 2; check++) {
      expect(await service.checkUpdates()).toEqual([{ slot: installed.slot, name: META.name, outcome: 'unchanged' }]);
    }
    expect(asked).toEqual([diffUrl, diffUrl]);
    const [after] = await listPacks(db);
    expect(after).toMatchObject({ generation: installed.generation, checksum: installed.checksum, origin: { etag: '"v1"' } });
  });

  it('two checks at once (the schedule and the button) run one after the other: the second finds the updated pack, downloads nothing whole and replaces nothing', async () => {
    const { db, installed } = await setUp();
    const next = encodePack({ ...META, createdAt: '2026-12-01T00:00:00Z' }, entries(0, 25));
    const diffUrl = diffAddress(new URL(ADDRESS), installed.checksum).href;
    const update = await encodeUpdate(pack(0, 20), next);
    const { fetchImpl, asked } = server(() => body(next, { etag: '"v2"' }), { [diffUrl]: () => body(update) });
    const service = createPackService(async () => db, fetchImpl);
    const [first, second] = await Promise.all([service.checkUpdates(), service.checkUpdates()]);
    expect(first).toEqual([{ slot: installed.slot, name: META.name, outcome: 'updated', diff: { added: 5, changed: 0, removed: 0 } }]);
    expect(second).toEqual([{ slot: installed.slot, name: META.name, outcome: 'unchanged' }]);
    const [after] = await listPacks(db);
    expect(after).toMatchObject({ articles: 25, origin: { etag: '"v2"' } });
    // The second check asked for the diff from the new copy (none), then read the pack's header only.
    expect(asked).toEqual([diffUrl, diffAddress(new URL(ADDRESS), after.checksum).href, ADDRESS]);
    expect(await db.count('entries')).toBe(25);
  });

  it('a diff that does not fit stops its download (it is not read to its end)', async () => {
    const { db, installed } = await setUp();
    const diffUrl = diffAddress(new URL(ADDRESS), installed.checksum).href;
    const misfit = await encodeUpdate(pack(50, 60), pack(50, 70));
    let cancelled = 0;
    const stream = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            // The header, and a body that never ends (a huge or stalled diff).
            controller.enqueue(misfit.slice());
          },
          cancel() {
            cancelled++;
          },
        }),
        { status: 200 },
      );
    const { fetchImpl } = server(() => new Response(null, { status: 304 }), { [diffUrl]: stream });
    const [report] = await createPackService(async () => db, fetchImpl).checkUpdates();
    expect(report).toMatchObject({ outcome: 'unchanged', diffError: expect.stringMatching(/made for another version of the pack/) });
    expect(cancelled).toBe(1);
    expect(await listPacks(db)).toMatchObject([{ generation: installed.generation }]);
  });

  it('a diff that does not apply (made from another pack, or refused by the server) is reported, and the whole pack is downloaded instead', async () => {
    const { db, installed } = await setUp();
    const next = encodePack(META, entries(10, 30));
    const diffUrl = diffAddress(new URL(ADDRESS), installed.checksum).href;
    const misfit = await encodeUpdate(pack(50, 60), pack(50, 70));
    for (const [diff, reason] of [
      [() => body(misfit), /\.diffs\/[0-9a-f]{8}\.pack: the update was made for another version of the pack/],
      [() => new Response('denied', { status: 500 }), /status 500/],
    ] as const) {
      const { fetchImpl } = server(() => body(next), { [diffUrl]: diff });
      const [report] = await createPackService(async () => db, fetchImpl).checkUpdates();
      expect(report).toMatchObject({ outcome: 'updated', diffError: expect.stringMatching(reason) });
      expect(report).not.toHaveProperty('diff');
      expect((await listPacks(db))[0]).toMatchObject({ articles: 20, checksum: await checksumOfPack(next) });
      // Back to the old pack for the next case (a full import, as when it was added).
      await importPack(db, [pack(0, 20)], { origin: { kind: 'url', url: ADDRESS }, replace: installed.slot });
    }
  });

  it('a server that cannot be reached (offline, or a redirect to a host the extension may not read) is reported with the address, and the installed pack is kept', async () => {
    const { db, installed } = await setUp();
    const diffUrl = diffAddress(new URL(ADDRESS), installed.checksum).href;
    const unreachable = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const [report] = await createPackService(async () => db, unreachable).checkUpdates();
    expect(report).toMatchObject({
      outcome: 'failed',
      diffError: `The server at ${diffUrl} could not be reached (Failed to fetch).`,
      error: `The server at ${ADDRESS} could not be reached (Failed to fetch).`,
    });
    expect(await listPacks(db)).toEqual([installed]);
  });

  it('a bad download or a server error is reported, and the installed pack is kept', async () => {
    const { db, installed } = await setUp();
    const truncated = pack(10, 30).subarray(0, 300);
    for (const response of [new Response(new Blob([truncated.slice()]), { status: 200 }), new Response('gone', { status: 404 })]) {
      const service = createPackService(async () => db, server(() => response).fetchImpl);
      const [report] = await service.checkUpdates();
      expect(report.outcome).toBe('failed');
      expect(report.error).toContain(ADDRESS);
      expect(await listPacks(db)).toEqual([installed]);
      expect(await db.count('entries')).toBe(20);
    }
  });
});

async function checksumOfPack(bytes: Uint8Array): Promise<string> {
  return (await openPack([bytes])).header.checksum;
}

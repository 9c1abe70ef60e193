/** Update checks of packs added from an address (fake fetch, fake-indexeddb): unchanged, replaced, failed; validators sent. */
import { describe, expect, it } from 'vitest';
import { libraryArticle } from '../../bench/engine-corpus';
import { createPackService } from '../../../lib/extension/pack-service';
import { encodePack } from '../../../lib/packs/pack';
import { importPack, listPacks } from '../../../lib/packs/store';
import { openPacksDb } from '../../../lib/packs/store-db';
import { entries, META, pack } from './helpers';

const ADDRESS = 'https://packs.example/desk.pack';
let count = 0;

/** A server for ADDRESS: answers with `respond`, records each request's headers. */
function server(respond: (headers: Headers) => Response) {
  const seen: Headers[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    expect(String(input)).toBe(ADDRESS);
    expect(init?.credentials).toBe('omit');
    const headers = new Headers(init?.headers);
    seen.push(headers);
    return respond(headers);
  }) as typeof fetch;
  return { fetchImpl, seen };
}

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
    const { fetchImpl } = server(() => new Response(new Blob([next.slice()]), { status: 200, headers: { etag: '"v2"', 'content-length': String(next.length) } }));
    const service = createPackService(async () => db, fetchImpl);
    expect(await service.match(libraryArticle(25), () => false)).toEqual([]);
    expect(await service.checkUpdates()).toEqual([{ slot: installed.slot, name: META.name, outcome: 'updated' }]);
    const [after] = await listPacks(db);
    expect(after).toMatchObject({ slot: installed.slot, articles: 20, createdAt: '2026-12-01T00:00:00Z', origin: { kind: 'url', url: ADDRESS, etag: '"v2"' } });
    expect((await service.match(libraryArticle(25), () => false))[0]).toMatchObject({ id: 'art-00025' });
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

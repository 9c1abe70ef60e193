/**
 * Packs in the background (fake browser, fake-indexeddb): pack matches beside the library's, an
 * article in both shown once (from the library), the page itself never taken for a copy, the
 * pack messages checked for shape and sender, and removal.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { libraryArticle } from '../../bench/engine-corpus';
import { createPackService } from '../../../lib/extension/pack-service';
import type { PackUpdateReport } from '../../../lib/packs/messages';
import { importPack } from '../../../lib/packs/store';
import { openPacksDb, type InstalledPack, type PacksDb } from '../../../lib/packs/store-db';
import type { PageArticle, TabResult } from '../../../lib/protocol';
import { fromPage, fromPopup, startTestBackground, valueOf, type TestBackground } from '../background/setup';
import { META, pack, spunCopy } from './helpers';

let count = 0;

describe('pack matches in the background', () => {
  let background: TestBackground;
  let db: PacksDb;
  let installed: InstalledPack;

  beforeEach(async () => {
    db = await openPacksDb(`background-packs-${++count}`);
    installed = await importPack(db, [pack(0, 200)], { origin: { kind: 'file', file: 'desk.pack' } });
    background = await startTestBackground({ packs: createPackService(async () => db) });
  });

  async function check(tabId: number, url: string, text: string, extra: Partial<PageArticle> = {}): Promise<TabResult | null> {
    const reply = await background.send({ type: 'page/article', article: { url, title: 'A page', text, ...extra } }, fromPage(tabId, url));
    expect(reply.ok).toBe(true);
    return valueOf<TabResult | null>(await background.send({ type: 'tab/result', tabId }, fromPopup));
  }

  it('a spun copy of a pack article names the article, its site and its pack; the badge shows it', async () => {
    const result = await check(1, 'https://copies.test/story', spunCopy(libraryArticle(42)));
    expect(result?.status).toBe('done');
    const done = result as Extract<TabResult, { status: 'done' }>;
    expect(done.matches).toEqual([]);
    expect(done.packMatches).toHaveLength(1);
    expect(done.packMatches![0]).toMatchObject({ id: 'art-00042', title: 'Story number 42', source: 'example.org', url: 'https://example.org/news/42', pack: META.name, slot: installed.slot, kind: 'spun' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('SPUN');
  });

  it('an unrelated page has no pack match', async () => {
    const result = (await check(2, 'https://other.test/', libraryArticle(5000))) as Extract<TabResult, { status: 'done' }>;
    expect(result.packMatches).toBeUndefined();
  });

  it('the pack article at its own address is the page itself, not a copy', async () => {
    const result = (await check(3, 'https://example.org/news/42', libraryArticle(42))) as Extract<TabResult, { status: 'done' }>;
    expect(result.packMatches).toBeUndefined();
    const viaCanonical = (await check(4, 'https://example.org/amp/42', libraryArticle(42), { canonicalUrl: 'https://example.org/news/42' })) as Extract<TabResult, { status: 'done' }>;
    expect(viaCanonical.packMatches).toBeUndefined();
  });

  it('an article both in a pack and in the library is shown once, from the library', async () => {
    const added = valueOf<{ id: string; added: boolean }>(
      await background.send({ type: 'library/add', title: 'Story number 42', text: libraryArticle(42), source: 'example.org', url: 'https://example.org/news/42' }, fromPopup),
    );
    expect(added.added).toBe(true);
    const result = (await check(5, 'https://copies.test/story', libraryArticle(42))) as Extract<TabResult, { status: 'done' }>;
    expect(result.matches.map((match) => match.entry.id)).toEqual([added.id]);
    expect(result.packMatches).toBeUndefined();
  });

  it('lists and removes packs through checked messages; a removed pack matches nothing', async () => {
    expect(valueOf<InstalledPack[]>(await background.send({ type: 'packs/list' }, fromPopup))).toEqual([installed]);
    // Only the extension's pages may manage packs, with the declared shape.
    expect((await background.send({ type: 'packs/remove', slot: installed.slot }, fromPage(9, 'https://evil.test/'))).ok).toBe(false);
    expect(await background.send({ type: 'packs/remove', slot: 42 }, fromPopup)).toEqual({ ok: false, error: 'Invalid message: slot must be a string.' });
    expect(valueOf(await background.send({ type: 'packs/remove', slot: installed.slot }, fromPopup))).toEqual({ removed: true });
    expect(valueOf<InstalledPack[]>(await background.send({ type: 'packs/list' }, fromPopup))).toEqual([]);
    const result = (await check(6, 'https://copies.test/story', spunCopy(libraryArticle(42)))) as Extract<TabResult, { status: 'done' }>;
    expect(result.packMatches).toBeUndefined();
  });

  it('picks up a pack a page installed once told the packs changed', async () => {
    // The worker's index is loaded on the first check.
    expect(((await check(10, 'https://copies.test/c', libraryArticle(42))) as Extract<TabResult, { status: 'done' }>).packMatches).toHaveLength(1);
    await importPack(db, [pack(300, 320)], { origin: { kind: 'file', file: 'more.pack' } });
    expect(((await check(7, 'https://copies.test/a', libraryArticle(310))) as Extract<TabResult, { status: 'done' }>).packMatches).toBeUndefined();
    expect(valueOf(await background.send({ type: 'packs/changed' }, fromPopup))).toEqual({ entries: 220 });
    expect(((await check(8, 'https://copies.test/b', libraryArticle(310))) as Extract<TabResult, { status: 'done' }>).packMatches?.[0].id).toBe('art-00310');
  });

  it('an update check reports packs added from a file as not updatable, and fetches nothing for them', async () => {
    const reports = valueOf<PackUpdateReport[]>(await background.send({ type: 'packs/check-updates' }, fromPopup));
    expect(reports).toEqual([{ slot: installed.slot, name: META.name, outcome: 'not-updatable' }]);
  });

  it("a pack store that fails does not hide the library's verdict", async () => {
    const broken = await startTestBackground({ packs: createPackService(async () => Promise.reject(new Error('the packs database is broken'))) });
    const added = valueOf<{ id: string }>(
      await broken.send({ type: 'library/add', title: 'Story number 42', text: libraryArticle(42), source: 'example.org', url: 'https://example.org/news/42' }, fromPopup),
    );
    const url = 'https://copies.test/broken';
    expect((await broken.send({ type: 'page/article', article: { url, title: 'A page', text: libraryArticle(42) } }, fromPage(11, url))).ok).toBe(true);
    const result = valueOf<TabResult>(await broken.send({ type: 'tab/result', tabId: 11 }, fromPopup)) as Extract<TabResult, { status: 'done' }>;
    expect(result.status).toBe('done');
    expect(result.matches.map((match) => match.entry.id)).toEqual([added.id]);
    expect(result.packMatches).toBeUndefined();
  });
});

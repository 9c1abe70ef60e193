/**
 * The background across service-worker restarts and under load: small per-tab results, a
 * full storage, checks a stopped worker left at "checking", private windows, learning that a
 * page cannot flood, and the same article opened at another address.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { showBadge } from '../../../lib/extension/badge';
import { createBackgroundHandlers, INTERRUPTED_MESSAGE, NO_ROOM_MESSAGE, type BackgroundDeps } from '../../../lib/extension/background-handlers';
import { LearningScheduler, type Timer } from '../../../lib/extension/learning-scheduler';
import { SEED_FILES } from '../../../lib/extension/seed-files';
import { COLD_START_MS, PageReports, forgetClosedTabs, pageHoldEvents, recheckInterrupted, watchTabs } from '../../../lib/extension/tab-lifecycle';
import { sessionTabResults, type TabResults } from '../../../lib/extension/tab-results';
import { openLibraryDb } from '../../../lib/library/db';
import { createLibraryHandlers } from '../../../lib/library/handlers';
import { seedEntry } from '../../../lib/library/seed';
import { LibraryService } from '../../../lib/library/service';
import { createMessageRouter } from '../../../lib/messaging/router';
import type { MessageSender } from '../../../lib/messaging/sender';
import type { PageArticle, Reply, StoredTabResult, TabResult } from '../../../lib/protocol';
import { learningSetting } from '../../../lib/settings';
import { fromPage, fromPopup, valueOf } from './setup';

const seed002 = seedEntry(SEED_FILES[2].fileName, SEED_FILES[2].content, '');
let databases = 0;

const ORCHARD = Array.from(
  { length: 6 },
  (_, i) => `Paragraph ${i}: volunteers of the allotment society planted fruit trees on the old goods yard beside the river, and the chair thanked neighbours who gave money, tools and a great many Saturday mornings to the work of clearing ballast from the ground.`,
).join('\n\n');

/** A timer the test fires by hand. */
function manualTimer() {
  const waiting = new Map<number, () => void>();
  let next = 0;
  const timer: Timer = {
    set: (run) => {
      waiting.set(++next, run);
      return next;
    },
    clear: (handle) => void waiting.delete(handle as number),
  };
  return { timer, fireAll: () => [...waiting.entries()].forEach(([key, run]) => (waiting.delete(key), run())), pending: () => waiting.size };
}

interface Worker {
  send(message: unknown, sender: MessageSender): Promise<Reply<unknown>>;
  requestScan: ReturnType<typeof vi.fn>;
}

/** One service worker's life: fresh memory, the same storage and library as the others. */
function startWorker(library: LibraryService, overrides: Partial<BackgroundDeps> = {}): Worker {
  const requestScan = vi.fn(async () => {});
  const handlers = createBackgroundHandlers({
    library: async () => library,
    settings: async () => (await import('../../../lib/settings')).loadSettings(),
    tabResults: sessionTabResults,
    showBadge,
    requestScan,
    showOnPage: async () => {
      throw new Error('No page to mark in unit tests.');
    },
    libraryHandlers: createLibraryHandlers(async () => library),
    ...overrides,
  });
  const route = createMessageRouter(handlers, { id: fakeBrowser.runtime.id, origin: fakeBrowser.runtime.getURL('/') });
  return { send: (message, sender) => route(message, sender), requestScan: (overrides.requestScan as ReturnType<typeof vi.fn>) ?? requestScan };
}

const privatePage = (tabId: number, url: string): MessageSender => {
  const sender = fromPage(tabId, url);
  return { ...sender, tab: { ...sender.tab!, incognito: true } };
};

function pageArticle(url: string, text: string, extra: Partial<PageArticle> = {}): PageArticle {
  return { url, title: 'A page', text, ...extra };
}

describe('the background across restarts and under load', () => {
  let library: LibraryService;

  beforeEach(async () => {
    fakeBrowser.reset();
    library = await LibraryService.open(await openLibraryDb(`lifecycle-test-${++databases}`), SEED_FILES);
  });

  const report = (worker: Worker, tabId: number, url: string, text: string, sender = fromPage(tabId, url), extra: Partial<PageArticle> = {}) =>
    worker.send({ type: 'page/article', article: pageArticle(url, text, extra) }, sender);
  const resultOf = async (worker: Worker, tabId: number) => valueOf<TabResult | null>(await worker.send({ type: 'tab/result', tabId }, fromPopup));
  const stored = (tabId: number) => sessionTabResults.get(tabId);

  it('keeps each tab’s stored result small: a 1 MB article’s text stays out of session storage', { timeout: 120_000 }, async () => {
    const worker = startWorker(library);
    const long = `${seed002.text}\n\n${ORCHARD.repeat(700)}`;
    expect(long.length).toBeGreaterThan(1_000_000);
    for (let tabId = 1; tabId <= 12; tabId++) valueOf(await report(worker, tabId, `https://copy${tabId}.test/a`, long));
    for (let tabId = 1; tabId <= 12; tabId++) {
      const kept = await stored(tabId);
      expect(kept?.status).toBe('done');
      expect(JSON.stringify(kept).length).toBeLessThan(50_000);
      // The popup still gets the text, from the worker's memory.
      const shown = await resultOf(worker, tabId);
      expect(shown?.status === 'done' && shown.text).toBe(long);
    }
  });

  it('shows the verdict on the badge and a plain error in the popup when storage refuses the result', async () => {
    const full: TabResults = {
      ...sessionTabResults,
      async set(tabId, result) {
        if (result.status === 'done') throw new Error('Session storage quota bytes exceeded');
        return sessionTabResults.set(tabId, result);
      },
    };
    const worker = startWorker(library, { tabResults: full });
    valueOf(await report(worker, 3, 'https://copy.test/a', seed002.text));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('COPY');
    expect(await resultOf(worker, 3)).toMatchObject({ status: 'error', error: NO_ROOM_MESSAGE });
  });

  it('a new worker recognises a check the stopped one left at “checking” and has the page read again', async () => {
    await sessionTabResults.set(4, { status: 'checking', url: 'https://news.test/a', at: 1 });
    await sessionTabResults.set(5, { status: 'not-article', url: 'https://news.test/b', at: 1 });
    const worker = startWorker(library);
    const lookAt = vi.fn((tabId: number) => worker.send({ type: 'tab/result', tabId }, fromPopup));
    await recheckInterrupted(sessionTabResults, lookAt);
    expect(lookAt.mock.calls.map(([tabId]) => tabId)).toEqual([4]);
    expect(worker.requestScan).toHaveBeenCalledWith(4, undefined);
    // The page reports again: the tab gets its verdict.
    valueOf(await report(worker, 4, 'https://news.test/a', seed002.text));
    expect((await stored(4))?.status).toBe('done');
  });

  it('when the page cannot be read again, the stale check becomes a plain error, not an endless “checking”', async () => {
    await sessionTabResults.set(6, { status: 'checking', url: 'https://news.test/a', at: 1 });
    const worker = startWorker(library, { requestScan: vi.fn(async () => Promise.reject(new Error('No tab with id: 6'))) });
    expect(await resultOf(worker, 6)).toMatchObject({ status: 'error', error: INTERRUPTED_MESSAGE });
  });

  it('a check in flight in this worker is not taken for a stale one', async () => {
    let release: () => void = () => {};
    const slow = new Promise<void>((done) => (release = done));
    const worker = startWorker(library, {
      library: async () => {
        await slow;
        return library;
      },
    });
    const reply = report(worker, 7, 'https://news.test/a', seed002.text);
    await vi.waitFor(async () => expect((await stored(7))?.status).toBe('checking'));
    expect((await resultOf(worker, 7))?.status).toBe('checking');
    expect(worker.requestScan).not.toHaveBeenCalled();
    release();
    valueOf(await reply);
    expect((await stored(7))?.status).toBe('done');
  });

  it('after a restart the page text is read again for the popup, and the result comes back with it', async () => {
    const before = startWorker(library);
    valueOf(await report(before, 8, 'https://copy.test/a', seed002.text));
    const after = startWorker(library);
    expect((await resultOf(after, 8))?.status).toBe('checking');
    expect(after.requestScan).toHaveBeenCalledWith(8, undefined);
    valueOf(await report(after, 8, 'https://copy.test/a', seed002.text));
    const shown = await resultOf(after, 8);
    expect(shown?.status === 'done' && shown.text).toBe(seed002.text);
  });

  describe('private windows', () => {
    it('records no recent match, learns nothing and refuses to add the page', async () => {
      await learningSetting.setValue({ enabled: true, excludedSites: [], cap: 100 });
      const clock = manualTimer();
      const worker = startWorker(library, { learning: new LearningScheduler(1, clock.timer) });
      const before = await library.stats();
      valueOf(await report(worker, 9, 'https://copy.test/private', seed002.text, privatePage(9, 'https://copy.test/private')));
      valueOf(await report(worker, 10, 'https://orchard.test/private', ORCHARD, privatePage(10, 'https://orchard.test/private')));
      clock.fireAll();
      await new Promise((done) => setTimeout(done, 50));
      expect(await library.recentMatches(seed002.id)).toEqual([]);
      expect(await library.stats()).toEqual(before);
      expect(await stored(9)).toMatchObject({ status: 'done', private: true });
      expect(await worker.send({ type: 'tab/add-to-library', tabId: 10 }, fromPopup)).toEqual({
        ok: false,
        error: 'Pages read in a private window are not saved to the library.',
      });
      // The same page in a normal window is recorded.
      valueOf(await report(worker, 11, 'https://copy.test/public', seed002.text));
      expect((await library.recentMatches(seed002.id)).map((match) => match.url)).toEqual(['https://copy.test/public']);
    });
  });

  describe('learning', () => {
    // Distinct articles (pseudo-random words): none shares a passage with another, so each may be learned.
    const variant = (n: number) => {
      let state = n * 7919 + 17;
      const word = () => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state.toString(36).slice(0, 3 + (state % 5));
      };
      return Array.from({ length: 4 }, () => `${Array.from({ length: 40 }, word).join(' ')}.`).join('\n\n');
    };

    it('a page rewriting its article and address learns nothing until one stays, then one article per visit', async () => {
      await learningSetting.setValue({ enabled: true, excludedSites: [], cap: 100 });
      const clock = manualTimer();
      const worker = startWorker(library, { learning: new LearningScheduler(10_000, clock.timer) });
      const learned = async () => (await library.stats()).byOrigin.learned;
      for (let n = 0; n < 40; n++) valueOf(await report(worker, 12, `https://spa.test/story/${n}`, variant(n)));
      // Each new article replaced the one waiting: one timer, nothing learned yet.
      expect(clock.pending()).toBe(1);
      expect(await learned()).toBe(0);
      clock.fireAll();
      await vi.waitFor(async () => expect(await learned()).toBe(1));
      expect((await library.list({ sort: 'added', limit: 10, origin: 'learned' })).items.map((entry) => entry.url)).toEqual(['https://spa.test/story/39']);
      // Same visit, another article that stays: not learned.
      valueOf(await report(worker, 12, 'https://spa.test/story/40', variant(40)));
      clock.fireAll();
      await new Promise((done) => setTimeout(done, 50));
      expect(await learned()).toBe(1);
      // A new visit (the tab loads another page) may teach one more.
      await sessionTabResults.clear(12);
      valueOf(await report(worker, 12, 'https://spa.test/story/41', variant(41)));
      clock.fireAll();
      await vi.waitFor(async () => expect(await learned()).toBe(2));
    });

    it('one site never evicts what was learned from the others', async () => {
      const settings = { enabled: true, excludedSites: [], cap: 10 };
      for (let n = 0; n < 5; n++) await library.learn(pageArticle(`https://site${n}.test/a`, variant(100 + n)), settings);
      for (let n = 0; n < 30; n++) await library.learn(pageArticle(`https://flood.test/story/${n}`, variant(n)), settings);
      const entries = (await library.list({ sort: 'added', limit: 100, origin: 'learned' })).items;
      const hosts = entries.map((entry) => new URL(entry.url!).hostname);
      expect(hosts.filter((host) => host !== 'flood.test').sort()).toEqual(['site0.test', 'site1.test', 'site2.test', 'site3.test', 'site4.test']);
      // The flooding site keeps only its share (a fifth of the cap), its newest.
      expect(hosts.filter((host) => host === 'flood.test')).toHaveLength(2);
      expect(entries.length).toBeLessThanOrEqual(10);
    });
  });

  describe('the same article at another address', () => {
    const added = async (url: string) => library.add({ title: 'Orchard', text: ORCHARD, source: 'Local', url, origin: 'page' });

    it.each([
      ['utm parameters', 'https://news.test/orchard?utm_source=feed&utm_medium=rss'],
      ['a fragment', 'https://news.test/orchard#comments'],
      ['a trailing slash', 'https://news.test/orchard/'],
    ])('%s: said quietly, no COPY badge', async (_what, address) => {
      const { id } = await added('https://news.test/orchard');
      const worker = startWorker(library);
      valueOf(await report(worker, 13, address, ORCHARD));
      const result = (await stored(13)) as Extract<StoredTabResult, { status: 'done' }>;
      expect(result.matches).toEqual([]);
      expect(result.inLibrary).toEqual({ id, title: 'Orchard' });
      expect(await fakeBrowser.action.getBadgeText({ tabId: 13 })).toBe('');
    });

    it('an AMP page naming its canonical twin on its own site is the same article; a canonical link to another site is not believed', async () => {
      await added('https://news.test/orchard');
      const worker = startWorker(library);
      valueOf(await report(worker, 14, 'https://amp.news.test/amp/9931', ORCHARD, undefined, { canonicalUrl: 'https://news.test/orchard' }));
      expect(await stored(14)).toMatchObject({ status: 'done', matches: [], inLibrary: { title: 'Orchard' } });
      valueOf(await report(worker, 15, 'https://copier.test/stolen', ORCHARD, undefined, { canonicalUrl: 'https://news.test/orchard' }));
      expect(await fakeBrowser.action.getBadgeText({ tabId: 15 })).toBe('COPY');
    });
  });

  describe('a "loading" handled slowly by a busy worker', () => {
    it('does not clear the "checking" of the new page that reported while it waited', async () => {
      fakeBrowser.reset();
      let clock = 0;
      const reports = new PageReports(() => clock);
      clock += COLD_START_MS; // a worker running for a while: "loading" events come in order
      const stored = new Map<number, StoredTabResult>();
      let readDone: () => void = () => {};
      const readGate = new Promise<void>((done) => (readDone = done));
      const results: TabResults = {
        ...sessionTabResults,
        // The worker is busy: the "loading" handler's read of the old result answers late.
        get: async (tabId) => {
          await readGate;
          return stored.get(tabId) ?? null;
        },
        set: async (tabId, result) => void stored.set(tabId, result),
        clear: async (tabId) => void stored.delete(tabId),
      };
      watchTabs(results, async () => {}, { reports });
      stored.set(5, { status: 'not-article', url: 'https://old.test/a', at: 1 });
      const loading = fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading' }, { id: 5 } as never);
      // The new page reports (as the 'page/article' handler does: marked, then "checking") before that read answers.
      reports.mark(5);
      await results.set(5, { status: 'checking', url: 'https://new.test/b', at: 2 });
      readDone();
      await loading;
      // Let the handler run to its end (it is not awaited by the event).
      for (let turn = 0; turn < 10; turn++) await new Promise((done) => setTimeout(done, 0));
      expect(stored.get(5)).toMatchObject({ status: 'checking', url: 'https://new.test/b' });
      // A "loading" with no report after it still clears the tab.
      await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading' }, { id: 5 } as never);
      await vi.waitFor(() => expect(stored.has(5)).toBe(false));
    });
  });

  describe('a loading page goes before an import', () => {
    it('holds it from the tab’s "loading" until a later report of that tab, whatever the report says', async () => {
      fakeBrowser.reset();
      const reports = new PageReports();
      const loading = vi.spyOn(library, 'pageLoading');
      const reported = vi.spyOn(library, 'pageReported');
      watchTabs(sessionTabResults, async () => {}, { reports, ...pageHoldEvents(async () => library, reports) });
      const worker = startWorker(library, { reports });
      valueOf(await report(worker, 8, 'https://other.test/a', seed002.text)); // report 1, another tab
      await fakeBrowser.tabs.onUpdated.trigger(4, { status: 'loading' }, { id: 4 } as never);
      await vi.waitFor(() => expect(loading).toHaveBeenCalledWith(4, 1));
      valueOf(await report(worker, 4, 'https://copy.test/a', seed002.text));
      valueOf(await worker.send({ type: 'page/not-article', url: 'https://news.test/index' }, fromPage(5, 'https://news.test/index')));
      valueOf(await worker.send({ type: 'page/skipped', url: 'https://news.test/x', why: 'excluded' }, fromPage(6, 'https://news.test/x')));
      await vi.waitFor(() => expect(reported.mock.calls.filter(([tabId]) => tabId !== 8)).toEqual([[4, 2], [5, 3], [6, 4]]));
      // A new tab's blank page (address hidden) becomes the extension's own page, whose address
      // the browser shows and which never reports: its hold ends at once.
      await fakeBrowser.tabs.onUpdated.trigger(9, { status: 'loading' }, { id: 9 } as never);
      await fakeBrowser.tabs.onUpdated.trigger(9, { status: 'loading', url: 'chrome-extension://id/options.html' }, { id: 9 } as never);
      await vi.waitFor(() => expect(reported).toHaveBeenLastCalledWith(9));
      expect(loading.mock.calls.filter(([tabId]) => tabId === 9)).toHaveLength(1);
      await fakeBrowser.tabs.onRemoved.trigger(7, { windowId: 1, isWindowClosing: false });
      await vi.waitFor(() => expect(reported).toHaveBeenLastCalledWith(7));
    });
  });

  describe('events of a cold start', () => {
    it('forgets the tabs closed while the worker slept, but not a tab that opened and reported while it looked', async () => {
      const open = await fakeBrowser.tabs.create({ url: 'https://news.test/open' });
      const checking = (url: string): StoredTabResult => ({ status: 'checking', url, at: 1 });
      await sessionTabResults.set(open.id!, checking('https://news.test/open'));
      await sessionTabResults.set(9_001, checking('https://news.test/closed'));
      await forgetClosedTabs(sessionTabResults);
      expect(await stored(open.id!)).not.toBeNull();
      expect(await stored(9_001)).toBeNull();
      // A tab that stores its result after the stored keys were read and after the open tabs
      // were listed is not among either: it stays.
      await sessionTabResults.keepOnly(async () => {
        await sessionTabResults.set(9_002, checking('https://news.test/new'));
        return new Set([open.id!]);
      });
      expect(await stored(9_002)).not.toBeNull();
      expect(await stored(open.id!)).not.toBeNull();
    });

    it('a "loading" handled after the tab reported to a starting worker is late; later ones are not', () => {
      let clock = 1_000;
      const reports = new PageReports(() => clock);
      expect(reports.isLateLoading(1)).toBe(false);
      reports.mark(1);
      expect(reports.isLateLoading(1)).toBe(true);
      expect(reports.isLateLoading(2)).toBe(false);
      clock += COLD_START_MS;
      expect(reports.isLateLoading(1)).toBe(false);
      reports.mark(2);
      expect(reports.isLateLoading(2)).toBe(false);
    });

    it('during a cold start, a check whose result a late "loading" cleared is still stored and badged', async () => {
      let release: () => void = () => {};
      const gate = new Promise<void>((done) => (release = done));
      const reports = new PageReports();
      const worker = startWorker(library, {
        reports,
        library: async () => {
          await gate;
          return library;
        },
      });
      const reply = report(worker, 16, 'https://copy.test/cold', seed002.text);
      await vi.waitFor(async () => expect((await stored(16))?.status).toBe('checking'));
      await sessionTabResults.clear(16);
      release();
      valueOf(await reply);
      expect((await stored(16))?.status).toBe('done');
      expect(await fakeBrowser.action.getBadgeText({ tabId: 16 })).toBe('COPY');
    });
  });
});

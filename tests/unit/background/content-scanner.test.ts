// @vitest-environment jsdom
/** The content script's scanner on a DOM: settings, late articles (bounded), SPA navigation. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startContentScanner, SPA_CHANGE_BOUNDS, SPA_RENDER_DELAY_MS } from '../../../lib/extension/content/content-scanner';
import { claimPage } from '../../../lib/extension/content/lifecycle';
import { MAX_PAGE_TEXT_CHARS } from '../../../lib/extract/tuning';
import { LATE_ARTICLE_DEBOUNCE_MS, LATE_ARTICLE_MAX_CHECKS } from '../../../lib/extension/content/late-article-watch';
import type { sendMessage } from '../../../lib/messaging/client';
import type { Settings } from '../../../lib/settings';
import { FERRY_ARTICLE, GARDEN_ARTICLE } from '../../e2e/pages/articles';
import { linkListPage, newsPage } from '../../e2e/pages/site-chrome';

type Sent = { type: string; payload: Record<string, unknown> };

function bodyOf(html: string): string {
  return /<body>([\s\S]*)<\/body>/.exec(html)![1];
}

const ARTICLE_BODY = bodyOf(newsPage({ site: 'Eastfield Gazette', ...GARDEN_ARTICLE }));
const LINKS_BODY = bodyOf(linkListPage('Eastfield Gazette', ['One headline', 'Another headline', 'A third headline']));

function start(settings: Pick<Settings, 'scanMode' | 'excludedSites'>, url = 'https://gazette.test/orchard', { loaded = true } = {}) {
  const sent: Sent[] = [];
  const locationListeners: Array<() => void> = [];
  const loadListeners: Array<() => void> = [];
  let currentUrl = url;
  const scanner = startContentScanner({
    document,
    currentUrl: () => currentUrl,
    loadSettings: async () => settings,
    send: (async (type: string, payload: Record<string, unknown>) => {
      sent.push({ type, payload });
      return null;
    }) as typeof sendMessage,
    host: {
      setTimeout: (handler, timeout) => setTimeout(handler, timeout) as unknown as number,
      clearTimeout: (id) => clearTimeout(id),
      now: () => performance.now(),
      requestIdleCallback: (callback) => setTimeout(callback, 0) as unknown as number,
      onLocationChange: (callback) => locationListeners.push(callback),
      afterLoad: (callback) => (loaded ? setTimeout(callback, 0) : loadListeners.push(callback)),
    },
  });
  return {
    scanner,
    sent,
    /** The page's load event. */
    load() {
      loadListeners.splice(0).forEach((listener) => listener());
    },
    navigate(to: string) {
      currentUrl = to;
      locationListeners.forEach((listener) => listener());
    },
  };
}

const types = (sent: Sent[]) => sent.map((message) => message.type);

describe('content scanner', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('sends the article when scanning is on (the background fingerprints it)', async () => {
    document.body.innerHTML = ARTICLE_BODY;
    const { sent } = start({ scanMode: 'all', excludedSites: [] });
    await vi.advanceTimersByTimeAsync(10);
    expect(types(sent)).toEqual(['page/article']);
    expect(Object.keys(sent[0].payload)).toEqual(['article']);
    const { article } = sent[0].payload as { article: { url: string; title: string; text: string } };
    expect(article.url).toBe('https://gazette.test/orchard');
    expect(article.title).toBe(GARDEN_ARTICLE.headline);
    expect(article.text).toContain(GARDEN_ARTICLE.paragraphs[3]);
    expect(article.text).not.toContain('Leave a reply');
  });

  it('waits for the page to load before its first scan', async () => {
    document.body.innerHTML = ARTICLE_BODY;
    const { sent, load } = start({ scanMode: 'all', excludedSites: [] }, undefined, { loaded: false });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toEqual([]);
    load();
    await vi.advanceTimersByTimeAsync(10);
    expect(types(sent)).toEqual(['page/article']);
  });

  it('says why it does not scan, and scans when asked', async () => {
    document.body.innerHTML = ARTICLE_BODY;
    const click = start({ scanMode: 'click', excludedSites: [] });
    const excluded = start({ scanMode: 'all-except', excludedSites: ['gazette.test'] });
    await vi.advanceTimersByTimeAsync(10);
    expect(click.sent).toEqual([{ type: 'page/skipped', payload: { url: 'https://gazette.test/orchard', why: 'click-to-scan' } }]);
    expect(excluded.sent).toEqual([{ type: 'page/skipped', payload: { url: 'https://gazette.test/orchard', why: 'excluded' } }]);
    click.scanner.scanNow();
    await vi.advanceTimersByTimeAsync(10);
    expect(types(click.sent)).toEqual(['page/skipped', 'page/article']);
  });

  it('reports a page without an article, then the article when it arrives late', async () => {
    document.body.innerHTML = LINKS_BODY;
    const { sent } = start({ scanMode: 'all', excludedSites: [] });
    await vi.advanceTimersByTimeAsync(10);
    expect(types(sent)).toEqual(['page/not-article']);
    document.body.innerHTML = ARTICLE_BODY;
    await vi.advanceTimersByTimeAsync(LATE_ARTICLE_DEBOUNCE_MS + 10);
    expect(types(sent)).toEqual(['page/not-article', 'page/article']);
  });

  it('stops watching after a few checks on a busy page without an article', async () => {
    document.body.innerHTML = LINKS_BODY;
    const { sent } = start({ scanMode: 'all', excludedSites: [] });
    await vi.advanceTimersByTimeAsync(10);
    for (let change = 0; change < LATE_ARTICLE_MAX_CHECKS; change++) {
      document.body.append(document.createElement('div'));
      await vi.advanceTimersByTimeAsync(LATE_ARTICLE_DEBOUNCE_MS + 10);
    }
    document.body.innerHTML = ARTICLE_BODY;
    await vi.advanceTimersByTimeAsync(LATE_ARTICLE_DEBOUNCE_MS * 5);
    expect(types(sent)).toEqual(['page/not-article']);
  });

  it('scans again when a single-page site changes its address', async () => {
    document.body.innerHTML = ARTICLE_BODY;
    const { sent, navigate } = start({ scanMode: 'all', excludedSites: [] });
    await vi.advanceTimersByTimeAsync(10);
    document.body.innerHTML = bodyOf(newsPage({ site: 'Eastfield Gazette', ...FERRY_ARTICLE }));
    navigate('https://gazette.test/ferry');
    await vi.advanceTimersByTimeAsync(SPA_RENDER_DELAY_MS + 10);
    expect(types(sent)).toEqual(['page/article', 'page/article']);
    const second = sent[1].payload as { article: { url: string; title: string } };
    expect(second.article).toMatchObject({ url: 'https://gazette.test/ferry', title: FERRY_ARTICLE.headline });
  });

  it('says a page is too large to check instead of reading it', async () => {
    document.body.innerHTML = `${ARTICLE_BODY}<section>${`<p>${'A reader comment that goes on and on. '.repeat(MAX_PAGE_TEXT_CHARS / 100)}</p>`.repeat(3)}</section>`;
    const { sent } = start({ scanMode: 'all', excludedSites: [] });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toEqual([{ type: 'page/too-large', payload: { url: 'https://gazette.test/orchard' } }]);
  });

  it('after a URL change, waits while the old story stays on screen and reports the new one', async () => {
    document.body.innerHTML = ARTICLE_BODY;
    const { sent, navigate } = start({ scanMode: 'all', excludedSites: [] });
    await vi.advanceTimersByTimeAsync(10);
    navigate('https://gazette.test/ferry');
    // The site shows a progress bar above the old story while it fetches the new one.
    document.body.insertAdjacentHTML('afterbegin', '<div class="progress">Loading…</div>');
    await vi.advanceTimersByTimeAsync(SPA_RENDER_DELAY_MS + 2_000);
    expect(types(sent)).toEqual(['page/article']);
    document.body.innerHTML = bodyOf(newsPage({ site: 'Eastfield Gazette', ...FERRY_ARTICLE }));
    await vi.advanceTimersByTimeAsync(SPA_CHANGE_BOUNDS.debounceMs + 10);
    expect(types(sent)).toEqual(['page/article', 'page/article']);
    expect((sent[1].payload as { article: { url: string; title: string } }).article).toMatchObject({ url: 'https://gazette.test/ferry', title: FERRY_ARTICLE.headline });
  });

  it('after a URL change to the same story, reports it for the new address once the watch ends', async () => {
    document.body.innerHTML = ARTICLE_BODY;
    const { sent, navigate } = start({ scanMode: 'all', excludedSites: [] });
    await vi.advanceTimersByTimeAsync(10);
    navigate('https://gazette.test/orchard?page=2');
    await vi.advanceTimersByTimeAsync(SPA_RENDER_DELAY_MS + SPA_CHANGE_BOUNDS.watchMs / 2);
    expect(types(sent)).toEqual(['page/article']);
    await vi.advanceTimersByTimeAsync(SPA_CHANGE_BOUNDS.watchMs);
    expect(types(sent)).toEqual(['page/article', 'page/article']);
    expect((sent[1].payload as { article: { url: string } }).article.url).toBe('https://gazette.test/orchard?page=2');
  });
});

describe('content script lifecycle', () => {
  it('retires the script that held the page when a new one claims it, and only through the isolated world', () => {
    const isolatedWorld = {};
    const first = claimPage(isolatedWorld, () => true);
    const retired = vi.fn();
    first.onRetire(retired);
    expect(first.alive).toBe(true);
    const second = claimPage(isolatedWorld, () => true);
    expect(retired).toHaveBeenCalledOnce();
    expect([first.alive, second.alive]).toEqual([false, true]);
  });

  it('retires itself once its extension is gone (reloaded, updated or removed)', () => {
    let extensionAlive = true;
    const lifecycle = claimPage({}, () => extensionAlive);
    const retired = vi.fn();
    lifecycle.onRetire(retired);
    extensionAlive = false;
    expect(lifecycle.alive).toBe(false);
    expect(retired).toHaveBeenCalledOnce();
  });
});

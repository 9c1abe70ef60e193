/**
 * The background's answer to every message of the protocol, in one object. It holds no
 * browser calls of its own: storage, badge, library and settings come in as dependencies,
 * so unit tests drive it with fakes and the real wiring stays in entrypoints/background.ts.
 */
import type { LibraryEntry } from '../library/types';
import type { LibraryMessages } from '../library/messages';
import type { BackgroundHandlers, PageHandlers } from '../messaging/handlers';
import type { HighlightPlan, HighlightReport, MatchView, PageArticle, PageFingerprint, TabResult } from '../protocol';
import type { Settings } from '../settings';
import type { MatchOptions } from '../core/engine';
import type { SourceText } from '../core/types';
import { buildHighlightPlan } from './highlight-request';
import type { TabResults } from './tab-results';

/** What the background needs from the library (lib/library/service.ts provides it). */
export interface BackgroundLibrary {
  match(page: SourceText, fingerprint?: PageFingerprint, options?: MatchOptions): Promise<MatchView[]>;
  add(input: Pick<LibraryEntry, 'title' | 'text' | 'source' | 'url' | 'publishedAt' | 'origin'>): Promise<{ id: string; added: boolean }>;
  getEntry(id: string): Promise<LibraryEntry | undefined>;
  recordMatches(page: { url: string; title: string }, matches: Array<Pick<MatchView, 'id' | 'kind' | 'direction'>>): Promise<void>;
  learn(article: PageArticle, settings: Settings['learning']): Promise<unknown>;
}

export interface BackgroundDeps {
  library(): Promise<BackgroundLibrary>;
  settings(): Promise<Settings>;
  tabResults: TabResults;
  showBadge(tabId: number, result: TabResult | null, enabled: boolean): Promise<void>;
  /** Asks the tab's content script to scan now (injecting it first if it is not there). */
  requestScan(tabId: number): Promise<void>;
  /** Hands a highlight plan to the tab's content script (lib/extension/highlight-request). */
  showOnPage(tabId: number, plan: HighlightPlan): Promise<HighlightReport>;
  libraryHandlers: Pick<PageHandlers, keyof LibraryMessages>;
  now?: () => number;
}

/** A short label for where a page came from: its site name, else its host. */
function sourceLabel(url: string, siteName: string | undefined): string {
  if (siteName?.trim()) return siteName.trim();
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return 'Web page';
  }
}

/**
 * The page's address. The browser's word for it (`sender.url`) stays the address the document
 * was loaded at, so after a single-page site's pushState only the page knows the current one;
 * pushState cannot leave the document's origin, so the page's claim is taken within it only.
 */
function pageUrl(claimed: string, reported: string): string {
  try {
    return new URL(claimed).origin === new URL(reported).origin ? claimed : reported;
  } catch {
    return reported;
  }
}

export function createBackgroundHandlers(deps: BackgroundDeps): BackgroundHandlers {
  const now = deps.now ?? Date.now;

  async function settle(tabId: number, result: TabResult): Promise<void> {
    await deps.tabResults.set(tabId, result);
    const { showBadge } = await deps.settings();
    await deps.showBadge(tabId, result, showBadge);
  }

  /** True while the tab still shows the page this check started for (no navigation since). */
  async function stillChecking(tabId: number, url: string, startedAt: number): Promise<boolean> {
    const current = await deps.tabResults.get(tabId);
    return current?.status === 'checking' && current.url === url && current.at === startedAt;
  }

  /** Bookkeeping after a verdict; its failure must not turn a shown verdict into an error. */
  async function afterMatch(library: BackgroundLibrary, settings: Settings, article: PageArticle, matches: MatchView[]) {
    try {
      if (matches.length > 0) await library.recordMatches({ url: article.url, title: article.title }, matches);
      // A page that copies a library article adds nothing new: learning it would only make
      // a second source for the same text.
      const copiesSomething = matches.some((match) => match.direction === 'copies');
      if (settings.learning.enabled && !copiesSomething) await library.learn(article, settings.learning);
    } catch (error) {
      console.warn('Recycled News: could not record or learn', article.url, error);
    }
  }

  return {
    ...deps.libraryHandlers,

    async 'page/article'({ article, fingerprint }, from) {
      const url = pageUrl(article.url, from.url);
      const startedAt = now();
      await deps.tabResults.set(from.tabId, { status: 'checking', url, at: startedAt });
      let matches: MatchView[];
      let settings: Settings;
      let library: BackgroundLibrary;
      try {
        [library, settings] = await Promise.all([deps.library(), deps.settings()]);
        const page = { id: url, title: article.title, text: article.text, publishedAt: article.publishedAt };
        matches = await library.match(page, fingerprint, { sensitivity: settings.sensitivity });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await settle(from.tabId, { status: 'error', url, at: now(), error: message });
        throw error;
      }
      const flagged = matches.length > 0;
      if (!(await stillChecking(from.tabId, url, startedAt))) return { flagged };
      const { title, siteName, byline, publishedAt } = article;
      await settle(from.tabId, { status: 'done', url, at: now(), article: { title, siteName, byline, publishedAt }, text: article.text, matches });
      await afterMatch(library, settings, { ...article, url }, matches);
      return { flagged };
    },

    async 'page/not-article'({ url }, from) {
      await settle(from.tabId, { status: 'not-article', url: pageUrl(url, from.url), at: now() });
      return null;
    },

    async 'page/skipped'({ url, why }, from) {
      await settle(from.tabId, { status: 'disabled', url: pageUrl(url, from.url), at: now(), why });
      return null;
    },

    async 'tab/result'({ tabId }) {
      return deps.tabResults.get(tabId);
    },

    async 'tab/scan'({ tabId }) {
      // Shown as "checking" at once, so the popup follows the scan it asked for.
      const previous = await deps.tabResults.get(tabId);
      await deps.tabResults.set(tabId, { status: 'checking', url: previous?.url ?? '', at: now() });
      try {
        await deps.requestScan(tabId);
      } catch (error) {
        if (previous) await deps.tabResults.set(tabId, previous);
        else await deps.tabResults.clear(tabId);
        throw error;
      }
      return null;
    },

    async 'tab/add-to-library'({ tabId }) {
      const result = await deps.tabResults.get(tabId);
      if (result?.status !== 'done') throw new Error('This page holds no article to add.');
      const library = await deps.library();
      return library.add({
        title: result.article.title,
        text: result.text,
        source: sourceLabel(result.url, result.article.siteName),
        url: result.url,
        publishedAt: result.article.publishedAt,
        origin: 'page',
      });
    },

    async 'library/source-text'({ id }) {
      const library = await deps.library();
      return (await library.getEntry(id))?.text ?? null;
    },

    async 'tab/highlight'({ tabId, matchId }) {
      const result = await deps.tabResults.get(tabId);
      const match = result?.status === 'done' ? result.matches.find((candidate) => candidate.id === matchId) : undefined;
      if (result?.status !== 'done' || !match) throw new Error('This page has no such match any more: look at the popup again.');
      const library = await deps.library();
      const sourceText = (await library.getEntry(matchId))?.text ?? null;
      return deps.showOnPage(tabId, buildHighlightPlan(result, match, sourceText));
    },
  } satisfies BackgroundHandlers;
}

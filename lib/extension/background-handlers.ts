/**
 * The background's answer to every message of the protocol, in one object. It holds no
 * browser calls of its own: storage, badge, library and settings come in as dependencies,
 * so unit tests drive it with fakes and the real wiring stays in entrypoints/background.ts.
 *
 * Lifecycle: a check is "in flight" only in the worker that started it. A tab left at
 * "checking" by a worker that stopped (MV3 stops idle workers, and browsers restart them) is
 * recognised by the next worker, which asks the page to be read again; so is a finished
 * check whose page text (kept in memory, see page-texts.ts) went with the old worker.
 */
import { t } from '../i18n';
import type { LibraryEntry } from '../library/types';
import type { LibraryMessages } from '../library/messages';
import { shouldLearn } from '../library/learning';
import type { BackgroundHandlers, ContentSender, PageHandlers } from '../messaging/handlers';
import type { DoneTabResult, HighlightPlan, HighlightReport, MatchView, PageArticle, StoredTabResult } from '../protocol';
import type { Settings } from '../settings';
import type { MatchOptions } from '../core/engine';
import type { SourceText } from '../core/types';
import { LearningScheduler } from './learning-scheduler';
import { pageUrl, sourceLabel, trustedCanonical } from './page-address';
import { PageTexts } from './page-texts';
import type { PageReports } from './tab-lifecycle';
import { buildHighlightPlan } from './highlight-request';
import type { TabResults } from './tab-results';
import { detectSpin } from '../spin';
import { getPacksDb } from './pack-access';
import { packMatchesFor } from './pack-results';
import { createPackService, type PackService } from './pack-service';
import type { PackMatchView } from '../packs/messages';

/** What the background needs from the library (lib/library/service.ts provides it). */
export interface BackgroundLibrary {
  /** `alsoAt`: other addresses of the page (its canonical URL): entries saved from them come back `sameAddress`. */
  match(page: SourceText, options?: MatchOptions, alsoAt?: readonly string[]): Promise<MatchView[]>;
  add(input: Pick<LibraryEntry, 'title' | 'text' | 'source' | 'url' | 'publishedAt' | 'origin'>): Promise<{ id: string; added: boolean }>;
  getEntry(id: string): Promise<LibraryEntry | undefined>;
  recordMatches(page: { url: string; title: string }, matches: Array<Pick<MatchView, 'id' | 'kind' | 'direction'>>): Promise<void>;
  learn(article: PageArticle, settings: Settings['learning']): Promise<unknown>;
  /** A page of tab `tabId` is checked or has nothing to check (`report`: its report's number,
   *  PageReports.mark): an import held back while it loaded goes on (LibraryService.pageLoading). */
  pageReported?(tabId: number, report?: number): void;
}

export interface BackgroundDeps {
  library(): Promise<BackgroundLibrary>;
  settings(): Promise<Settings>;
  tabResults: TabResults;
  showBadge(tabId: number, result: StoredTabResult | null, enabled: boolean): Promise<void>;
  /** Asks the tab's content script to scan now (injecting it first if it is not there). */
  requestScan(tabId: number, force?: boolean): Promise<void>;
  /** Hands a highlight plan to the tab's content script (lib/extension/highlight-request). */
  showOnPage(tabId: number, plan: HighlightPlan): Promise<HighlightReport>;
  libraryHandlers: Pick<PageHandlers, keyof LibraryMessages>;
  now?: () => number;
  /** Where page texts are kept (a fresh store per worker by default). */
  pageTexts?: PageTexts;
  /** When read articles are learned (after LEARN_AFTER_MS by default). */
  learning?: LearningScheduler;
  /** When tabs' pages reported, for the "loading" handler (see tab-lifecycle.ts). */
  reports?: PageReports;
  /** Installed fingerprint packs (the packs database of this context by default). */
  packs?: PackService;
}


/** How long a scan the popup asked for may take to report before its "checking" counts as stale. */
export const SCAN_ANSWER_MS = 20_000;

export const INTERRUPTED_MESSAGE = t('errorCheckInterrupted');
export const NO_ROOM_MESSAGE = t('errorNoRoom');

export function createBackgroundHandlers(deps: BackgroundDeps): BackgroundHandlers {
  const now = deps.now ?? Date.now;
  const pageTexts = deps.pageTexts ?? new PageTexts();
  const learning = deps.learning ?? new LearningScheduler();
  const packs = deps.packs ?? createPackService(getPacksDb);
  /** Checks running in this worker: tab id → when the check started. */
  const inFlight = new Map<number, number>();
  /** Scans this worker asked a page for: tab id → when. */
  const scansAsked = new Map<number, number>();

  /** Lets an import held back by a tab's loading page go on once that page is done (checked or
   *  not); `report` (the report's number) keeps a late report of the page before from counting. */
  function pageDone(tabId: number, report?: number): void {
    deps.library().then((library) => library.pageReported?.(tabId, report), () => undefined);
  }

  /** Badge first: it needs no storage, so a full storage never hides a verdict. */
  async function settle(tabId: number, result: StoredTabResult): Promise<void> {
    const enabled = await deps.settings().then((settings) => settings.showBadge, () => true);
    await deps.showBadge(tabId, result, enabled).catch((error: unknown) => console.warn('Recycled News: badge', error));
    try {
      await deps.tabResults.set(tabId, result);
    } catch (error) {
      console.warn('Recycled News: could not keep the result of tab', tabId, error);
      // A plain error in place of an endless "checking" (itself small enough to fit if anything does).
      await deps.tabResults.set(tabId, { status: 'error', url: result.url, at: result.at, error: NO_ROOM_MESSAGE });
    }
  }

  /** True while the tab still shows the page this check started for (no navigation since). */
  async function stillShown(tabId: number, url: string, at: number, status: StoredTabResult['status']): Promise<boolean> {
    const current = await deps.tabResults.get(tabId);
    return current?.status === status && current.url === url && current.at === at;
  }

  /** A "checking" no check of this worker will ever settle. */
  function isStale(tabId: number, result: StoredTabResult | null): boolean {
    if (result?.status !== 'checking' || inFlight.has(tabId)) return false;
    const asked = scansAsked.get(tabId);
    return asked === undefined || now() - asked > SCAN_ANSWER_MS;
  }

  /** Asks the tab's page to be read again; shown as "checking" at once so the popup follows it. */
  async function rescan(tabId: number, previous: StoredTabResult | null, force?: boolean): Promise<void> {
    const at = now();
    scansAsked.set(tabId, at);
    await deps.tabResults.set(tabId, { status: 'checking', url: previous?.url ?? '', at });
    try {
      await deps.requestScan(tabId, force);
    } catch (error) {
      scansAsked.delete(tabId);
      if (previous && previous.status !== 'checking') await deps.tabResults.set(tabId, previous);
      else if (previous) await deps.tabResults.set(tabId, { status: 'error', url: previous.url, at: now(), error: INTERRUPTED_MESSAGE });
      else await deps.tabResults.clear(tabId);
      throw error;
    }
  }

  /** Bookkeeping after a verdict (never for a private window); its failure must not turn a shown verdict into an error. */
  async function afterMatch(library: BackgroundLibrary, settings: Settings, tabId: number, article: PageArticle, result: DoneTabResult) {
    try {
      const { matches } = result;
      if (matches.length > 0) await library.recordMatches({ url: article.url, title: article.title }, matches);
    } catch (error) {
      console.warn('Recycled News: could not record the matches of', article.url, error);
    }
    // A page that copies a library or pack article adds nothing new: learning it would only make
    // a second source for the same text.
    const copiesSomething = result.matches.some((match) => match.direction === 'copies') || result.packMatches !== undefined;
    if (copiesSomething || result.inLibrary || !shouldLearn(article.url, article.text, settings.learning)) return;
    learning.offer(tabId, async () => {
      if (!(await stillShown(tabId, result.url, result.at, 'done')) || (await deps.tabResults.learnedThisVisit(tabId))) return;
      const current = (await deps.settings()).learning;
      await library.learn(article, current);
      await deps.tabResults.markLearned(tabId);
    });
  }

  async function check({ article }: { article: PageArticle }, from: ContentSender, startedAt: number) {
    const url = pageUrl(article.url, from.url);
    const privately = from.incognito ? ({ private: true } as const) : {};
    await deps.tabResults.set(from.tabId, { status: 'checking', url, at: startedAt });
    let matches: MatchView[];
    let settings: Settings;
    let library: BackgroundLibrary;
    const canonical = trustedCanonical(article.canonicalUrl, url);
    try {
      [library, settings] = await Promise.all([deps.library(), deps.settings()]);
      const page = { id: url, title: article.title, text: article.text, publishedAt: article.publishedAt };
      matches = await library.match(page, { sensitivity: settings.sensitivity }, canonical ? [canonical] : []);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await settle(from.tabId, { status: 'error', url, at: now(), error: message, ...privately });
      throw error;
    }
    // Packs come second: a pack store that fails must not hide the library's verdict.
    let packMatches: PackMatchView[] = [];
    const known = library;
    try {
      packMatches = await packMatchesFor(packs, {
        text: article.text,
        addresses: canonical ? [url, canonical] : [url],
        libraryMatches: matches,
        inLibrary: async (id) => (await known.getEntry(id)) !== undefined,
      });
    } catch (error) {
      console.warn('Recycled News: could not match the installed packs', error);
    }
    const same = matches.find((match) => match.sameAddress);
    const others = matches.filter((match) => !match.sameAddress);
    // Another check of the tab since (a newer page, or a rescan) wins, and a result cleared by a
    // navigation is dropped; except during a cold start, when the browser may deliver the tab's
    // "loading" after the report of the page that loaded (queued events come in any order), and
    // dropping the result left the tab unchecked (issue 12).
    const current = await deps.tabResults.get(from.tabId);
    const ours = current?.status === 'checking' && current.url === url && current.at === startedAt;
    const flagged = others.length > 0 || packMatches.length > 0;
    if (!ours && !(current === null && deps.reports?.isLateLoading(from.tabId))) return { flagged };
    const { title, siteName, byline, publishedAt } = article;
    // The hint reads the text alone, library match or not (a reader rarely has the source).
    const spin = detectSpin(article.text, settings.spinHint);
    const result: DoneTabResult = {
      status: 'done',
      url,
      at: now(),
      article: { title, siteName, byline, publishedAt },
      matches: others,
      ...(same ? { inLibrary: { id: same.entry.id, title: same.entry.title } } : {}),
      ...privately,
      spin,
      ...(packMatches.length > 0 ? { packMatches } : {}),
    };
    pageTexts.set(from.tabId, result.at, article.text);
    await settle(from.tabId, result);
    if (!from.incognito) await afterMatch(library, settings, from.tabId, { ...article, url }, result);
    return { flagged };
  }

  return {
    ...deps.libraryHandlers,
    ...packs.handlers,

    async 'page/article'(request, from) {
      // Marked before any await: a worker woken by this message must not take it for a stale check.
      const startedAt = now();
      inFlight.set(from.tabId, startedAt);
      const report = deps.reports?.mark(from.tabId);
      scansAsked.delete(from.tabId);
      try {
        return await check(request, from, startedAt);
      } finally {
        if (inFlight.get(from.tabId) === startedAt) inFlight.delete(from.tabId);
        pageDone(from.tabId, report);
      }
    },

    async 'page/not-article'({ url }, from) {
      const report = deps.reports?.mark(from.tabId);
      scansAsked.delete(from.tabId);
      pageDone(from.tabId, report);
      await settle(from.tabId, { status: 'not-article', url: pageUrl(url, from.url), at: now() });
      return null;
    },

    async 'page/too-large'({ url }, from) {
      pageDone(from.tabId, deps.reports?.mark(from.tabId));
      await settle(from.tabId, { status: 'too-large', url: pageUrl(url, from.url), at: now() });
      return null;
    },

    async 'page/skipped'({ url, why }, from) {
      const report = deps.reports?.mark(from.tabId);
      scansAsked.delete(from.tabId);
      pageDone(from.tabId, report);
      await settle(from.tabId, { status: 'disabled', url: pageUrl(url, from.url), at: now(), why });
      return null;
    },

    async 'tab/result'({ tabId }) {
      let stored = await deps.tabResults.get(tabId);
      const textGone = stored?.status === 'done' && pageTexts.get(tabId, stored.at) === undefined;
      if (isStale(tabId, stored) || textGone) {
        // A check the old worker never finished, or whose page text went with it: read the page again.
        try {
          await rescan(tabId, stored);
          stored = await deps.tabResults.get(tabId);
        } catch {
          stored = await deps.tabResults.get(tabId);
        }
      }
      return stored?.status === 'done' ? { ...stored, text: pageTexts.get(tabId, stored.at) ?? '' } : stored;
    },

    async 'tab/scan'({ tabId, force }) {
      await rescan(tabId, await deps.tabResults.get(tabId), force);
      return null;
    },

    async 'tab/add-to-library'({ tabId }) {
      const result = await deps.tabResults.get(tabId);
      if (result?.status !== 'done') throw new Error(t('errorNoArticleToAdd'));
      if (result.private) throw new Error(t('errorPrivateNotSaved'));
      const text = pageTexts.get(tabId, result.at);
      if (text === undefined) throw new Error(t('errorTextGone'));
      const library = await deps.library();
      return library.add({
        title: result.article.title,
        text,
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
      if (result?.status !== 'done' || !match) throw new Error(t('errorMatchGone'));
      // The offsets point into the page text, which lives in this worker's memory only.
      const text = pageTexts.get(tabId, result.at);
      if (text === undefined) throw new Error(t('errorShowRestarted'));
      const library = await deps.library();
      const sourceText = (await library.getEntry(matchId))?.text ?? null;
      return deps.showOnPage(tabId, buildHighlightPlan({ ...result, text }, match, sourceText));
    },
  } satisfies BackgroundHandlers;
}

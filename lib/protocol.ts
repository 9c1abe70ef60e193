/**
 * Every message between the extension's contexts, declared once, one map per direction.
 * Payloads are plain serializable data. Replies are always a `Reply<T>`.
 *
 * Content scripts may only send `ContentToBackground` messages; extension pages (popup,
 * options) may send `PageToBackground` messages. The background checks both the shape of
 * each message and who sent it (see entrypoints/background and lib/messaging).
 */
import type { Match } from './core/types';
import type { ExtractedArticle } from './extract/types';
import type { LibraryEntry } from './library/types';
import type { LibraryMessages } from './library/messages';
import type { PackMessages, PackMatchView } from './packs/messages';
import type { SpinHint } from './spin/types';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** What the content script extracted from a page (lib/extract's result) and where: only what the background needs. */
export interface PageArticle extends ExtractedArticle {
  url: string;
  /** The page's `<link rel="canonical">` address, when it names one (an AMP page names its twin). */
  canonicalUrl?: string;
}

/** A library match, with what the popup shows about the library article. */
export interface MatchView extends Match {
  entry: Pick<LibraryEntry, 'id' | 'title' | 'source' | 'url' | 'publishedAt' | 'origin'>;
  /** The library article was saved from this very address (or its canonical twin): the same article, not a copy. */
  sameAddress?: true;
  /** The library article's text was dropped to reclaim space: judged from its kept fingerprints
   *  (lib/library/textless-match.ts), with no passages and no swapped words. */
  textDropped?: true;
}

/** A finished check as kept per tab (in `storage.session`): small, without the page's text. */
export interface DoneTabResult {
  status: 'done';
  url: string;
  at: number;
  article: Pick<PageArticle, 'title' | 'siteName' | 'byline' | 'publishedAt'>;
  matches: MatchView[];
  /** The library holds this very article, saved from this address (or its canonical twin). */
  inLibrary?: { id: string; title: string };
  /** Read in a private window: nothing of it may be written to the library. */
  private?: true;
  /** The spin hint from the page's text alone (lib/spin), at the user's setting; evidence offsets are into
   *  the page text. Absent in results stored by an older version. */
  spin?: SpinHint;
  /** Matches from installed fingerprint packs (lib/packs), without the articles in the library; absent when none. */
  packMatches?: PackMatchView[];
}

/** A tab's state as kept in `storage.session` (at most a few KB each: its quota is ~10 MB). */
export type StoredTabResult =
  | { status: 'checking'; url: string; at: number }
  | { status: 'not-article'; url: string; at: number }
  /** Beyond the content script's caps (lib/extract/page-size): not checked, and said so. */
  | { status: 'too-large'; url: string; at: number }
  | { status: 'disabled'; url: string; at: number; why: string }
  | { status: 'error'; url: string; at: number; error: string; private?: true }
  | DoneTabResult;

/** A tab's state as the popup receives it: a finished check comes with the page's text. */
export type TabResult =
  | Exclude<StoredTabResult, DoneTabResult>
  | (DoneTabResult & {
      /** Page text as analysed: lets the popup show shared passages side by side. */
      text: string;
    });

/** Why a page was not scanned: the site is excluded, or scanning waits for a click. */
export type SkipReason = 'excluded' | 'click-to-scan';

/** Messages a content script may send. */
export interface ContentToBackground {
  /** The background fingerprints the text (its code is warm there; in the page it would run cold, on the page's main thread). */
  'page/article': { request: { article: PageArticle }; response: { flagged: boolean } };
  'page/not-article': { request: { url: string }; response: null };
  /** The page is too large to check (lib/extract/page-size); nothing of it is sent. */
  'page/too-large': { request: { url: string }; response: null };
  'page/skipped': { request: { url: string; why: SkipReason }; response: null };
}

/** Characters [start, end) of a page's analysed text (the text the engine matched). */
export interface TextSpan {
  start: number;
  end: number;
}

/** What "Show on the page" marks for one match: offsets into the text the page was analysed as. */
export interface HighlightPlan {
  matchId: string;
  title: string;
  kind: MatchView['kind'];
  direction: MatchView['direction'];
  /** The page's text as analysed: every span indexes it. */
  text: string;
  /** Shared passages, in page order. */
  passages: TextSpan[];
  /** Swapped wording on the page, with the library article's wording at that place. */
  swaps: Array<TextSpan & { other: string }>;
}

/** How much of a plan could be marked on the page (a passage is "partly" found when some of its paragraphs are not). */
export interface HighlightReport {
  /** False when the request turned highlighting off (the shortcut toggles). */
  shown: boolean;
  passages: number;
  found: number;
  partly: number;
  missing: number;
  swaps: number;
  swapsFound: number;
}

/** Messages the background sends to a tab's content script. */
export interface BackgroundToContent {
  /** The user asked for this page to be scanned (click-to-scan mode, or a re-check). */
  'content/scan': { request: { force?: boolean }; response: null };
  /** The user asked to see a match on the page (`toggle`: turn it off instead when it is already shown). */
  'content/highlight': { request: { plan: HighlightPlan; toggle?: boolean }; response: HighlightReport };
}

/** Messages an extension page (popup, options) may send. */
export interface PageToBackground extends LibraryMessages, PackMessages {
  'tab/result': { request: { tabId: number }; response: TabResult | null };
  /** `force`: read the page even if it does not look like an article ("Check this page anyway"). */
  'tab/scan': { request: { tabId: number; force?: boolean }; response: null };
  'tab/add-to-library': { request: { tabId: number }; response: { id: string; added: boolean } };
  'library/source-text': { request: { id: string }; response: string | null };
  /** "Show on the page": mark the match's passages and swaps in the tab. */
  'tab/highlight': { request: { tabId: number; matchId: string }; response: HighlightReport };
}

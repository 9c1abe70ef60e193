/**
 * "Show on the page" in the background: turns a tab's match into a highlight plan (passages and
 * swaps as offsets into the page's analysed text) and hands it to the tab's content script,
 * which maps the offsets to the page and marks them. Used by the popup's button and by the
 * keyboard shortcut (manifest `commands`).
 */
import { browser } from 'wxt/browser';
import { passageSwaps } from '../core/passage-words';
import type { BackgroundToContent, HighlightPlan, HighlightReport, MatchView, TabResult } from '../protocol';
import { unwrapReply } from '../messaging/reply';
import { orderForDisplay } from './verdict';

/** The manifest command that toggles highlighting of the page's first match. */
export const SHOW_ON_PAGE_COMMAND = 'show-on-page';

type DoneResult = Extract<TabResult, { status: 'done' }>;

/**
 * The plan for `match` on the page of `result`. `sourceText`: the library article's text (null
 * when it has left the library: the passages are still marked, without the swaps' other wording).
 * Swaps read in the library article's terms: for a page the library copied (`copied-by`), the page
 * holds the original wording and `other` the library's spun wording.
 */
export function buildHighlightPlan(result: DoneResult, match: MatchView, sourceText: string | null): HighlightPlan {
  const swaps =
    sourceText === null
      ? []
      : match.passages.flatMap((passage) =>
          passageSwaps(result.text, sourceText, passage).map((swap) => ({
            start: swap.pageStart,
            end: swap.pageEnd,
            other: sourceText.slice(swap.sourceStart, swap.sourceEnd),
          })),
        );
  return {
    matchId: match.id,
    title: match.entry.title,
    kind: match.kind,
    direction: match.direction,
    text: result.text,
    passages: match.passages.map((passage) => ({ start: passage.inputStart, end: passage.inputEnd })),
    swaps,
  };
}

/** The match the shortcut shows: the first the popup lists that has passages to mark (a match
 *  whose library text was dropped has none). */
export function firstMatch(result: TabResult | null): MatchView | undefined {
  return result?.status === 'done' ? orderForDisplay(result.matches).find((match) => !match.textDropped) : undefined;
}

/** Sends the plan to the tab's content script (it reported the page, so it is there). */
export async function sendHighlight(tabId: number, plan: HighlightPlan, toggle = false): Promise<HighlightReport> {
  const message: { type: keyof BackgroundToContent } & BackgroundToContent['content/highlight']['request'] = { type: 'content/highlight', plan, toggle };
  return unwrapReply<HighlightReport>(await browser.tabs.sendMessage(tabId, message));
}

/**
 * The keyboard shortcut: toggles the highlighting of the tab's first match. Resolves to null
 * when the tab has no match to show (nothing is sent to the page then).
 */
export async function toggleFirstMatch(
  tabId: number,
  result: TabResult | null,
  sourceText: (id: string) => Promise<string | null>,
  send: (tabId: number, plan: HighlightPlan, toggle: boolean) => Promise<HighlightReport> = sendHighlight,
): Promise<HighlightReport | null> {
  const match = firstMatch(result);
  if (!match || result?.status !== 'done') return null;
  return send(tabId, buildHighlightPlan(result, match, await sourceText(match.id)), true);
}

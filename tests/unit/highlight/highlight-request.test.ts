/** "Show on the page" in the background: the plan it sends to the tab, and the shortcut's toggle. */
import { afterEach, describe, expect, it } from 'vitest';
import { passageSwaps } from '../../../lib/core/passage-words';
import { toggleFirstMatch } from '../../../lib/extension/highlight-request';
import { SEED_FILES } from '../../../lib/extension/seed-files';
import { seedEntry } from '../../../lib/library/seed';
import type { HighlightPlan, HighlightReport, TabResult } from '../../../lib/protocol';
import { fromPage, fromPopup, startTestBackground, valueOf, type TestBackground } from '../background/setup';

const [spun, original] = SEED_FILES.map((file) => seedEntry(file.fileName, file.content, ''));
const REPORT: HighlightReport = { shown: true, passages: 1, found: 1, partly: 0, missing: 0, swaps: 0, swapsFound: 0 };
const url = 'https://farm.test/story';

describe('tab/highlight', () => {
  let background: TestBackground | undefined;
  afterEach(() => (background = undefined));

  async function checkedTab(sent: Array<{ tabId: number; plan: HighlightPlan }>) {
    background = await startTestBackground({
      showOnPage: async (tabId, plan) => {
        sent.push({ tabId, plan });
        return REPORT;
      },
    });
    await background.send({ type: 'page/article', article: { url, title: spun.title, text: spun.text } }, fromPage(5, url));
    return valueOf<Extract<TabResult, { status: 'done' }>>(await background.send({ type: 'tab/result', tabId: 5 }, fromPopup));
  }

  it('sends the tab the passages and each swap with the library wording, as offsets into the analysed text', async () => {
    const sent: Array<{ tabId: number; plan: HighlightPlan }> = [];
    const result = await checkedTab(sent);
    const match = result.matches.find((item) => item.id === original.id)!;
    expect(valueOf(await background!.send({ type: 'tab/highlight', tabId: 5, matchId: original.id }, fromPopup))).toEqual(REPORT);
    expect(sent).toHaveLength(1);
    const { tabId, plan } = sent[0];
    expect(tabId).toBe(5);
    expect(plan).toMatchObject({ matchId: original.id, title: original.title, kind: 'spun', direction: 'copies', text: spun.text });
    expect(plan.passages).toEqual(match.passages.map((passage) => ({ start: passage.inputStart, end: passage.inputEnd })));
    const expected = match.passages.flatMap((passage) => passageSwaps(spun.text, original.text, passage));
    expect(plan.swaps).toEqual(expected.map((swap) => ({ start: swap.pageStart, end: swap.pageEnd, other: original.text.slice(swap.sourceStart, swap.sourceEnd) })));
    expect(plan.swaps.map((swap) => `${swap.other} → ${spun.text.slice(swap.start, swap.end)}`)).toContain('said → mentioned');
  });

  it('refuses an unknown match, a tab with no result, and a page sender', async () => {
    const sent: Array<{ tabId: number; plan: HighlightPlan }> = [];
    await checkedTab(sent);
    expect(await background!.send({ type: 'tab/highlight', tabId: 5, matchId: 'nope' }, fromPopup)).toMatchObject({ ok: false });
    expect(await background!.send({ type: 'tab/highlight', tabId: 6, matchId: original.id }, fromPopup)).toMatchObject({ ok: false });
    expect(await background!.send({ type: 'tab/highlight', tabId: 5, matchId: original.id }, fromPage(5, url))).toMatchObject({ ok: false });
    expect(await background!.send({ type: 'tab/highlight', tabId: '5', matchId: original.id }, fromPopup)).toMatchObject({ ok: false });
    expect(sent).toEqual([]);
  });
});

describe('toggleFirstMatch (the keyboard shortcut)', () => {
  it('sends the first match as a toggle, and nothing for a page without matches', async () => {
    const calls: Array<{ tabId: number; matchId: string; toggle: boolean; swaps: number }> = [];
    const send = async (tabId: number, plan: HighlightPlan, toggle: boolean) => {
      calls.push({ tabId, matchId: plan.matchId, toggle, swaps: plan.swaps.length });
      return REPORT;
    };
    const background = await startTestBackground();
    await background.send({ type: 'page/article', article: { url, title: spun.title, text: spun.text } }, fromPage(3, url));
    const result = valueOf<TabResult>(await background.send({ type: 'tab/result', tabId: 3 }, fromPopup));
    expect(await toggleFirstMatch(3, result, async () => original.text, send)).toEqual(REPORT);
    expect(calls).toEqual([{ tabId: 3, matchId: original.id, toggle: true, swaps: expect.any(Number) }]);
    expect(calls[0].swaps).toBeGreaterThan(10);

    expect(await toggleFirstMatch(3, { status: 'not-article', url, at: 1 }, async () => null, send)).toBeNull();
    expect(await toggleFirstMatch(3, null, async () => null, send)).toBeNull();
    // The library article gone: the passages are still marked, without swaps.
    await toggleFirstMatch(3, result, async () => null, send);
    expect(calls.at(-1)).toMatchObject({ swaps: 0 });

    // A match whose library text was dropped has nothing to mark: the shortcut skips it.
    const done = result as Extract<TabResult, { status: 'done' }>;
    const dropped = { ...done.matches[0], id: 'learned-x', passages: [], substitutions: [], textDropped: true as const, score: 1, entry: { ...done.matches[0].entry, id: 'learned-x' } };
    calls.length = 0;
    await toggleFirstMatch(3, { ...done, matches: [dropped, ...done.matches] }, async () => original.text, send);
    expect(calls).toEqual([expect.objectContaining({ matchId: original.id })]);
    expect(await toggleFirstMatch(3, { ...done, matches: [dropped] }, async () => null, send)).toBeNull();
  });
});

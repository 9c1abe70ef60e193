// @vitest-environment jsdom
/** The popup against a scripted background (the `send` client is the seam, as in the app). */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../../components/popup/PopupApp';
import type { sendMessage } from '../../../lib/messaging/client';
import type { TabResult } from '../../../lib/protocol';
import { doneResult, matchOf, seeds } from './matches';

const [seed000, seed001, seed002] = seeds;

type Send = typeof sendMessage;
interface Call {
  type: string;
  payload: unknown;
}

/** A background that answers from a script: tab results in turn (the last one repeats). */
function scriptedBackground(results: Array<TabResult | null>, answers: Record<string, (payload: never) => unknown> = {}) {
  const calls: Call[] = [];
  let next = 0;
  const send = (async (type: string, payload: unknown) => {
    calls.push({ type, payload });
    if (type === 'tab/result') return results[Math.min(next++, results.length - 1)];
    const answer = answers[type];
    if (!answer) throw new Error(`unexpected ${type}`);
    return answer(payload as never);
  }) as Send;
  return { send, calls };
}

let container: HTMLElement;

async function show(send: Send, tabId: number | null = 7, pageUrl?: string) {
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => render(<PopupApp tabId={tabId} pageUrl={pageUrl} send={send} pollMs={5} onGrowLibrary={() => {}} />, container));
}

afterEach(() => {
  render(null, container);
  container.remove();
});

const text = (selector: string) => container.querySelector(selector)?.textContent ?? '';
const all = (selector: string) => [...container.querySelectorAll(selector)].map((element) => element.textContent ?? '');
const settled = (state: string) => vi.waitFor(() => expect(container.querySelector('.popup')?.getAttribute('data-state')).toBe(state));

async function click(element: Element | null | undefined) {
  if (!element) throw new Error('nothing to click');
  await act(async () => (element as HTMLElement).click());
}
const button = (label: RegExp) => [...container.querySelectorAll('button')].find((element) => label.test(element.textContent ?? ''));

describe('PopupApp', () => {
  it('names the spun source first and lists its swaps, most frequent first', async () => {
    const matches = [matchOf(seed000.text, seed000), matchOf(seed000.text, seed001)];
    await show(scriptedBackground([doneResult(seed000.text, matches)]).send);
    await settled('done');
    expect(text('.verdict__headline')).toBe(`Spun copy of ${seed001.title}`);
    expect(container.querySelector('q')?.textContent).toBe(seed001.title);
    const cards = [...container.querySelectorAll('.match')];
    expect(cards.map((card) => card.getAttribute('data-match-id'))).toEqual([seed001.id, seed000.id]);

    const counts = [...cards[0].querySelectorAll('.swap')].map((swap) => Number(swap.querySelector('.swap__count')?.textContent?.slice(1) ?? 1));
    expect(counts.length).toBe(8);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await click(button(/Show all/));
    const swaps = [...cards[0].querySelectorAll('.swap')].map((swap) => `${swap.querySelector('.swap__from')?.textContent} → ${swap.querySelector('.swap__to')?.textContent}`);
    expect(swaps.length).toBe(matches[1].substitutions.length);
    expect(swaps).toContain('said → mentioned');
    expect(swaps).toContain('eastern → japanese');
  });

  it('says who copied the page, with swaps read from the original to the spun text', async () => {
    const matches = [matchOf(seed001.text, seed001), matchOf(seed001.text, seed000)];
    expect(matches[1].direction).toBe('copied-by');
    await show(scriptedBackground([doneResult(seed001.text, matches)]).send);
    await settled('done');
    expect(text('.verdict__headline')).toBe(`This article has been copied (spun) by ${seed000.title}`);
    await click(button(/Show all/));
    const swaps = [...container.querySelectorAll('[data-direction="copied-by"] .swap')].map(
      (swap) => `${swap.querySelector('.swap__from')?.textContent} → ${swap.querySelector('.swap__to')?.textContent}`,
    );
    expect(swaps).toContain('said → mentioned');
    expect(text('.section-title')).toContain('Their spun wording');
  });

  it('shows shared passages side by side from both texts', async () => {
    const match = matchOf(seed000.text, seed001);
    const { send, calls } = scriptedBackground([doneResult(seed000.text, [match])], { 'library/source-text': () => seed001.text });
    await show(send);
    await settled('done');
    await click(button(/Show shared passages/));
    await vi.waitFor(() => expect(container.querySelectorAll('.passage').length).toBe(match.passages.length));
    expect(calls.at(-1)).toEqual({ type: 'library/source-text', payload: { id: seed001.id } });
    const [first] = match.passages;
    const words = (text: string) => text.replace(/…$/, '').split(/\s+/).filter(Boolean);
    const [pageSide, sourceSide] = all('.passage:first-child blockquote').map(words);
    expect(pageSide).toEqual(words(seed000.text.slice(first.inputStart, first.inputEnd)).slice(0, pageSide.length));
    expect(sourceSide).toEqual(words(seed001.text.slice(first.sourceStart, first.sourceEnd)).slice(0, sourceSide.length));
    // The spinner's swaps are marked in place on both sides.
    expect(all('.passage:first-child .passage__side--page mark').join(' ')).toContain('obtained');
    expect(all('.passage:first-child .passage__side--source mark').join(' ')).toContain('received');
  });

  it('renders page strings as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.hacked=1"><b>bold</b>';
    const entry = { ...seed002, title: hostile, source: hostile };
    await show(scriptedBackground([doneResult(seed002.text, [matchOf(seed002.text, entry)], hostile)]).send);
    await settled('done');
    expect(container.querySelector('img, b')).toBeNull();
    expect(text('.match__title')).toBe(hostile);
    expect(text('.verdict__headline')).toBe(`Verbatim copy of ${hostile}`);
  });

  it('follows a check in progress until it settles', async () => {
    const checking: TabResult = { status: 'checking', url: 'https://news.test/', at: 1 };
    const { send, calls } = scriptedBackground([checking, checking, doneResult(seed002.text, [])]);
    await show(send);
    await settled('done');
    expect(text('.verdict__headline')).toBe('No recycled text found');
    expect(calls.filter((call) => call.type === 'tab/result').length).toBe(3);
  });

  it('checks at once in click-to-scan mode (opening the popup is the click) and can force a check of a non-article', async () => {
    const waiting: TabResult = { status: 'disabled', url: 'https://news.test/', at: 1, why: 'click-to-scan' };
    const checking: TabResult = { status: 'checking', url: 'https://news.test/', at: 2 };
    const notArticle: TabResult = { status: 'not-article', url: 'https://news.test/', at: 3 };
    const { send, calls } = scriptedBackground([waiting, checking, notArticle, checking, doneResult(seed002.text, [])], {
      'tab/scan': () => null,
    });
    await show(send, 12);
    await settled('not-article');
    expect(calls.filter((call) => call.type === 'tab/scan')).toEqual([{ type: 'tab/scan', payload: { tabId: 12 } }]);
    expect(text('.verdict__headline')).toBe('Not an article');
    await click(button(/^Check this page anyway$/));
    await settled('done');
    expect(calls).toContainEqual({ type: 'tab/scan', payload: { tabId: 12, force: true } });
  });

  it('names the library size in a clean verdict, with a way to grow it', async () => {
    const stats = { total: 5, byOrigin: { seed: 5, imported: 0, page: 0, pasted: 0, learned: 0 }, wordsPending: 0 };
    await show(scriptedBackground([doneResult(seed002.text, [])], { 'library/stats': () => stats }).send);
    await settled('done');
    await vi.waitFor(() => expect(text('.verdict__detail')).toBe('Nothing in your library of 5 articles matches this article.'));
    expect(button(/Grow your library/)).toBeDefined();
  });

  it('says why a browser page or a local file cannot be checked instead of offering a check that does nothing', async () => {
    await show(scriptedBackground([null]).send, 4, 'chrome://settings/');
    await settled('unreadable');
    expect(text('.verdict__detail')).toContain('browser’s own pages');
    expect(button(/Check this page/)).toBeUndefined();
    render(null, container);
    await show(scriptedBackground([null]).send, 4, 'file:///home/me/article.html');
    await settled('unreadable');
    expect(text('.verdict__detail')).toContain('Allow access to file URLs');
  });

  it('turns the browser’s refusal to read a page of unknown address into the reason', async () => {
    const { send } = scriptedBackground([null], {
      'tab/scan': () => {
        throw new Error('Cannot access a chrome:// URL');
      },
    });
    await show(send, 5);
    await settled('unchecked');
    await click(button(/^Check this page$/));
    await settled('unreadable');
    expect(text('.verdict__detail')).toContain('browser’s own pages');
  });

  it('warns before adding a page that copies a library article', async () => {
    const matches = [matchOf(seed000.text, seed001)];
    await show(scriptedBackground([doneResult(seed000.text, matches)]).send);
    await settled('done');
    expect(text('.add-warning')).toContain(seed001.title);
    expect(button(/Add this copy to the library anyway/)).toBeDefined();
  });

  it('adds the page to the library and says so', async () => {
    const { send, calls } = scriptedBackground([doneResult(seed002.text, [])], { 'tab/add-to-library': () => ({ id: 'page-1', added: true }) });
    await show(send, 3);
    await settled('done');
    await click(button(/Add this page to the library/));
    await vi.waitFor(() => expect(text('.add-result')).toContain('Added to your library'));
    expect(calls).toContainEqual({ type: 'tab/add-to-library', payload: { tabId: 3 } });
  });

  it('shows the background’s error instead of a blank popup', async () => {
    const send = (async () => {
      throw new Error('The extension’s background did not answer.');
    }) as Send;
    await show(send);
    await settled('failed');
    expect(text('.verdict__headline')).toBe('Something went wrong');
    expect(text('.verdict__detail')).toBe('The extension’s background did not answer.');
  });

  it('explains when there is no tab to check', async () => {
    await show(scriptedBackground([null]).send, null);
    await settled('failed');
    expect(text('.verdict__detail')).toBe('There is no tab to check.');
  });
});

// @vitest-environment jsdom
/** The popup's match actions: show on the page, links to the original and its entry, evidence downloads. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../../components/popup/PopupApp';
import type { sendMessage } from '../../../lib/messaging/client';
import type { HighlightReport, MatchView } from '../../../lib/protocol';
import { doneResult, matchOf, seeds } from '../popup/matches';

const [seed000, seed001] = seeds;
type Send = typeof sendMessage;

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
  vi.restoreAllMocks();
});

async function showPopup(match: MatchView, answers: Record<string, (payload: never) => unknown>) {
  const calls: Array<{ type: string; payload: unknown }> = [];
  const send = (async (type: string, payload: unknown) => {
    calls.push({ type, payload });
    if (type === 'tab/result') return doneResult(seed000.text, [match]);
    return answers[type](payload as never);
  }) as Send;
  container = document.createElement('div');
  document.body.append(container);
  await act(async () =>
    render(<PopupApp tabId={7} send={send} pollMs={5} extensionVersion="9.8.7" entryUrl={(id) => `ext://options.html#library/entry=${encodeURIComponent(id)}`} />, container),
  );
  await vi.waitFor(() => expect(container.querySelector('.popup')?.getAttribute('data-state')).toBe('done'));
  return calls;
}

/** jsdom's Blob has no text(): read it the old way. */
const readBlob = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });

const button = (label: string) => [...container.querySelectorAll('button')].find((element) => element.textContent?.trim() === label)!;
const links = () => [...container.querySelectorAll('.match__links a')].map((link) => [link.textContent, link.getAttribute('href')]);

describe('match card actions', () => {
  it('asks the background to show the match on the page and says how much was marked', async () => {
    const report: HighlightReport = { shown: true, passages: 3, found: 2, partly: 0, missing: 1, swaps: 20, swapsFound: 18 };
    const calls = await showPopup(matchOf(seed000.text, seed001), { 'tab/highlight': () => report });
    await act(async () => button('Show on the page').click());
    expect(calls).toContainEqual({ type: 'tab/highlight', payload: { tabId: 7, matchId: seed001.id } });
    await vi.waitFor(() => expect(container.querySelector('.show-on-page [role="status"]')?.textContent).toBe('2 of 3 passages marked on the page, and 18 swaps (1 not found in full).'));
  });

  it('shows the background’s refusal in plain words', async () => {
    await showPopup(matchOf(seed000.text, seed001), {
      'tab/highlight': () => {
        throw new Error('This browser cannot highlight text on pages (it lacks the CSS Custom Highlight API).');
      },
    });
    await act(async () => button('Show on the page').click());
    await vi.waitFor(() => expect(container.querySelector('.show-on-page .error-text')?.textContent).toContain('cannot highlight'));
  });

  it('links the original only when it has a web address, and always its library entry', async () => {
    const match = matchOf(seed000.text, seed001);
    await showPopup({ ...match, entry: { ...match.entry, url: 'https://wire.test/a?b=1' } }, {});
    expect(links()).toEqual([
      ['Open the original', 'https://wire.test/a?b=1'],
      ['Open in the library', `ext://options.html#library/entry=${encodeURIComponent(seed001.id)}`],
    ]);
    render(null, container);
    container.remove();
    await showPopup({ ...match, entry: { ...match.entry, url: 'javascript:alert(1)' } }, {});
    expect(links().map(([label]) => label)).toEqual(['Open in the library']);
  });

  it('downloads the evidence as JSON with both texts, their hashes and the versions', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:evidence';
    });
    URL.revokeObjectURL = vi.fn();
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await showPopup(matchOf(seed000.text, seed001), { 'library/source-text': () => seed001.text });
    await act(async () => button('file (JSON)').click());
    await vi.waitFor(() => expect(blobs).toHaveLength(1));
    const evidence = JSON.parse(await readBlob(blobs[0]));
    expect(names[0]).toMatch(/^evidence-\d{4}-\d\d-\d\d-spun-news\.test\.json$/);
    expect(evidence.software).toEqual({ extension: '9.8.7', engineIndexVersion: expect.any(Number) });
    expect(evidence.page.analysed.text).toBe(seed000.text);
    expect(evidence.library.analysed.text).toBe(seed001.text);
    expect(evidence.page.analysed.sha256).toMatch(/^[0-9a-f]{64}$/);

    await act(async () => button('report (HTML)').click());
    await vi.waitFor(() => expect(blobs).toHaveLength(2));
    expect(blobs[1].type).toBe('text/html;charset=utf-8');
    expect(await readBlob(blobs[1])).toContain('<!doctype html>');
  });
});

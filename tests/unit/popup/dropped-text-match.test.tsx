// @vitest-environment jsdom
/** The popup on a match whose library text was dropped: named as text, said to be known from fingerprints, no side by side. */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupBody } from '../../../components/popup/PopupBody';
import type { MatchView } from '../../../lib/protocol';
import { doneResult } from './matches';

const hostile = 'Ferry <img src=x onerror="window.pwned=1"> resumes';
const DROPPED: MatchView = {
  id: 'learned-7',
  kind: 'spun',
  score: 0.81,
  coverage: 0.93,
  sourceCoverage: 0.81,
  direction: 'copies',
  reason: 'From fingerprints only (its text is no longer kept on this device): reworded.',
  substitutions: [],
  passages: [],
  entry: { id: 'learned-7', title: hostile, source: 'harbour-desk.example', url: 'https://harbour-desk.example/news/7', publishedAt: '2026-10-05T09:00:00Z', origin: 'learned' },
  textDropped: true,
};

const root = () => document.body.appendChild(document.createElement('div'));
afterEach(() => {
  document.body.innerHTML = '';
});

function show(match: MatchView) {
  const container = root();
  render(
    <PopupBody
      view={{ state: 'result', result: doneResult('The page text.', [match]) }}
      onScan={() => undefined}
      loadSourceText={async () => {
        throw new Error('a dropped text is never asked for');
      }}
      matchActions={() => ({ showOnPage: async () => Promise.reject(new Error('no')), makeEvidence: async () => Promise.reject(new Error('no')), entryUrl: (id) => `options.html#entry=${id}` })}
    />,
    container,
  );
  return container;
}

describe('a match whose text was dropped', () => {
  it('names the article, its site and date as text, says its text is no longer kept, and offers the original', () => {
    const container = show(DROPPED);
    const verdict = container.querySelector('.verdict')!.textContent!;
    expect(verdict).toContain(hostile);
    expect(verdict).toContain('its text is no longer kept on this device');
    const card = container.querySelector('.match--dropped')!;
    expect(card.getAttribute('data-match-id')).toBe('learned-7');
    expect(card.querySelector('img')).toBeNull();
    expect(card.querySelector('.match__title')!.textContent).toBe(hostile);
    expect(card.textContent).toContain('harbour-desk.example');
    expect(card.textContent).toContain('2026');
    expect(card.textContent).toContain('Text not kept');
    expect(card.textContent).toContain('93%');
    expect(card.textContent).toContain('81%');
    expect(card.textContent).toContain('the text was dropped to save space');
    const links = [...card.querySelectorAll('a')];
    expect(links.map((link) => link.textContent)).toEqual(['Open the original', 'Open in the library']);
    expect(links[0].getAttribute('href')).toBe(DROPPED.entry.url);
    // Nothing to put side by side, no swaps, no evidence file, no "show on the page".
    expect(card.querySelector('button')).toBeNull();
    expect(container.querySelector('.match:not(.match--dropped)')).toBeNull();
  });

  it('says when the library article is the copy, and leaves an address that is not http(s) inert', () => {
    const container = show({ ...DROPPED, direction: 'copied-by', entry: { ...DROPPED.entry, url: 'javascript:alert(1)' } });
    const card = container.querySelector('.match--dropped')!;
    expect(card.getAttribute('data-direction')).toBe('copied-by');
    expect([...card.querySelectorAll('.chip')].map((chip) => chip.textContent)).toContain('Text not kept');
    expect(card.querySelector('a[href^="javascript"]')).toBeNull();
  });
});

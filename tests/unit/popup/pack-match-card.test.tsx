// @vitest-environment jsdom
/** The popup's pack match card: the original named as text (never HTML), only http(s) links, no passages or swaps. */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PackMatchCard } from '../../../components/popup/PackMatchCard';
import type { PackMatchView } from '../../../lib/packs/messages';

const MATCH: PackMatchView = {
  id: 'hd-7',
  pack: 'Harbour Desk <b>archive</b>',
  slot: 'pack-1',
  title: 'Ferry <img src=x onerror="window.pwned=1"> resumes',
  url: 'https://harbour-desk.example/news/7',
  source: 'harbour-desk.example',
  publishedAt: '2026-10-05T09:00:00Z',
  kind: 'spun',
  coverage: 0.93,
  sourceCoverage: 0.81,
  score: 0.93,
  direction: 'copies',
};

afterEach(() => render(null, document.body));

describe('PackMatchCard', () => {
  it('names the original, its site and pack as text, says the text is not available and links to the original', () => {
    render(<PackMatchCard match={MATCH} />, document.body);
    const card = document.querySelector('.match--pack')!;
    expect(card.querySelector('img, b')).toBeNull();
    expect(card.querySelector('.match__title')!.textContent).toBe(MATCH.title);
    expect(card.textContent).toContain('harbour-desk.example');
    expect(card.textContent).toContain(MATCH.pack);
    expect(card.textContent).toContain('93%');
    expect(card.textContent).toContain('81%');
    expect(card.textContent).toContain('the pack does not hold the article’s text');
    const link = card.querySelector('a')!;
    expect(link.textContent).toBe('Open the original');
    expect(link.getAttribute('href')).toBe(MATCH.url);
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(card.querySelector('button')).toBeNull();
  });

  it('leaves an address that is not http(s) inert', () => {
    render(<PackMatchCard match={{ ...MATCH, url: 'javascript:alert(1)' }} />, document.body);
    expect(document.querySelector('.match--pack a')).toBeNull();
  });
});

/**
 * The content script's highlighter on a jsdom page. jsdom has no CSS Custom Highlight API, so
 * the window gets a minimal one (a Map registry and a Set-like Highlight): enough to see which
 * ranges are registered under which name, and that turning off leaves nothing behind.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createHighlighter } from '../../../lib/extension/content/highlight/highlighter';
import { HIGHLIGHT_NAMES } from '../../../lib/extension/content/highlight/paint';
import { extractArticle } from '../../../lib/extract';
import type { HighlightPlan } from '../../../lib/protocol';

const PARAGRAPHS = [
  'The harbour authority mentioned on Tuesday that the northern pier will close for repairs until the spring, after divers found cracks in three of its supporting columns.',
  'Fishing crews who moor at the pier have been offered berths on the southern quay, although several skippers said the move would add an hour to every trip.',
  'Engineers expect the work to cost about four million euros, most of it paid by a regional fund set up after the storms of two winters ago.',
];

class FakeHighlight extends Set<Range> {
  priority = 0;
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}

function page(withApi = true) {
  const body = `<nav><a href="/">Home</a></nav><article><h1>Pier to close</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`;
  const dom = new JSDOM(`<!doctype html><html><head><title>Pier</title></head><body>${body}</body></html>`, { url: 'https://news.test/pier', pretendToBeVisual: true });
  const window = dom.window as unknown as Window & typeof globalThis;
  const registry = new Map<string, FakeHighlight>();
  // Closed shadow roots are out of reach by design; the test keeps the one the panel makes.
  const roots: ShadowRoot[] = [];
  const attach = window.HTMLElement.prototype.attachShadow;
  window.HTMLElement.prototype.attachShadow = function (init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  };
  // jsdom does no layout: record what would be scrolled to.
  const scrolled: Element[] = [];
  window.Element.prototype.scrollIntoView = function () {
    scrolled.push(this);
  };
  if (withApi) {
    Object.assign(window, { CSS: { highlights: registry }, Highlight: FakeHighlight });
  }
  const doc = window.document;
  const text = extractArticle(doc, { url: 'https://news.test/pier' })!.text;
  return { doc, text, registry, roots, scrolled };
}

function plan(text: string, overrides: Partial<HighlightPlan> = {}): HighlightPlan {
  const span = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
  return {
    matchId: 'lib-1',
    title: 'Pier closes for repairs',
    kind: 'spun',
    direction: 'copies',
    text,
    passages: [span(PARAGRAPHS[0]), span(PARAGRAPHS[2])],
    swaps: [{ ...span('mentioned'), other: 'said' }],
    ...overrides,
  };
}

const texts = (highlight: FakeHighlight | undefined) => [...(highlight ?? [])].map((range) => range.toString());

describe('createHighlighter', () => {
  it('marks passages, swaps and the current passage, steps with the panel, and turns off leaving nothing', () => {
    const { doc, text, registry, roots, scrolled } = page();
    const children = doc.documentElement.children.length;
    const highlighter = createHighlighter(doc);
    const report = highlighter.show(plan(text));
    expect(report).toEqual({ shown: true, passages: 2, found: 2, partly: 0, missing: 0, swaps: 1, swapsFound: 1 });
    expect(texts(registry.get(HIGHLIGHT_NAMES.shared))).toEqual([PARAGRAPHS[0], PARAGRAPHS[2]]);
    expect(texts(registry.get(HIGHLIGHT_NAMES.swap))).toEqual(['mentioned']);
    expect(texts(registry.get(HIGHLIGHT_NAMES.current))).toEqual([PARAGRAPHS[0]]);
    expect(registry.get(HIGHLIGHT_NAMES.swap)!.priority).toBeGreaterThan(registry.get(HIGHLIGHT_NAMES.shared)!.priority);

    // The article's own DOM is untouched: only the panel's host is added, with a closed shadow root.
    expect(doc.querySelector('article')!.innerHTML).toBe(`<h1>Pier to close</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}`);
    const host = doc.documentElement.lastElementChild as HTMLElement;
    expect(host.shadowRoot).toBeNull();
    const root = roots[0];
    expect(root.mode).toBe('closed');
    expect(root.querySelector('.summary')!.textContent).toContain('2 passages shared with “Pier closes for repairs”');
    expect(root.querySelector('.position')!.textContent).toBe('Passage 1 of 2');
    expect(root.querySelector('.swaps')!.textContent).toBe('mentioned ← said');

    (root.querySelector('button.next') as HTMLButtonElement).click();
    expect(root.querySelector('.position')!.textContent).toBe('Passage 2 of 2');
    expect(texts(registry.get(HIGHLIGHT_NAMES.current))).toEqual([PARAGRAPHS[2]]);
    const articleParagraphs = doc.querySelectorAll('article p');
    expect(scrolled).toEqual([articleParagraphs[0], articleParagraphs[2]]);
    (root.querySelector('button.next') as HTMLButtonElement).click();
    expect(root.querySelector('.position')!.textContent).toBe('Passage 1 of 2');

    (root.querySelector('button.off') as HTMLButtonElement).click();
    expect(registry.size).toBe(0);
    expect(doc.documentElement.children.length).toBe(children);
    expect(doc.querySelectorAll('style')).toHaveLength(0);
  });

  it('toggles off the match it shows, and replaces another', () => {
    const { doc, text, registry } = page();
    const highlighter = createHighlighter(doc);
    highlighter.show(plan(text), true);
    expect(registry.size).toBe(3);
    expect(highlighter.show(plan(text, { matchId: 'lib-2', passages: [plan(text).passages[1]] }), true)).toMatchObject({ shown: true, found: 1 });
    expect(texts(registry.get(HIGHLIGHT_NAMES.shared))).toEqual([PARAGRAPHS[2]]);
    expect(highlighter.show(plan(text, { matchId: 'lib-2' }), true)).toMatchObject({ shown: false });
    expect(registry.size).toBe(0);
    expect(doc.documentElement.lastElementChild!.tagName).toBe('BODY');
  });

  it('says what it could not find, and marks nothing of it', () => {
    const { doc, text, registry, roots } = page();
    doc.querySelectorAll('article p')[2].textContent = 'This paragraph was rewritten after the check.';
    const report = createHighlighter(doc).show(plan(text));
    expect(report).toMatchObject({ found: 1, missing: 1 });
    expect(texts(registry.get(HIGHLIGHT_NAMES.shared))).toEqual([PARAGRAPHS[0]]);
    expect(roots[0].querySelector('.notes')!.textContent).toBe('1 passage could not be found on the page as it is now; not marked.');
  });

  it('refuses plainly where the browser lacks the Highlight API', () => {
    const { doc, text } = page(false);
    expect(() => createHighlighter(doc).show(plan(text))).toThrow('This browser cannot highlight text on pages');
    expect(doc.documentElement.lastElementChild!.tagName).toBe('BODY');
  });
});

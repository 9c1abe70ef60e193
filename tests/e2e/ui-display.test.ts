/**
 * Page strings that try to break the display: a 30,000-character word must wrap (the popup keeps
 * its width, the options page's entry view fits its window), and a right-to-left override in a
 * title stays inside the title (isolated) instead of reversing the words around it.
 */
import { describe, expect, it } from 'vitest';
import { useExtension } from './harness';
import { GARDEN_ARTICLE } from './pages/articles';
import { newsPage } from './pages/site-chrome';

const LONG_WORD = 'x'.repeat(30_000);
const RLO = '\u202e';
const TITLE = `Allotment ${RLO}orchard ${'y'.repeat(400)}`;
const PARAGRAPHS = [...GARDEN_ARTICLE.paragraphs.slice(0, 2), `Long ${LONG_WORD} word.`, ...GARDEN_ARTICLE.paragraphs.slice(2)];

declare const chrome: typeof import('wxt/browser').browser;

describe('long words and direction overrides from pages', () => {
  const extension = useExtension();

  it('wraps a 30,000-character word and isolates a right-to-left override', async () => {
    const harness = extension();
    const options = await harness.openOptions();
    const added = await options.evaluate(
      ([title, text]) => chrome.runtime.sendMessage({ type: 'library/add', title, text, source: `The ${'z'.repeat(2000)} Gazette` }),
      [TITLE, PARAGRAPHS.join('\n\n')] as const,
    );
    expect(added).toMatchObject({ ok: true, value: { added: true } });

    // A partial copy: the page carries the library article's paragraphs and a different ending.
    harness.servePage('/orchard.html', newsPage({ site: 'Copy Farm', ...GARDEN_ARTICLE, headline: 'Orchard news', paragraphs: PARAGRAPHS }));
    const { tabId } = await harness.openPage('/orchard.html');
    const result = await harness.waitForResult(tabId);
    expect(result.status).toBe('done');
    const popup = await harness.openPopup(tabId);
    await popup.locator('.match').first().waitFor();
    const passages = popup.getByRole('button', { name: /Show shared passages/ });
    if (await passages.count()) await passages.first().click();
    const overflow = await popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const bidi = await popup.locator('.match__title, .verdict__subject bdi').evaluateAll((elements) => elements.map((element) => getComputedStyle(element).unicodeBidi));
    expect(bidi.length).toBeGreaterThan(0);
    expect(new Set(bidi)).toEqual(new Set(['isolate']));
    await harness.screenshot(popup, 'ui-display-popup');

    await options.goto(`chrome-extension://${harness.extensionId}/options.html#library`);
    await options.reload();
    await options.locator('.entry-title', { hasText: 'Allotment' }).first().click();
    await options.locator('.entry-text').waitFor();
    const optionsOverflow = await options.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(optionsOverflow).toBeLessThanOrEqual(0);
    await harness.screenshot(options, 'ui-display-entry', { fullPage: false });
  });
});

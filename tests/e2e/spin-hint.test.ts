/**
 * The spin hint in real Chromium, with the library EMPTIED: seed 000's text (a spun copy)
 * shows the hint and its evidence in the popup, seed 001's (the original) shows none.
 * Screenshots go to test-artifacts/.
 */
import { describe, expect, it } from 'vitest';
import type { TabResult } from '../../lib/protocol';
import { useExtension } from './harness';
import { seed } from './pages/seeds';
import { newsPage } from './pages/site-chrome';

function seedPage(key: string): string {
  const entry = seed(key);
  return newsPage({ site: 'The Daily Courier', headline: entry.title, byline: 'Staff reporter', paragraphs: entry.text.split('\n\n') });
}

type Done = Extract<TabResult, { status: 'done' }>;

describe('spin hint with an empty library', () => {
  const extension = useExtension();

  const emptyLibrary = async () => {
    const options = await extension().openOptions();
    await options.evaluate(() => chrome.runtime.sendMessage({ type: 'library/clear' }));
    await options.close();
  };

  it('shows the hint and its evidence for seed 000, with no source found', async () => {
    const harness = extension();
    await emptyLibrary();
    harness.servePage('/world/spun.html', seedPage('000'));
    const { tabId } = await harness.openPage('/world/spun.html');
    const result = (await harness.waitForResult(tabId)) as Done;
    expect(result.status).toBe('done');
    expect(result.matches).toEqual([]);
    expect(result.spin?.flagged).toBe(true);
    expect(await harness.badgeText(tabId)).toBe('?');

    // Offsets point into the analysed text (the popup receives it with the result; storage keeps none).
    const shown = (await harness.shownResult(tabId)) as Done;
    expect(shown.spin?.evidence.length).toBeGreaterThan(0);
    for (const item of shown.spin!.evidence) expect(shown.text.slice(item.start, item.end)).toBe(item.text);

    const popup = await harness.openPopup(tabId);
    expect(await popup.locator('.verdict__headline').innerText()).toContain('This text shows signs of machine rewording');
    const summaries = await popup.locator('.spin-hint__item summary').allInnerTexts();
    expect(summaries.length).toBeGreaterThanOrEqual(10);
    expect(summaries.some((s) => s.includes('final 12 months') && s.includes('last year'))).toBe(true);
    // The sentence of an item on demand, with the phrase marked.
    const first = popup.locator('.spin-hint__item').first();
    await first.locator('summary').click();
    const marked = await first.locator('mark').innerText();
    expect(summaries[0]).toContain(marked);
    expect(await first.locator('.spin-hint__sentence').innerText()).toContain(marked);
    await harness.screenshot(popup, 'popup-spin-hint');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await harness.screenshot(popup, 'popup-spin-hint-dark');
  });

  it('shows no hint for seed 001, the original', async () => {
    const harness = extension();
    await emptyLibrary();
    harness.servePage('/world/original.html', seedPage('001'));
    const { tabId } = await harness.openPage('/world/original.html');
    const result = (await harness.waitForResult(tabId)) as Done;
    expect(result.status).toBe('done');
    expect(result.spin?.flagged).toBe(false);
    expect(await harness.badgeText(tabId)).toBe('');
    const popup = await harness.openPopup(tabId);
    expect(await popup.locator('.verdict__headline').innerText()).toContain('No recycled text found');
    expect(await popup.locator('.spin-hint').count()).toBe(0);
    await harness.screenshot(popup, 'popup-spin-none');
  });
});

/** The extension API inside a page evaluated in the browser. */
declare const chrome: typeof import('wxt/browser').browser;

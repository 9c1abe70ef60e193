/**
 * The product path in real Chromium: pages served on 127.0.0.1 in site chrome, the built
 * extension's content script, background, badge and popup. Screenshots of every verdict go
 * to test-artifacts/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TabResult } from '../../lib/protocol';
import { useExtension } from './harness';
import { FERRY_ARTICLE, GARDEN_ARTICLE, MARKET_PARAGRAPHS } from './pages/articles';
import { seed } from './pages/seeds';
import { formPage, linkListPage, newsPage } from './pages/site-chrome';

/** A news page carrying a seed's text, as a content farm would publish it. */
function seedPage(key: string): string {
  const entry = seed(key);
  return newsPage({ site: 'The Daily Courier', headline: entry.title, byline: 'Staff reporter', paragraphs: entry.text.split('\n\n') });
}

type Done = Extract<TabResult, { status: 'done' }>;

function expectDone(result: TabResult): Done {
  expect(result.status).toBe('done');
  return result as Done;
}

const headline = (popup: Page) => popup.locator('.verdict__headline').innerText();

describe('popup and badge in Chromium', () => {
  const extension = useExtension();

  it('flags seed 000 as a spun copy of seed 001 and lists the swaps', async () => {
    const harness = extension();
    harness.servePage('/world/putin-diplomat.html', seedPage('000'));
    const { tabId } = await harness.openPage('/world/putin-diplomat.html');
    const result = expectDone(await harness.waitForResult(tabId));
    expect(result.matches.map((match) => match.id)).toContain(seed('001').id);
    expect(await harness.badgeText(tabId)).toBe('SPUN');

    const popup = await harness.openPopup(tabId);
    expect(await headline(popup)).toContain(`Spun copy of`);
    expect(await headline(popup)).toContain(seed('001').title);
    const card = popup.locator(`[data-match-id="${seed('001').id}"]`);
    expect(await card.getAttribute('data-kind')).toBe('spun');
    await harness.screenshot(popup, 'popup-spun-copy');
    await card.getByRole('button', { name: /Show all/ }).click();
    const swaps = await card.locator('.swap').evaluateAll((items) =>
      items.map((item) => `${item.querySelector('.swap__from')?.textContent} → ${item.querySelector('.swap__to')?.textContent}`),
    );
    expect(swaps).toContain('eastern → japanese');
    expect(swaps).toContain('said → mentioned');

    await card.getByRole('button', { name: /Show shared passages/ }).click();
    await card.locator('.passage').first().waitFor();
    const [pageSide, sourceSide] = await card.locator('.passage').first().locator('blockquote').allInnerTexts();
    expect(seed('000').text).toContain(pageSide.replace(/…$/, '').slice(0, 60));
    expect(seed('001').text).toContain(sourceSide.replace(/…$/, '').slice(0, 60));
    await popup.setViewportSize({ width: 400, height: 600 });
    await card.locator('.passages').scrollIntoViewIfNeeded();
    await harness.screenshot(popup, 'popup-spun-passages', { fullPage: false });
  });

  it('says seed 001 has been copied (spun) by seed 000', async () => {
    const harness = extension();
    harness.servePage('/world/original-report.html', seedPage('001'));
    const { tabId } = await harness.openPage('/world/original-report.html');
    expectDone(await harness.waitForResult(tabId));
    const popup = await harness.openPopup(tabId);
    expect(await headline(popup)).toContain('This article has been copied (spun) by');
    expect(await headline(popup)).toContain(seed('000').title);
    const card = popup.locator(`[data-match-id="${seed('000').id}"]`);
    expect(await card.getAttribute('data-direction')).toBe('copied-by');
    expect(await harness.badgeText(tabId)).not.toMatch(/SPUN|COPY|%/);
    await harness.screenshot(popup, 'popup-copied-by');
  });

  it('calls a page carrying seed 002 at another address a verbatim copy of it, and nothing else', async () => {
    // The same text at another address is a copy, however complete: only the library's own
    // address (or its canonical twin) makes it "in your library".
    const harness = extension();
    harness.servePage('/live/briefing.html', seedPage('002'));
    const { tabId } = await harness.openPage('/live/briefing.html');
    const result = expectDone(await harness.waitForResult(tabId));
    expect(result.matches.map((match) => [match.id, match.kind])).toEqual([[seed('002').id, 'verbatim']]);
    expect(await harness.badgeText(tabId)).toBe('COPY');
    const popup = await harness.openPopup(tabId);
    expect(await headline(popup)).toContain('Verbatim copy of');
    expect(await popup.locator('.match').count()).toBe(1);
    await harness.screenshot(popup, 'popup-verbatim-copy');
  });

  it('finds nothing in an unrelated article', async () => {
    const harness = extension();
    harness.servePage('/local/orchard.html', newsPage({ site: 'Eastfield Gazette', ...GARDEN_ARTICLE }));
    const { tabId } = await harness.openPage('/local/orchard.html');
    expect(expectDone(await harness.waitForResult(tabId)).matches).toEqual([]);
    expect(await harness.badgeText(tabId)).toBe('');
    const popup = await harness.openPopup(tabId);
    expect(await headline(popup)).toBe('No recycled text found');
    await harness.screenshot(popup, 'popup-clean');
  });

  it.each([
    ['a form', '/account/register.html', formPage('Eastfield Gazette')],
    ['a list of links', '/latest.html', linkListPage('Eastfield Gazette', [GARDEN_ARTICLE.headline, FERRY_ARTICLE.headline, seed('002').title])],
  ])('calls %s "Not an article"', async (_what, path, html) => {
    const harness = extension();
    harness.servePage(path, html);
    const { tabId } = await harness.openPage(path);
    expect((await harness.waitForResult(tabId)).status).toBe('not-article');
    expect(await harness.badgeText(tabId)).toBe('');
    const popup = await harness.openPopup(tabId);
    expect(await headline(popup)).toBe('Not an article');
    await harness.screenshot(popup, `popup-not-article${path === '/latest.html' ? '-links' : ''}`);
  });

  it('adds a page to the library from the popup, then flags a partial copy of it elsewhere', async () => {
    const harness = extension();
    const ferryUrl = harness.servePage('/news/ferry-returns.html', newsPage({ site: 'Harbour Herald', ...FERRY_ARTICLE }));
    const original = await harness.openPage('/news/ferry-returns.html');
    expect(expectDone(await harness.waitForResult(original.tabId)).matches).toEqual([]);
    const popup = await harness.openPopup(original.tabId);
    await popup.getByRole('button', { name: 'Add this page to the library' }).click();
    await expect.poll(() => popup.locator('.add-result').getAttribute('data-added')).toBe('true');
    await harness.screenshot(popup, 'popup-added-to-library');

    // Another site: its own market report with three consecutive paragraphs of the ferry story.
    const copied = FERRY_ARTICLE.paragraphs.slice(2, 5);
    const paragraphs = [...MARKET_PARAGRAPHS.slice(0, 3), ...copied, ...MARKET_PARAGRAPHS.slice(3)];
    harness.servePage('/other/market-day.html', newsPage({ site: 'Weekend Bulletin', headline: 'Market traders count the cost of a wet spring', paragraphs }));
    const copy = await harness.openPage('/other/market-day.html');
    const result = expectDone(await harness.waitForResult(copy.tabId));
    const partial = result.matches.find((match) => match.entry.url === ferryUrl);
    expect(partial?.kind).toBe('partial');
    expect(await harness.badgeText(copy.tabId)).toMatch(/^\d+%$/);
    const copyPopup = await harness.openPopup(copy.tabId);
    expect(await headline(copyPopup)).toMatch(/^\d+% of this page is copied from/);
    expect(await headline(copyPopup)).toContain(FERRY_ARTICLE.headline);
    await harness.screenshot(copyPopup, 'popup-partial-copy');
  });
});

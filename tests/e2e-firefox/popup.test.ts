/**
 * The product path in real Firefox ESR: pages served on 127.0.0.1 in site chrome, the Firefox
 * build's content script, background page, badge (browserAction) and popup. Screenshots go to
 * test-artifacts/firefox-*.png.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { TabResult } from '../../lib/protocol';
import { FERRY_ARTICLE, GARDEN_ARTICLE, MARKET_PARAGRAPHS } from '../e2e/pages/articles';
import { seed } from '../e2e/pages/seeds';
import { formPage, newsPage } from '../e2e/pages/site-chrome';
import { useFirefox } from './harness';

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

const textOf = (page: Page, selector: string) => page.$eval(selector, (element) => (element as HTMLElement).innerText);
const headline = (popup: Page) => textOf(popup, '.verdict__headline');

describe('popup and badge in Firefox', () => {
  const firefox = useFirefox();

  it('flags seed 000 as a spun copy of seed 001 and lists the swaps', async () => {
    const harness = firefox();
    harness.servePage('/world/putin-diplomat.html', seedPage('000'));
    const { tabId } = await harness.openPage('/world/putin-diplomat.html');
    const result = expectDone(await harness.waitForResult(tabId));
    expect(result.matches.map((match) => match.id)).toContain(seed('001').id);
    expect(await harness.badgeText(tabId)).toBe('SPUN');

    const popup = await harness.openPopup(tabId);
    expect(await headline(popup)).toContain('Spun copy of');
    expect(await headline(popup)).toContain(seed('001').title);
    const card = `[data-match-id="${seed('001').id}"]`;
    expect(await popup.$eval(card, (element) => element.getAttribute('data-kind'))).toBe('spun');
    await harness.screenshot(popup, 'firefox-popup-spun-copy');
    await popup.locator(`${card} .swaps button::-p-text(Show all)`).click();
    await popup.waitForFunction((selector) => !document.querySelector(`${selector} .swaps button`), {}, card);
    const swaps = await popup.$$eval(`${card} .swap`, (items) =>
      items.map((item) => `${item.querySelector('.swap__from')?.textContent} → ${item.querySelector('.swap__to')?.textContent}`),
    );
    expect(swaps).toContain('eastern → japanese');
    expect(swaps).toContain('said → mentioned');
  });

  it('says seed 001 has been copied (spun) by seed 000', async () => {
    const harness = firefox();
    harness.servePage('/world/original-report.html', seedPage('001'));
    const { tabId } = await harness.openPage('/world/original-report.html');
    expectDone(await harness.waitForResult(tabId));
    const popup = await harness.openPopup(tabId);
    expect(await headline(popup)).toContain('This article has been copied (spun) by');
    expect(await headline(popup)).toContain(seed('000').title);
    expect(await popup.$eval(`[data-match-id="${seed('000').id}"]`, (element) => element.getAttribute('data-direction'))).toBe('copied-by');
    expect(await harness.badgeText(tabId)).toBe('i');
    await harness.screenshot(popup, 'firefox-popup-copied-by');
  });

  it('finds nothing in an unrelated article', async () => {
    const harness = firefox();
    harness.servePage('/local/orchard.html', newsPage({ site: 'Eastfield Gazette', ...GARDEN_ARTICLE }));
    const { tabId } = await harness.openPage('/local/orchard.html');
    expect(expectDone(await harness.waitForResult(tabId)).matches).toEqual([]);
    expect(await harness.badgeText(tabId)).toBe('');
    const popup = await harness.openPopup(tabId);
    expect(await headline(popup)).toBe('No recycled text found');
    await harness.screenshot(popup, 'firefox-popup-clean');
  });

  it('calls a login form "Not an article"', async () => {
    const harness = firefox();
    harness.servePage('/account/register.html', formPage('Eastfield Gazette'));
    const { tabId } = await harness.openPage('/account/register.html');
    expect((await harness.waitForResult(tabId)).status).toBe('not-article');
    expect(await harness.badgeText(tabId)).toBe('');
    const popup = await harness.openPopup(tabId);
    expect(await headline(popup)).toBe('Not an article');
    await harness.screenshot(popup, 'firefox-popup-not-article');
  });

  it('adds a page to the library from the popup, then flags a partial copy of it elsewhere', async () => {
    const harness = firefox();
    const ferryUrl = harness.servePage('/news/ferry-returns.html', newsPage({ site: 'Harbour Herald', ...FERRY_ARTICLE }));
    const original = await harness.openPage('/news/ferry-returns.html');
    expect(expectDone(await harness.waitForResult(original.tabId)).matches).toEqual([]);
    const popup = await harness.openPopup(original.tabId);
    await popup.locator('button::-p-text(Add this page to the library)').click();
    await popup.waitForSelector('.add-result[data-added="true"]');
    await harness.screenshot(popup, 'firefox-popup-added-to-library');

    // Another site: its own market report with three consecutive paragraphs of the ferry story.
    const paragraphs = [...MARKET_PARAGRAPHS.slice(0, 3), ...FERRY_ARTICLE.paragraphs.slice(2, 5), ...MARKET_PARAGRAPHS.slice(3)];
    harness.servePage('/other/market-day.html', newsPage({ site: 'Weekend Bulletin', headline: 'Market traders count the cost of a wet spring', paragraphs }));
    const copy = await harness.openPage('/other/market-day.html');
    const result = expectDone(await harness.waitForResult(copy.tabId));
    expect(result.matches.find((match) => match.entry.url === ferryUrl)?.kind).toBe('partial');
    expect(await harness.badgeText(copy.tabId)).toMatch(/^\d+%$/);
    const copyPopup = await harness.openPopup(copy.tabId);
    expect(await headline(copyPopup)).toMatch(/^\d+% of this page is copied from/);
    expect(await headline(copyPopup)).toContain(FERRY_ARTICLE.headline);
    await harness.screenshot(copyPopup, 'firefox-popup-partial-copy');
  });
});

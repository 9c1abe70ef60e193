/**
 * A restart of the background in real Firefox: the extension is reloaded (runtime.reload), so
 * its background page starts again from nothing, as after an update or a crash. The library
 * (IndexedDB) must keep a page added before the reload and keep finding copies of it, and a
 * tab read before the reload must have the result its popup and badge show again. (Firefox
 * empties storage.session on a reload; the result comes back because Firefox injects the new
 * instance's content script into the open tabs, which reads the page again.)
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { TabResult } from '../../lib/protocol';
import { FERRY_ARTICLE, MARKET_PARAGRAPHS } from '../e2e/pages/articles';
import { seed } from '../e2e/pages/seeds';
import { newsPage } from '../e2e/pages/site-chrome';
import { useFirefox } from './harness';

const isDone = (result: TabResult) => result.status === 'done';
const headline = (popup: Page) => popup.$eval('.verdict__headline', (element) => (element as HTMLElement).innerText);

describe('restart of the background in Firefox', () => {
  const firefox = useFirefox();

  it('keeps the library, and has the tab results the popup needs again, after a reload of the extension', async () => {
    const harness = firefox();
    const spunSeed = seed('000');
    harness.servePage(
      '/world/putin-diplomat.html',
      newsPage({ site: 'The Daily Courier', headline: spunSeed.title, byline: 'Staff reporter', paragraphs: spunSeed.text.split('\n\n') }),
    );
    const spun = await harness.openPage('/world/putin-diplomat.html');
    await harness.waitForResult(spun.tabId, isDone);
    expect(await harness.badgeText(spun.tabId)).toBe('SPUN');

    const ferryUrl = harness.servePage('/news/ferry-returns.html', newsPage({ site: 'Harbour Herald', ...FERRY_ARTICLE }));
    const original = await harness.openPage('/news/ferry-returns.html');
    await harness.waitForResult(original.tabId, isDone);
    const popup = await harness.openPopup(original.tabId);
    await popup.locator('button::-p-text(Add this page to the library)').click();
    await popup.waitForSelector('.add-result[data-added="true"]');

    await harness.reloadExtension();

    // The tab read before the reload: its result, badge and popup are there again, with no user action.
    const after = await harness.waitForResult(spun.tabId, isDone);
    expect(after.status === 'done' && after.matches.map((match) => [match.id, match.kind])).toContainEqual([seed('001').id, 'spun']);
    expect(await harness.badgeText(spun.tabId)).toBe('SPUN');
    const spunPopup = await harness.openPopup(spun.tabId);
    expect(await headline(spunPopup)).toContain('Spun copy of');
    await harness.screenshot(spunPopup, 'firefox-popup-after-reload');

    // The page added before the reload is still in the library and still found in a copy.
    const paragraphs = [...MARKET_PARAGRAPHS.slice(0, 3), ...FERRY_ARTICLE.paragraphs.slice(2, 5), ...MARKET_PARAGRAPHS.slice(3)];
    harness.servePage('/other/market-day.html', newsPage({ site: 'Weekend Bulletin', headline: 'Market traders count the cost of a wet spring', paragraphs }));
    const copy = await harness.openPage('/other/market-day.html');
    const result = await harness.waitForResult(copy.tabId, isDone);
    expect(result.status === 'done' && result.matches.find((match) => match.entry.url === ferryUrl)?.kind).toBe('partial');
    const options = await harness.openOptions();
    await options.waitForSelector('table.entries');
    expect(await options.$eval('table.entries', (table) => (table as HTMLElement).innerText)).toContain(FERRY_ARTICLE.headline);
    await harness.screenshot(options, 'firefox-options-library', { fullPage: false });
  });
});

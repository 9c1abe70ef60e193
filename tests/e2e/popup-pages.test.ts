/**
 * Pages that change under the content script: a single-page site whose article arrives late
 * and which then navigates with pushState, and a 5 MB page that must end cleanly and fast.
 */
import { describe, expect, it } from 'vitest';
import type { TabResult } from '../../lib/protocol';
import { useExtension } from './harness';
import { GARDEN_ARTICLE } from './pages/articles';
import { seed } from './pages/seeds';
import { linkListPage, newsPage } from './pages/site-chrome';
import { singlePageApp } from './pages/single-page-app';

const seed000 = seed('000');
const seed001 = seed('001');

const doneAt = (path: string) => (result: TabResult) => result.status === 'done' && new URL(result.url).pathname === path;

describe('pages that change or weigh a lot', () => {
  const extension = useExtension();

  it('checks an article that arrives late, and again after a pushState navigation', async () => {
    const harness = extension();
    const views = {
      // Seed 000 is a spun copy of seed 001: a page the badge flags (a page identical to a seed is no recycling).
      '/app/briefing': newsPage({ site: 'Live Desk', headline: seed000.title, paragraphs: seed000.text.split('\n\n') }),
      '/app/orchard': newsPage({ site: 'Live Desk', ...GARDEN_ARTICLE }),
    };
    harness.servePage('/app/briefing', singlePageApp(views, 1_500));
    const { page, tabId } = await harness.openPage('/app/briefing');

    const first = await harness.waitForResult(tabId, doneAt('/app/briefing'));
    expect(first.status === 'done' && first.matches.map((match) => match.id)).toContain(seed001.id);
    expect(await harness.badgeText(tabId)).toBe('SPUN');

    await page.evaluate(() => (window as unknown as { go(path: string): void }).go('/app/orchard'));
    const second = await harness.waitForResult(tabId, doneAt('/app/orchard'));
    expect(second.status === 'done' && second.matches).toEqual([]);
    expect(await harness.badgeText(tabId)).toBe('');
  });

  it('ends cleanly on a 5 MB page (too large to check), and leaves the page responsive', async () => {
    const harness = extension();
    const headlines = Array.from({ length: 40_000 }, (_, index) => `Market update number ${index}: shares, bonds and currencies in brief (${'·'.repeat(60)})`);
    const html = linkListPage('Ticker Central', headlines);
    expect(html.length).toBeGreaterThan(5_000_000);
    harness.servePage('/ticker/all.html', html);
    const { page, tabId } = await harness.openPage('/ticker/all.html');
    // The work ends (waitForResult gives up after its own generous limit) and the page still
    // answers the test: behaviour only; the timings belong to the benchmarks.
    // 4.8 million characters of text: past the content script's cap (lib/extract/page-size).
    expect((await harness.waitForResult(tabId)).status).toBe('too-large');
    expect(await page.evaluate(() => document.title)).toBe('Latest news – Ticker Central');
  });

  it('waits for a click in click-to-scan mode, then checks the page when the popup opens', async () => {
    const harness = extension();
    await harness.setLocalStorage({ scanMode: 'click' });
    try {
      harness.servePage('/asked/briefing.html', newsPage({ site: 'Live Desk', headline: seed000.title, paragraphs: seed000.text.split('\n\n') }));
      const { tabId } = await harness.openPage('/asked/briefing.html');
      expect(await harness.waitForResult(tabId)).toMatchObject({ status: 'disabled', why: 'click-to-scan' });
      expect(await harness.badgeText(tabId)).toBe('');

      // Opening the popup is the click on the toolbar button: the check starts at once.
      const popup = await harness.openPopup(tabId);
      await popup.locator('[data-state="done"]').waitFor();
      await harness.screenshot(popup, 'popup-click-to-scan');
      expect(await popup.locator('.verdict__headline').innerText()).toContain('Spun copy of');
      expect(await harness.badgeText(tabId)).toBe('SPUN');
    } finally {
      await harness.setLocalStorage({ scanMode: 'all' });
    }
  });
});

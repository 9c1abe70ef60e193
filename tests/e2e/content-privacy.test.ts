/**
 * A page cannot see the content script, nor switch it off: WXT's start-up handshake (a window
 * message and a DOM event carrying the extension's id) is gone, and forging it, blindly every
 * 100 ms, changes nothing. The built extension in Chromium, pages on 127.0.0.1.
 */
import { describe, expect, it } from 'vitest';
import type { TabResult } from '../../lib/protocol';
import { useExtension } from './harness';
import { forgingPage } from './pages/hostile';
import { seed } from './pages/seeds';

type Done = Extract<TabResult, { status: 'done' }>;

describe('content script, seen from the page', () => {
  const extension = useExtension();

  it('gets a page its verdict while the page forges the handshake, and the page observes nothing', async () => {
    const harness = extension();
    harness.servePage('/farm/forged.html', forgingPage('002', harness.extensionId));
    const { page, tabId } = await harness.openPage('/farm/forged.html');
    const result = await harness.waitForResult(tabId);
    expect(result.status).toBe('done');
    expect((result as Done).matches.map((match) => [match.id, match.kind])).toEqual([[seed('002').id, 'verbatim']]);
    expect(await harness.badgeText(tabId)).toBe('COPY');

    // A single-page navigation, then a second of forging: still nothing the page can see.
    await page.evaluate(() => history.pushState({}, '', '/farm/forged.html?page=2'));
    await page.waitForTimeout(1_500);
    expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([]);
  });

  it('checks the page when the user opens the popup, on a page that forges the handshake', async () => {
    const harness = extension();
    await harness.setLocalStorage({ scanMode: 'click' });
    try {
      harness.servePage('/farm/forged-click.html', forgingPage('002', harness.extensionId));
      const { page, tabId } = await harness.openPage('/farm/forged-click.html');
      expect((await harness.waitForResult(tabId)).status).toBe('disabled');
      await page.waitForTimeout(1_000);
      // Opening the popup is the user's click: the page is checked at once.
      await harness.openPopup(tabId);
      expect((await harness.waitForResult(tabId, (result) => result.status === 'done')).status).toBe('done');
      expect(await harness.badgeText(tabId)).toBe('COPY');
      expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([]);
    } finally {
      await harness.setLocalStorage({ scanMode: 'all' });
    }
  });
});

/**
 * Service-worker restarts (issue 12 point 1): the worker is stopped through the DevTools
 * protocol, as the browser stops an idle worker. A result computed after a restart must reach
 * storage and the badge; a check the stopped worker left at "checking" must be recognised and
 * the page checked again.
 */
import { describe, expect, it } from 'vitest';
import { useExtension } from './harness';
import { ExtensionProbe, settled } from './lifecycle-helpers';
import { seed } from './pages/seeds';
import { newsPage } from './pages/site-chrome';

const seed002 = seed('002');
const copyPage = () => newsPage({ site: 'Copy Desk', headline: seed002.title, paragraphs: seed002.text.split('\n\n') });

describe('service-worker restarts', () => {
  const extension = useExtension();

  it.each(['a new tab', 'the same tab'])('after each restart, the next page’s result reaches storage and the badge (three cold navigations in %s)', async (where) => {
    const harness = extension();
    const probe = await ExtensionProbe.open(harness);
    let page = await harness.context.newPage();
    for (let round = 0; round < 3; round++) {
      await probe.stopWorkers();
      const path = `/cold/${where.replaceAll(' ', '-')}/${round}.html`;
      harness.servePage(path, copyPage());
      if (where === 'a new tab') page = await harness.context.newPage();
      await page.goto(harness.url(path));
      const { tabId, result } = await probe.waitForPage(harness.url(path), settled, 30_000);
      expect(result.status, `round ${round}`).toBe('done');
      expect(result.status === 'done' && result.matches.map((match) => match.id)).toEqual([seed002.id]);
      await expect.poll(() => probe.badgeText(tabId)).toBe('COPY');
      // The result stays: nothing clears it once the page has been checked.
      await new Promise((done) => setTimeout(done, 1_000));
      expect((await probe.tabResult(tabId))?.status).toBe('done');
      if (where === 'a new tab') await page.close();
    }
  });

  it('a check the stopped worker left at “checking” is recognised and the page checked again', async () => {
    const harness = extension();
    const probe = await ExtensionProbe.open(harness);
    harness.servePage('/stuck.html', copyPage());
    const page = await harness.context.newPage();
    await page.goto(harness.url('/stuck.html'));
    const { tabId } = await probe.waitForPage(harness.url('/stuck.html'));
    // As a worker stopped in the middle of a check leaves it:
    await probe.setTabResult(tabId, { status: 'checking', url: harness.url('/stuck.html'), at: 1 });
    await probe.stopWorkers();

    const popup = await harness.context.newPage();
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html?tabId=${tabId}`);
    await popup.locator('[data-state="done"]').waitFor({ timeout: 60_000 });
    expect(await popup.locator('.verdict__headline').innerText()).toContain('Verbatim copy of');
    const result = await probe.tabResult(tabId);
    expect(result?.status === 'done' && result.at).toBeGreaterThan(1);
    expect(await probe.badgeText(tabId)).toBe('COPY');
    await popup.close();
  });
});

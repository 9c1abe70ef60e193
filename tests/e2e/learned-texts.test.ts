/**
 * Reclaiming space while still recognising copies, in the built extension: an article learned
 * while reading has its text dropped (storage panel: figures, modal dialog), then a spun copy of
 * it is visited; the popup names the learned article as known from fingerprints, its text no
 * longer kept. Screenshots of the dialog and the popup in both colour schemes.
 */
import { describe, expect, it } from 'vitest';
import type { TabResult } from '../../lib/protocol';
import { useExtension } from './harness';
import { runAxe } from './ui-axe';
import { seed } from './pages/seeds';
import { newsPage } from './pages/site-chrome';

declare const chrome: typeof import('wxt/browser').browser;

const DAY = 86_400_000;

function seedPage(key: string, site: string): string {
  const entry = seed(key);
  return newsPage({ site, headline: entry.title, byline: 'Staff reporter', paragraphs: entry.text.split('\n\n') });
}

describe('dropping learned texts', () => {
  const extension = useExtension();

  it('learns a page, drops its text, and still names it as the source of a spun copy', async () => {
    const harness = extension();
    const options = await harness.openOptions();
    const send = (message: Record<string, unknown>) => options.evaluate((payload) => chrome.runtime.sendMessage(payload), message);
    // An empty library (the seeds would name seed 001 themselves), then learning on.
    expect(await send({ type: 'library/clear' })).toMatchObject({ ok: true });
    await harness.setLocalStorage({ learning: { enabled: true, excludedSites: [], cap: 1000 } });

    // Read the original long enough to learn it (10 s).
    harness.servePage('/world/original.html', seedPage('001', 'The Morning Ledger'));
    const original = await harness.openPage('/world/original.html');
    await harness.waitForResult(original.tabId);
    const learned = async () => (await send({ type: 'library/stats' })).value.byOrigin.learned as number;
    await expect.poll(learned, { timeout: 40_000, interval: 1_000 }).toBe(1);
    await original.page.close();

    // An older learned article too, to drop through the panel (the UI's ages start at 1 day).
    const old = { ...seed('002'), id: 'learned-old', source: 'Courier', origin: 'learned', addedAt: new Date(Date.now() - 200 * DAY).toISOString() };
    expect(await send({ type: 'library/restore', entries: [old] })).toMatchObject({ ok: true, value: { restored: 1 } });

    await options.goto(`chrome-extension://${harness.extensionId}/options.html#settings`);
    await options.locator('input[name="drop-texts-days"]').fill('30');
    await options.getByRole('button', { name: 'Drop their texts…' }).click();
    const dialog = options.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/The text of 1 learned article added more than 30 days ago will be deleted, which frees about [\d.]+ kB/);
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      expect((await runAxe(options)).severe, colorScheme).toEqual([]);
      await harness.screenshot(options, `drop-texts-dialog-${colorScheme}`, { fullPage: false });
    }
    await options.emulateMedia({ colorScheme: 'light' });
    await dialog.getByRole('button', { name: 'Drop the texts' }).click();
    await options.getByText(/Dropped the text of 1 learned article: about .+ freed\./).waitFor();

    // 0 days (every learned article, the one just read too): through the message, as the UI starts at 1.
    const dropped = await send({ type: 'library/drop-learned-texts', days: 0 });
    expect(dropped).toMatchObject({ ok: true, value: { entries: 1 } });
    expect(dropped.value.bytes).toBeGreaterThan(1000);

    // A content farm's spun copy of it (seed 000).
    harness.servePage('/farm/spun.html', seedPage('000', 'The Daily Courier'));
    const copy = await harness.openPage('/farm/spun.html');
    const result = (await harness.waitForResult(copy.tabId)) as Extract<TabResult, { status: 'done' }>;
    expect(result.status).toBe('done');
    const [match] = result.matches;
    expect(match).toMatchObject({ kind: 'spun', textDropped: true, direction: 'copies' });
    expect(match.entry).toMatchObject({ title: seed('001').title, origin: 'learned', url: harness.url('/world/original.html') });
    expect(await harness.badgeText(copy.tabId)).toBe('SPUN');

    const popup = await harness.openPopup(copy.tabId);
    const headline = await popup.locator('.verdict').innerText();
    expect(headline).toContain(seed('001').title);
    expect(headline).toContain('its text is no longer kept on this device');
    const card = popup.locator('.match--dropped');
    expect(await card.getAttribute('data-kind')).toBe('spun');
    expect(await card.innerText()).toContain('Text not kept');
    expect(await card.getByRole('link', { name: 'Open the original' }).getAttribute('href')).toBe(harness.url('/world/original.html'));
    expect(await card.getByRole('button').count()).toBe(0);
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      expect((await runAxe(popup)).severe, colorScheme).toEqual([]);
      await harness.screenshot(popup, `popup-dropped-text-${colorScheme}`);
    }

    // The options page's entry view says the text was dropped.
    await options.goto(`chrome-extension://${harness.extensionId}/options.html#library`);
    await options.getByText(seed('001').title).first().click();
    await options.locator('.text-dropped').waitFor();
    expect(await options.locator('.text-dropped').innerText()).toMatch(/^The text was dropped on /);
  }, 120_000);
});

/**
 * The reader's pages in real Chromium: the welcome page opened on install, the popup, the
 * options page and its confirmation dialog. Each is checked with axe-core (no serious or
 * critical violation, colour contrast included) and screenshot in the light and the dark scheme.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExtension, type ExtensionHarness } from './harness';
import { GARDEN_ARTICLE } from './pages/articles';
import { seed } from './pages/seeds';
import { newsPage } from './pages/site-chrome';
import { runAxe } from './ui-axe';

const SCHEMES = ['light', 'dark'] as const;

/** axe-core in both colour schemes, with a screenshot of each (test-artifacts/<name>-<scheme>.png). */
async function checkBothSchemes(harness: ExtensionHarness, page: Page, name: string, fullPage = true) {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    const report = await runAxe(page);
    expect(report.severe, `${name} in ${colorScheme}`).toEqual([]);
    // The contrast rule really ran on text of this page (and found nothing below AA).
    expect(report.passed).toContain('color-contrast');
    await harness.screenshot(page, `${name}-${colorScheme}`, { fullPage });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const seedPage = (key: string) => {
  const entry = seed(key);
  return newsPage({ site: 'The Daily Courier', headline: entry.title, byline: 'Staff reporter', paragraphs: entry.text.split('\n\n') });
};

describe('welcome, popup and options pages: accessibility and dark mode', () => {
  const extension = useExtension();

  it('opens the welcome page on install, explains the library and saves the learning switch', async () => {
    const harness = extension();
    const welcomeUrl = `chrome-extension://${harness.extensionId}/welcome.html`;
    const welcome =
      harness.context.pages().find((page) => page.url() === welcomeUrl) ??
      (await harness.context.waitForEvent('page', { predicate: (page) => page.url() === welcomeUrl, timeout: 30_000 }));
    await welcome.setViewportSize({ width: 900, height: 700 });
    await welcome.locator('[data-library-size="5"]').waitFor();
    expect(await welcome.locator('h1').innerText()).toBe('Welcome to Recycled News');
    expect(await welcome.locator('main').innerText()).toContain('Everything stays on this device');
    expect(await welcome.locator('.badge-legend').innerText()).toContain('SPUN');

    const learning = welcome.getByRole('checkbox', { name: /Learn while reading/ });
    await learning.focus();
    await welcome.keyboard.press('Space');
    await welcome.getByText('Saved: articles you read will be added').waitFor();
    const stored = await harness.inServiceWorker(async () => (await chrome.storage.local.get('learning')).learning as { enabled: boolean }, undefined);
    expect(stored.enabled).toBe(true);
    await welcome.keyboard.press('Space');
    await welcome.getByText('Saved: articles you read are not added').waitFor();

    await checkBothSchemes(harness, welcome, 'welcome');
  });

  it('popup: spun copy and clean page pass axe in both schemes; the clean verdict names the library size', async () => {
    const harness = extension();
    harness.servePage('/world/spun.html', seedPage('000'));
    const { tabId: spunTab } = await harness.openPage('/world/spun.html');
    await harness.waitForResult(spunTab);
    const spun = await harness.openPopup(spunTab);
    expect(await spun.locator('.verdict').getAttribute('role')).toBe('status');
    await checkBothSchemes(harness, spun, 'ui-popup-spun');

    harness.servePage('/garden.html', newsPage({ site: 'Garden Weekly', ...GARDEN_ARTICLE }));
    const { tabId: cleanTab } = await harness.openPage('/garden.html');
    await harness.waitForResult(cleanTab);
    const clean = await harness.openPopup(cleanTab);
    await clean.getByText('Nothing in your library of 5 articles matches this article.').waitFor();
    await checkBothSchemes(harness, clean, 'ui-popup-clean');
  });

  it('"Check this page" on a browser page says why no extension may read it', async () => {
    const harness = extension();
    const page = await harness.context.newPage();
    await page.goto('chrome://version/');
    const tabId = await harness.tabIdOf(page);
    const popup = await harness.openPopup(tabId);
    await popup.getByRole('button', { name: 'Check this page' }).click();
    await popup.locator('[data-state="unreadable"]').waitFor();
    expect(await popup.locator('.verdict__detail').innerText()).toContain('browsers let no extension read them');
    await harness.screenshot(popup, 'ui-popup-browser-page');
    await page.close();
  });

  it('a setting says it was saved; turning the badge off and on again redraws the badges of open tabs', async () => {
    const harness = extension();
    harness.servePage('/world/spun-again.html', seedPage('000'));
    const { tabId } = await harness.openPage('/world/spun-again.html');
    await harness.waitForResult(tabId);
    expect(await harness.badgeText(tabId)).toBe('SPUN');
    const options = await harness.openOptions();
    await options.goto(`chrome-extension://${harness.extensionId}/options.html#settings`);
    const badge = options.getByRole('checkbox', { name: /Show a badge/ });
    await badge.uncheck();
    await options.locator('.notice', { hasText: 'Saved' }).waitFor();
    await expect.poll(() => harness.badgeText(tabId)).toBe('');
    await badge.check();
    await expect.poll(() => harness.badgeText(tabId)).toBe('SPUN');
  });

  it('library search ignores case and accents; the source filter matches anywhere in the name', async () => {
    const harness = extension();
    const options = await harness.openOptions();
    const text = 'Te reo Māori classes filled up across Aotearoa as language week began. '.repeat(6);
    const added = await options.evaluate(
      (body) => chrome.runtime.sendMessage({ type: 'library/add', title: 'Māori language week at the Assemblée', text: body, source: 'The Guardian' }),
      text,
    );
    expect(added).toMatchObject({ ok: true, value: { added: true } });
    await options.reload();
    const titles = () => options.locator('table.entries .entry-title').allInnerTexts();
    await options.getByRole('searchbox').fill('maori assemblee');
    await expect.poll(titles).toEqual(['Māori language week at the Assemblée']);
    await options.getByRole('searchbox').fill('');
    await options.getByRole('textbox', { name: 'Source' }).fill('guardian');
    await expect.poll(titles).toEqual(['Māori language week at the Assemblée']);
  });

  it('options: every tab passes axe in both schemes', async () => {
    const harness = extension();
    const options = await harness.openOptions();
    for (const tab of ['library', 'import', 'settings'] as const) {
      await options.goto(`chrome-extension://${harness.extensionId}/options.html#${tab}`);
      await options.locator('main').waitFor();
      await options.waitForFunction(() => !document.querySelector('.state') || !/Loading/.test(document.querySelector('.state')?.textContent ?? ''));
      await checkBothSchemes(harness, options, `ui-options-${tab}`, false);
    }
  });

  it('the delete-everything dialog is modal: focus inside, Tab cannot leave, Escape closes and gives focus back', async () => {
    const harness = extension();
    const options = await harness.openOptions();
    await options.goto(`chrome-extension://${harness.extensionId}/options.html#import`);
    const count = () => options.evaluate(() => chrome.runtime.sendMessage({ type: 'library/stats' }).then((reply) => reply.value.total as number));
    const before = await count();
    expect(before).toBeGreaterThan(0);
    const opener = options.getByRole('button', { name: /Delete every entry/ });
    await opener.focus();
    await options.keyboard.press('Enter');
    const dialog = options.getByRole('alertdialog');
    await dialog.waitFor();
    const focusInDialog = () => options.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]')));
    expect(await focusInDialog()).toBe(true);
    for (let i = 0; i < 6; i++) {
      await options.keyboard.press('Tab');
      // Chromium may pass focus to the browser's own UI between the dialog's controls; never to the page behind.
      const inPage = await options.evaluate(() => document.activeElement !== document.body && document.activeElement !== null);
      if (inPage) expect(await focusInDialog()).toBe(true);
    }
    await checkBothSchemes(harness, options, 'ui-dialog', false);
    await options.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await options.evaluate(() => document.activeElement?.textContent)).toMatch(/Delete every entry/);
    // Nothing was deleted.
    expect(await count()).toBe(before);
  });
});

declare const chrome: typeof import('wxt/browser').browser;

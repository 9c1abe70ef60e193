/**
 * The reader's language: Chromium started in French shows the popup, the welcome page and the
 * extension's name in French (public/_locales/fr), with numbers written the French way.
 */
import { describe, expect, it } from 'vitest';
import { useExtension } from './harness';
import { seed } from './pages/seeds';
import { newsPage } from './pages/site-chrome';

describe('user interface in the browser’s language (French)', () => {
  const extension = useExtension({ args: ['--lang=fr'], env: { LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' } });

  it('shows the popup and the welcome page in French', async () => {
    const harness = extension();
    const entry = seed('000');
    harness.servePage('/monde/copie.html', newsPage({ site: 'Le Courrier', headline: entry.title, byline: 'Rédaction', paragraphs: entry.text.split('\n\n') }));
    const { tabId } = await harness.openPage('/monde/copie.html');
    await harness.waitForResult(tabId);
    const popup = await harness.openPopup(tabId);
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^fr/);
    expect(await popup.locator('.verdict__headline').innerText()).toContain('Copie reformulée de');
    expect(await popup.locator('.popup__footer').innerText()).toContain('Vérifié sur votre appareil uniquement.');
    // "100 %": French puts a (narrow) no-break space before the percent sign.
    expect(await popup.locator('.match__figures dd').first().innerText()).toMatch(/^\d+\u202f?\u00a0?%/);
    await harness.screenshot(popup, 'ui-popup-fr');

    const welcome = await harness.context.newPage();
    await welcome.goto(`chrome-extension://${harness.extensionId}/welcome.html`);
    await welcome.locator('[data-library-size="5"]').waitFor();
    expect(await welcome.locator('h1').innerText()).toBe('Bienvenue dans Recycled News');
    expect(await welcome.title()).toBe('Bienvenue dans Recycled News');

    const options = await harness.openOptions();
    await options.locator('table.entries').waitFor();
    expect(await options.locator('.tabs').innerText()).toMatch(/Bibliothèque\s+Ajouter et importer\s+Réglages/);
    expect(await options.locator('table.entries thead').innerText()).toContain('Titre');
    await harness.screenshot(options, 'ui-options-fr', { fullPage: false });
  });
});

/**
 * The reader's language: Chromium started in French shows the popup, the welcome page and the
 * extension's name in French (public/_locales/fr), with numbers written the French way.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExtension } from './harness';
import { seed } from './pages/seeds';
import { newsPage } from './pages/site-chrome';

/** The `chrome` global inside the service worker, where `inServiceWorker` functions run. */
declare const chrome: typeof import('wxt/browser').browser;

interface DomNode {
  nodeName: string;
  nodeValue: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** All the text of `page`, closed shadow roots included (the highlight panel's): DOM.getDocument with `pierce`. */
async function pageTextPiercing(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const collect = (node: DomNode): string =>
    node.nodeName === '#text' ? node.nodeValue : [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(collect).join(' ');
  return collect(root).replace(/\s+/g, ' ');
}

describe('user interface in the browser’s language (French)', () => {
  const extension = useExtension({ args: ['--lang=fr'], env: { LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' } });

  it('shows the popup and the welcome page in French', async () => {
    const harness = extension();
    const entry = seed('000');
    harness.servePage('/monde/copie.html', newsPage({ site: 'Le Courrier', headline: entry.title, byline: 'Rédaction', paragraphs: entry.text.split('\n\n') }));
    const { page, tabId } = await harness.openPage('/monde/copie.html');
    await harness.waitForResult(tabId);
    const popup = await harness.openPopup(tabId);
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^fr/);
    expect(await popup.locator('.verdict__headline').innerText()).toContain('Copie reformulée de');
    expect(await popup.locator('.popup__footer').innerText()).toContain('Vérifié sur votre appareil uniquement.');
    // "100 %": French puts a (narrow) no-break space before the percent sign.
    expect(await popup.locator('.match__figures dd').first().innerText()).toMatch(/^\d+\u202f?\u00a0?%/);
    await harness.screenshot(popup, 'ui-popup-fr');

    // The toolbar button's tooltip, the match's actions and the in-page panel (a content script) too.
    const badgeTitle = await harness.inServiceWorker((id) => chrome.action.getTitle({ tabId: id }), tabId);
    expect(badgeTitle).toBe(`Recycled News : copie reformulée de « ${seed('001').title} »`);
    const card = popup.locator(`[data-match-id="${seed('001').id}"]`);
    expect(await card.locator('.match__links').innerText()).toContain('Ouvrir dans la bibliothèque');
    await card.getByRole('button', { name: 'Montrer sur la page' }).click();
    expect(await card.locator('.show-on-page [role="status"]').innerText()).toMatch(/^\d+ passages? sur \d+ marqués? sur la page, et \d+ remplacements?/);
    const panel = await pageTextPiercing(page);
    expect(panel).toContain('Passage 1 sur');
    expect(panel).toMatch(/Marqués? : \d+ passages? communs? avec « /);
    expect(panel).toContain('Désactiver');
    await page.bringToFront();
    await harness.screenshot(page, 'ui-panel-fr', { fullPage: false });

    const welcome = await harness.context.newPage();
    await welcome.goto(`chrome-extension://${harness.extensionId}/welcome.html`);
    await welcome.locator('[data-library-size="5"]').waitFor();
    expect(await welcome.locator('h1').innerText()).toBe('Bienvenue dans Recycled News');
    expect(await welcome.title()).toBe('Bienvenue dans Recycled News');

    const options = await harness.openOptions();
    await options.locator('table.entries').waitFor();
    expect(await options.locator('.tabs').innerText()).toMatch(/Bibliothèque\s+Ajouter et importer\s+Paquets\s+Réglages/);
    expect(await options.locator('table.entries thead').innerText()).toContain('Titre');
    await harness.screenshot(options, 'ui-options-fr', { fullPage: false });
  });
});

/**
 * A library database left by a newer version (issue 18 point 3), in the real browser: the
 * options page says so in plain words and offers the way out; a page checked meanwhile gets
 * the same words in the popup, never the browser's raw VersionError.
 */
import { describe, expect, it } from 'vitest';
import { LIBRARY_TOO_NEW } from '../../lib/library/messages';
import { useExtension } from './harness';
import { ExtensionProbe, settled } from './lifecycle-helpers';
import { GARDEN_ARTICLE } from './pages/articles';
import { newsPage } from './pages/site-chrome';

describe('a library left by a newer version', () => {
  const extension = useExtension();

  it('is explained on the options page and in the popup, with a way out', async () => {
    const harness = extension();
    const probe = await ExtensionProbe.open(harness);
    await probe.stopWorkers();
    // What a newer version would leave: the same database at a higher version.
    await probe.page.evaluate(
      () =>
        new Promise<void>((done, fail) => {
          const request = indexedDB.open('recycled-news-library', 99);
          request.onupgradeneeded = () => request.result.createObjectStore('from-the-future');
          request.onsuccess = () => {
            request.result.close();
            done();
          };
          request.onerror = () => fail(request.error);
          request.onblocked = () => fail(new Error('blocked'));
        }),
    );
    await probe.stopWorkers();

    harness.servePage('/orchard.html', newsPage({ site: 'Local', ...GARDEN_ARTICLE }));
    const page = await harness.context.newPage();
    await page.goto(harness.url('/orchard.html'));
    const { tabId, result } = await probe.waitForPage(harness.url('/orchard.html'), settled);
    expect(result).toMatchObject({ status: 'error', error: LIBRARY_TOO_NEW });
    const popup = await harness.openPopup(tabId);
    expect(await popup.locator('body').innerText()).toContain('saved by a newer version of Recycled News');
    expect(await popup.locator('body').innerText()).not.toContain('VersionError');
    await harness.screenshot(popup, 'popup-library-too-new');

    const options = await harness.openOptions();
    const panel = options.getByTestId('library-too-new');
    await panel.waitFor();
    expect(await panel.innerText()).toContain('export what can be read, then rebuild the library');
    await harness.screenshot(options, 'options-library-too-new', { fullPage: false });
    await options.emulateMedia({ colorScheme: 'dark' });
    await harness.screenshot(options, 'options-library-too-new-dark', { fullPage: false });
  });
});

/**
 * Fingerprint packs end to end in Chromium: a pack of a few hundred generated articles, built
 * with lib/packs' writer, added on the options page through the file input; a spun copy of one
 * pack article on another address (127.0.0.1): the popup names the pack article, its site and
 * its pack; the pack removed, the same page is clean. Screenshots of the Packs tab and of the
 * pack match, light and dark.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useExtension } from './harness';
import { PACK_NAME, PACK_SITE, PACK_TARGET, packTitle, packUrl, spunCopyPage, writeTestPack } from './pack-fixtures';
import { runAxe } from './ui-axe';

const dir = mkdtempSync(join(tmpdir(), 'packs-e2e-'));
const packFile = join(dir, 'harbour-desk.pack');
writeTestPack(packFile);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fingerprint packs', () => {
  const extension = useExtension();

  it('adds a pack from a file, flags a spun copy of one of its articles, and forgets it once removed', async () => {
    const harness = extension();
    const options = await harness.openOptions();
    await options.goto(`chrome-extension://${harness.extensionId}/options.html#packs`);
    await options.locator('.packs-none').waitFor();
    await options.locator('input[type=file]').setInputFiles(packFile);
    const row = options.locator('.packs-table tbody tr');
    await row.waitFor();
    expect(await row.textContent()).toContain(PACK_NAME);
    expect(await row.textContent()).toContain('300');
    expect(await row.textContent()).toContain('harbour-desk.pack');
    await options.locator('.notice').waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      expect((await runAxe(options)).severe, `Packs tab in ${colorScheme}`).toEqual([]);
      await harness.screenshot(options, colorScheme === 'light' ? 'packs-options' : 'packs-options-dark', { fullPage: false });
    }
    await options.emulateMedia({ colorScheme: 'light' });

    harness.servePage('/reworded.html', spunCopyPage());
    const first = await harness.openPage('/reworded.html');
    const result = await harness.waitForResult(first.tabId);
    expect(result.status).toBe('done');
    const done = result as Extract<typeof result, { status: 'done' }>;
    expect(done.packMatches?.[0]).toMatchObject({ id: `hd-${PACK_TARGET}`, pack: PACK_NAME, source: PACK_SITE, kind: 'spun' });

    const popup = await harness.openPopup(first.tabId);
    const card = popup.locator('.match--pack');
    await card.waitFor();
    const words = (await card.textContent()) ?? '';
    expect(words).toContain(packTitle(PACK_TARGET));
    expect(words).toContain(PACK_SITE);
    expect(words).toContain(PACK_NAME);
    expect(words).toContain('does not hold the article’s text');
    expect(await card.getByRole('link', { name: 'Open the original' }).getAttribute('href')).toBe(packUrl(PACK_TARGET));
    // No side by side, no swaps: the pack holds no text.
    expect(await popup.locator('.match--pack .swaps, .match--pack button').count()).toBe(0);
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      expect((await runAxe(popup)).severe, `pack match in ${colorScheme}`).toEqual([]);
      await harness.screenshot(popup, colorScheme === 'light' ? 'packs-popup-match' : 'packs-popup-match-dark');
    }
    await popup.close();

    await options.bringToFront();
    await options.getByRole('button', { name: `Remove the pack ${PACK_NAME}` }).click();
    await options.locator('dialog').getByRole('button', { name: 'Remove' }).click();
    await options.locator('.packs-none').waitFor();

    const again = await harness.openPage('/reworded.html');
    const clean = await harness.waitForResult(again.tabId);
    expect(clean.status).toBe('done');
    expect((clean as typeof done).packMatches).toBeUndefined();
    expect((clean as typeof done).matches).toEqual([]);
    const cleanPopup = await harness.openPopup(again.tabId);
    expect(await cleanPopup.locator('.match--pack').count()).toBe(0);
  });
});

/**
 * Fingerprint packs in real Firefox ESR with the Firefox build (MV2 event page, IndexedDB and
 * Web Locks in the extension process): a pack added through the options page's file input, a
 * spun copy of one of its articles flagged with its pack; removed, the page is clean.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACK_NAME, PACK_SITE, PACK_TARGET, packTitle, spunCopyPage, writeTestPack } from '../e2e/pack-fixtures';
import { FirefoxHarness } from './harness';

describe('fingerprint packs in Firefox', () => {
  let harness: FirefoxHarness;
  const workDir = mkdtempSync(join(tmpdir(), 'rn-firefox-packs-'));
  const packFile = join(workDir, 'harbour-desk.pack');

  beforeAll(async () => {
    writeTestPack(packFile);
    harness = await FirefoxHarness.launch();
  });
  afterAll(async () => {
    await harness?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('adds a pack from a file, flags a spun copy of one of its articles, and is clean once the pack is removed', async () => {
    const options = await harness.openExtensionPage('options.html#packs');
    await options.waitForSelector('.packs-none');
    const input = (await options.waitForSelector('input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(packFile);
    await options.waitForSelector('.packs-table tbody tr', { timeout: 60_000 });
    expect(await options.$eval('.packs-table tbody tr', (row) => (row as HTMLElement).innerText)).toContain(PACK_NAME);
    await harness.screenshot(options, 'firefox-packs-options');

    harness.servePage('/reworded.html', spunCopyPage());
    const first = await harness.openPage('/reworded.html');
    const result = await harness.waitForResult(first.tabId);
    expect(result.status === 'done' && result.packMatches?.[0]).toMatchObject({ id: `hd-${PACK_TARGET}`, title: packTitle(PACK_TARGET), source: PACK_SITE, pack: PACK_NAME });
    expect(await harness.badgeText(first.tabId)).toBe('SPUN');
    const popup = await harness.openPopup(first.tabId);
    await popup.waitForSelector('.match--pack');
    await harness.screenshot(popup, 'firefox-packs-popup-match');

    await options.bringToFront();
    await options.locator(`button[aria-label="Remove the pack ${PACK_NAME}"]`).click();
    await options.locator('dialog button.danger').click();
    await options.waitForSelector('.packs-none');
    const again = await harness.openPage('/reworded.html');
    const clean = await harness.waitForResult(again.tabId);
    expect(clean.status === 'done' && clean.packMatches).toBeUndefined();
  });
});

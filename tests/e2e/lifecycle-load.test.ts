/**
 * Load (issue 17 point 2, issue 12 point 7): twelve tabs holding 1 MB articles, then 50 article
 * tabs opened at once: every tab gets its verdict. The time until the last verdict is logged
 * and written to test-artifacts/lifecycle-load.json (a figure, not an assertion). The whole
 * session must make no network request of the extension's own: every request seen is a page
 * the test opened or one of the extension's own files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, useExtension } from './harness';
import { ExtensionProbe, settled } from './lifecycle-helpers';
import { FERRY_ARTICLE, GARDEN_ARTICLE } from './pages/articles';
import { seed } from './pages/seeds';
import { newsPage } from './pages/site-chrome';

// Playwright reports a service worker's requests only when asked to (read at launch).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const seed002 = seed('002');
const seed003 = seed('003');
const figures: Record<string, unknown> = { date: new Date().toISOString() };


describe('many tabs at once', () => {
  const extension = useExtension();
  const requested: string[] = [];
  const served = new Set<string>();

  afterAll(() => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    writeFileSync(join(ARTIFACTS_DIR, 'lifecycle-load.json'), `${JSON.stringify(figures, null, 2)}\n`);
  });

  const serve = (path: string, html: string) => {
    served.add(extension().servePage(path, html));
    return path;
  };
  const open = async (path: string) => {
    const page = await extension().context.newPage();
    await page.goto(extension().url(path));
    return page;
  };

  it('twelve tabs of 1 MB articles each get a verdict', async () => {
    const harness = extension();
    harness.context.on('request', (request) => requested.push(request.url()));
    const probe = await ExtensionProbe.open(harness);
    const filler = GARDEN_ARTICLE.paragraphs.map((p, i) => `${p} (${i})`);
    const paragraphs = [...seed002.text.split('\n\n')];
    while (paragraphs.join('\n\n').length < 1_000_000) paragraphs.push(...filler.map((p) => `${p} ${paragraphs.length}`));
    const paths = Array.from({ length: 12 }, (_, i) => serve(`/big/${i}.html`, newsPage({ site: `Big ${i}`, headline: seed002.title, paragraphs })));
    const pages = await Promise.all(paths.map(open));
    for (const path of paths) {
      const { result } = await probe.waitForPage(harness.url(path), settled, 180_000);
      expect(result.status, `${path}: ${JSON.stringify(result).slice(0, 200)}`).toBe('done');
    }
    await Promise.all(pages.map((page) => page.close()));
  }, 300_000);

  it('fifty article tabs opened at once each get a verdict; the time to the last one is logged', async () => {
    const harness = extension();
    const probe = await ExtensionProbe.open(harness);
    const kinds = [
      { headline: seed002.title, paragraphs: seed002.text.split('\n\n'), flagged: true },
      { headline: seed003.title, paragraphs: seed003.text.split('\n\n'), flagged: true },
      { ...GARDEN_ARTICLE, flagged: false },
      { ...FERRY_ARTICLE, flagged: false },
    ];
    const paths = Array.from({ length: 50 }, (_, i) => {
      const { headline, paragraphs } = kinds[i % kinds.length];
      return serve(`/many/${i}.html`, newsPage({ site: `Site ${i}`, headline, paragraphs }));
    });
    const started = Date.now();
    const pages = await Promise.all(paths.map(open));
    const verdicts = [];
    const tabIds: number[] = [];
    for (const path of paths) {
      const { tabId, result } = await probe.waitForPage(harness.url(path), settled, 300_000);
      tabIds.push(tabId);
      verdicts.push(result);
    }
    figures.fiftyTabsMsToLastVerdict = Date.now() - started;
    console.log(`50 tabs: last verdict ${figures.fiftyTabsMsToLastVerdict} ms after the first tab was opened`);
    expect(verdicts.map((result) => result.status)).toEqual(Array(50).fill('done'));
    // Copies of seeds carry a badge (its text depends on the seed), clean articles none.
    const badged = [];
    for (const tabId of tabIds) badged.push((await probe.badgeText(tabId)) !== '');
    expect(badged).toEqual(tabIds.map((_, i) => kinds[i % kinds.length].flagged));
    await Promise.all(pages.map((page) => page.close()));
  }, 600_000);

  it('made no network request of its own in the whole session', async () => {
    const harness = extension();
    const popup = await harness.context.newPage();
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html?tabId=1`);
    await popup.locator('[data-state]').waitFor();
    const own = `chrome-extension://${harness.extensionId}/`;
    const favicon = harness.url('/favicon.ico');
    const foreign = requested.filter((url) => !url.startsWith(own) && !served.has(url) && url !== favicon);
    expect(requested.length).toBeGreaterThan(62);
    expect(foreign).toEqual([]);
  });
});

/**
 * "Show on the page", links to the original and the evidence export, in real Chromium: a spun
 * copy of a seed (the seeds are imported into the library on install) served in site chrome with
 * inline links, emphasis and a comment quoting the article. The highlights are read back from
 * the content script's own (isolated) world through the DevTools protocol; the panel lives in a
 * closed shadow root, so its buttons are found through DOM.getDocument with `pierce`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { passageSwaps } from '../../lib/core/passage-words';
import type { Evidence } from '../../lib/evidence/build';
import type { TabResult } from '../../lib/protocol';
import { ARTIFACTS_DIR, useExtension } from './harness';
import { seed } from './pages/seeds';
import { newsPage } from './pages/site-chrome';

type Done = Extract<TabResult, { status: 'done' }>;

/** The farm's own paragraph, long enough (over 40 words) to split the copied text into two passages. */
const OWN_PARAGRAPH =
  'Our correspondent adds: the Daily Courier spoke with three residents of the harbour district this week, who described queues for bread, shuttered bakeries, a school turned into a shelter, and volunteers from the nearby villages bringing blankets, candles and tinned fish every morning before dawn, long before the first trams run along the empty boulevard.';

const COMMENT_QUOTE = 'North Korea has grow to be an important backer of Russia’s almost four-year invasion of Ukraine';

/** Seed 000 (a spun copy of seed 001) as a content farm would publish it, with inline markup and a comment quoting it. */
function spunPage(): string {
  const entry = seed('000');
  const paragraphs = entry.text.split('\n\n');
  paragraphs.splice(5, 0, OWN_PARAGRAPH);
  let html = newsPage({ site: 'The Daily Courier', headline: entry.title, byline: 'Staff reporter', publishedAt: '2025-10-28T09:00:00Z', paragraphs });
  const replaceOnce = (from: string, to: string) => {
    expect(html.split(from)).toHaveLength(2);
    html = html.replace(from, to);
  };
  replaceOnce('Foreign Minister Choe Son Hui', 'Foreign Minister <a href="/people/choe">Choe <em>Son</em> Hui</a>');
  replaceOnce('<p>Great reporting, thanks.</p>', `<p>Great reporting, thanks. “${COMMENT_QUOTE}”, really?</p>`);
  return html;
}

interface RangeInfo {
  text: string;
  /** The range lies in the article element, outside navigation, asides, comments, header and footer. */
  inArticle: boolean;
}

type Highlights = Record<string, RangeInfo[]>;

/** Runs expressions in the content script's isolated world of `page` (CDP Runtime.evaluate with its context id). */
async function contentWorld(page: Page, extensionId: string) {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; name: string; auxData?: { type?: string; isDefault?: boolean } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const context = contexts.find((item) => item.auxData?.type === 'isolated' && item.origin.includes(extensionId));
  if (!context) throw new Error(`No isolated world of the extension in the page (contexts: ${JSON.stringify(contexts)})`);
  const evaluate = async <T>(expression: string): Promise<T> => {
    const reply = await cdp.send('Runtime.evaluate', { expression, contextId: context.id, returnByValue: true });
    if (reply.exceptionDetails) throw new Error(`${expression}: ${JSON.stringify(reply.exceptionDetails)}`);
    return reply.result.value as T;
  };
  return { cdp, evaluate };
}

const READ_HIGHLIGHTS = `(() => {
  const out = {};
  for (const [name, highlight] of CSS.highlights) {
    out[name] = [...highlight].map((range) => {
      const element = range.commonAncestorContainer.nodeType === 1 ? range.commonAncestorContainer : range.commonAncestorContainer.parentElement;
      return { text: range.toString(), inArticle: !!element.closest('article') && !element.closest('nav, aside, header, footer, .comments, .ad') };
    });
  }
  return out;
})()`;

interface DomNode {
  nodeId: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findNode(node: DomNode, test: (node: DomNode) => boolean): DomNode | undefined {
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return undefined;
}

const hasClass = (name: string) => (node: DomNode) => {
  const index = node.attributes?.indexOf('class') ?? -1;
  return index >= 0 && node.attributes![index + 1] === name;
};

/** The panel's element with class `name` (inside the closed shadow root), read fresh. */
async function panelNode(cdp: CDPSession, name: string): Promise<DomNode | undefined> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  return findNode(root, hasClass(name));
}

async function panelText(cdp: CDPSession, name: string): Promise<string> {
  const collect = (node: DomNode | undefined): string => (node ? (node.nodeName === '#text' ? node.nodeValue : (node.children ?? []).map(collect).join('')) : '');
  return collect(await panelNode(cdp, name));
}

async function clickPanel(cdp: CDPSession, page: Page, name: string): Promise<void> {
  const node = await panelNode(cdp, name);
  if (!node) throw new Error(`No panel element .${name}`);
  const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as { model: { content: number[] } };
  const [x1, y1, , , x3, y3] = model.content;
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('show on the page, open the original, export the evidence', () => {
  const extension = useExtension();

  it('marks the shared passages and each swap of a spun copy, steps through them, turns off, and exports the evidence', async () => {
    const harness = extension();
    const original = seed('001');
    const pageUrl = harness.servePage('/world/kremlin-visit.html', spunPage());
    const { page, tabId } = await harness.openPage('/world/kremlin-visit.html');
    await page.setViewportSize({ width: 1100, height: 800 });
    expect((await harness.waitForResult(tabId)).status).toBe('done');
    const result = (await harness.shownResult(tabId)) as Done;
    const match = result.matches.find((item) => item.id === original.id)!;
    expect(match.kind).toBe('spun');
    // The farm's own paragraph splits the copy: two passages to step through.
    expect(match.passages.length).toBeGreaterThanOrEqual(2);
    expect(result.text).not.toContain('Great reporting');

    // Nothing in the page shows what the extension found until the user asks.
    const world = await contentWorld(page, harness.extensionId);
    expect(await world.evaluate<Highlights>(READ_HIGHLIGHTS)).toEqual({});
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    expect(await panelNode(world.cdp, 'panel')).toBeUndefined();

    const popup = await harness.openPopup(tabId);
    const card = popup.locator(`[data-match-id="${original.id}"]`);
    await card.getByRole('button', { name: 'Show on the page' }).click();
    const status = await card.locator('.show-on-page [role="status"]').innerText();
    expect(status).toContain(`${match.passages.length} of ${match.passages.length} passage`);

    const highlights = await world.evaluate<Highlights>(READ_HIGHLIGHTS);
    const shared = highlights['recycled-news-shared'];
    const swaps = highlights['recycled-news-swap'];
    // Every piece of every passage (cut at paragraph edges), in order, and nothing else.
    const expectedShared = match.passages.flatMap((passage) =>
      result.text.slice(passage.inputStart, passage.inputEnd).split(/\n\s*\n/).map(squash).filter(Boolean),
    );
    expect(shared.map((range) => squash(range.text))).toEqual(expectedShared);
    const expectedSwaps = match.passages.flatMap((passage) =>
      passageSwaps(result.text, original.text, passage).map((swap) => squash(result.text.slice(swap.pageStart, swap.pageEnd))),
    );
    expect(expectedSwaps).toEqual(expect.arrayContaining(['mentioned', 'japanese']));
    expect(swaps.map((range) => squash(range.text))).toEqual(expectedSwaps);
    // The copied text only: the comment quoting the article, navigation and ads are never marked.
    for (const range of [...shared, ...swaps]) expect(range.inArticle).toBe(true);
    // The inline link and emphasis are inside a marked range.
    expect(shared.some((range) => range.text.includes('Choe Son Hui'))).toBe(true);
    expect(highlights['recycled-news-current'].map((range) => squash(range.text))).toEqual(
      result.text.slice(match.passages[0].inputStart, match.passages[0].inputEnd).split(/\n\s*\n/).map(squash).filter(Boolean),
    );

    expect(await panelText(world.cdp, 'summary')).toContain(`shared with “${original.title}”`);
    expect(await panelText(world.cdp, 'position')).toBe(`Passage 1 of ${match.passages.length}`);
    await page.bringToFront();
    await harness.screenshot(page, 'highlight-page', { fullPage: false });

    // Pointing at a swap shows the library article's wording.
    const swapBox = await world.evaluate<{ x: number; y: number }>(`(() => {
      const range = [...CSS.highlights.get('recycled-news-swap')].find((item) => item.toString() === 'mentioned');
      range.startContainer.parentElement.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    })()`);
    await page.mouse.move(swapBox.x, swapBox.y);
    await expect.poll(() => panelText(world.cdp, 'tip')).toBe('Library article: “said”');
    await harness.screenshot(page, 'highlight-swap-tooltip', { fullPage: false });
    await page.emulateMedia({ colorScheme: 'dark' });
    await harness.screenshot(page, 'highlight-page-dark', { fullPage: false });
    await page.emulateMedia({ colorScheme: 'light' });

    await clickPanel(world.cdp, page, 'next');
    expect(await panelText(world.cdp, 'position')).toBe(`Passage 2 of ${match.passages.length}`);
    const second = match.passages[1];
    const current = (await world.evaluate<Highlights>(READ_HIGHLIGHTS))['recycled-news-current'];
    expect(current.map((range) => squash(range.text))).toEqual(result.text.slice(second.inputStart, second.inputEnd).split(/\n\s*\n/).map(squash).filter(Boolean));
    expect(current.every((range) => !range.text.includes('Our correspondent'))).toBe(true);
    await harness.screenshot(page, 'highlight-page-passage-2', { fullPage: false });
    await clickPanel(world.cdp, page, 'previous');
    expect(await panelText(world.cdp, 'position')).toBe(`Passage 1 of ${match.passages.length}`);
    await clickPanel(world.cdp, page, 'swaps-head');
    expect(await panelText(world.cdp, 'swaps')).toContain('mentioned ← said');

    await clickPanel(world.cdp, page, 'off');
    expect(await world.evaluate<Highlights>(READ_HIGHLIGHTS)).toEqual({});
    expect(await panelNode(world.cdp, 'panel')).toBeUndefined();

    // Evidence: the JSON file.
    const [jsonDownload] = await Promise.all([popup.waitForEvent('download'), card.getByRole('button', { name: 'file (JSON)' }).click()]);
    expect(jsonDownload.suggestedFilename()).toMatch(/^evidence-\d{4}-\d\d-\d\d-spun-127\.0\.0\.1\.json$/);
    const evidence = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as Evidence;
    expect(evidence).toMatchObject({
      format: 'recycled-news-evidence',
      verdict: { kind: 'spun', direction: 'copies', score: match.score, reason: match.reason },
      page: { url: pageUrl, title: result.article.title, publishedAt: '2025-10-28T09:00:00.000Z' },
      library: { id: original.id, title: original.title, origin: 'seed' },
      checkedAt: new Date(result.at).toISOString(),
    });
    expect(evidence.software.extension).toMatch(/^\d+\.\d+\.\d+$/);
    expect(evidence.page.analysed.text).toBe(result.text);
    expect(evidence.page.analysed.sha256).toBe(sha256(result.text));
    expect(evidence.library.analysed?.text).toBe(original.text);
    expect(evidence.library.analysed?.sha256).toBe(sha256(original.text));
    expect(evidence.passages).toEqual(
      match.passages.map((passage) => ({ pageStart: passage.inputStart, pageEnd: passage.inputEnd, libraryStart: passage.sourceStart, libraryEnd: passage.sourceEnd })),
    );
    expect(evidence.swaps.map((swap) => `${swap.library} → ${swap.page}`)).toContain('said → mentioned');

    // Evidence: the HTML report, opened in Chromium.
    const [htmlDownload] = await Promise.all([popup.waitForEvent('download'), card.getByRole('button', { name: 'report (HTML)' }).click()]);
    const reportPath = join(ARTIFACTS_DIR, 'evidence-report.html');
    await htmlDownload.saveAs(reportPath);
    const report = await harness.context.newPage();
    await report.setViewportSize({ width: 1100, height: 900 });
    await report.goto(pathToFileURL(reportPath).href);
    expect(await report.locator('.passage').count()).toBe(match.passages.length);
    expect(await report.locator('.passage blockquote:first-child mark').allInnerTexts()).toContain('mentioned');
    expect(await report.locator('body').innerText()).toContain(sha256(result.text));
    await harness.screenshot(report, 'evidence-report', { fullPage: false });
    await report.emulateMedia({ media: 'print' });
    await harness.screenshot(report, 'evidence-report-print', { fullPage: false });
    await report.close();
  });

  it('links each match card to the original and to its library entry, which lists the page with its kind', async () => {
    const harness = extension();
    const original = seed('001');
    const pageUrl = harness.servePage('/world/kremlin-visit-2.html', spunPage());
    const { tabId } = await harness.openPage('/world/kremlin-visit-2.html');
    await harness.waitForResult(tabId);
    const popup = await harness.openPopup(tabId);
    const card = popup.locator(`[data-match-id="${original.id}"]`);
    const entryLink = card.getByRole('link', { name: 'Open in the library' });
    const href = (await entryLink.getAttribute('href'))!;
    expect(href).toBe(`chrome-extension://${harness.extensionId}/options.html#library/entry=${encodeURIComponent(original.id)}`);
    // Seeds carry no web address: no "Open the original" link for them.
    expect(await card.getByRole('link', { name: 'Open the original' }).count()).toBe(original.url?.startsWith('http') ? 1 : 0);

    const options = await harness.context.newPage();
    await options.setViewportSize({ width: 1100, height: 800 });
    await options.goto(href);
    await expect.poll(() => options.locator('#entry-title').textContent()).toBe(original.title);
    const recent = options.locator('ul.recent li', { hasText: pageUrl });
    await recent.first().waitFor();
    expect(await recent.first().locator('.recent-kind').innerText()).toBe('Spun copy');
    expect(await recent.first().locator('a.recent-title').getAttribute('href')).toBe(pageUrl);
    await harness.screenshot(options, 'options-entry-recent-matches', { fullPage: false });

    const commands = await harness.inServiceWorker(() => chrome.commands.getAll(), undefined);
    expect(commands).toContainEqual(expect.objectContaining({ name: 'show-on-page' }));
  });
});

declare const chrome: { commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> } };

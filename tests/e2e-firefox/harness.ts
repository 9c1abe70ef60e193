/**
 * End-to-end harness for Firefox: the built extension (.output/firefox-mv2) in Debian's
 * Firefox ESR, driven over WebDriver BiDi by puppeteer-core, plus a tiny page server on
 * 127.0.0.1. Same shape as the Chromium harness (tests/e2e/harness.ts):
 *
 *   const h = await FirefoxHarness.launch();
 *   h.servePage('/a.html', html);
 *   const { page, tabId } = await h.openPage('/a.html');
 *   const result = await h.waitForResult(tabId);
 *   const popup = await h.openPopup(tabId);
 *   await h.screenshot(popup, 'firefox-popup-spun');
 *   await h.close();
 *
 * How the extension's pages are reached (WebDriver BiDi refuses moz-extension:// addresses
 * by default): Firefox is started with `--remote-allow-system-access`, Firefox's own switch
 * (geckodriver's --allow-system-access) that lets the remote agent open privileged addresses,
 * and the extension's internal UUID is fixed with the preference extensions.webextensions.uuids,
 * so popup.html and options.html open in ordinary tabs, as the real popup and options page
 * documents, from the very build users get. Firefox reports no BiDi navigation event for that
 * first, cross-process load, so `openExtensionPage` waits for the document itself instead of
 * for `page.goto`. `browser.*` calls the tests need (a tab's stored result, its badge, the
 * active tab's id, a reload) run in an extension page of ours (the control page), which
 * has the same APIs as the background page.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import type { Browser as FirefoxApis } from 'webextension-polyfill';
import type { TabResult } from '../../lib/protocol';
import { tabResultKey } from '../../lib/extension/tab-result-key';

/** Firefox's own promise-based `browser` global inside an extension page, where `inExtension` functions run. */
declare const browser: FirefoxApis;

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS_DIR = join(PROJECT_ROOT, 'test-artifacts');
const EXTENSION_DIR = join(PROJECT_ROOT, '.output/firefox-mv2');
/** browser_specific_settings.gecko.id in wxt.config.ts. */
const GECKO_ID = 'recycled-news@example.org';
/** Any fixed UUID: it only has to be known before the extension is installed. */
const EXTENSION_UUID = '5f1d6c2e-8a4b-4c3d-9e7f-0a1b2c3d4e5f';
const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** Generous: on a loaded two-core machine page loads and the background's start take seconds. */
const PAGE_TIMEOUT_MS = 60_000;
const SETTLED_SELECTOR = '[data-state]:not([data-state="loading"]):not([data-state="checking"])';

const isSettled = (result: TabResult) => result.status !== 'checking';

/** Calls `check` every 100 ms until it says true; throws after `timeoutMs`, naming `what`. */
async function pollUntil(what: string, check: () => Promise<boolean>, timeoutMs = PAGE_TIMEOUT_MS, lastSeen?: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`No ${what} after ${timeoutMs} ms${lastSeen ? ` (last: ${lastSeen()})` : ''}.`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

export interface LaunchOptions {
  /** The colour scheme pages see (Firefox's content override preference); 'light' by default. */
  colorScheme?: 'light' | 'dark';
}

export interface OpenedPage {
  page: Page;
  tabId: number;
}

export class FirefoxHarness {
  private readonly routes = new Map<string, { body: string; contentType: string }>();
  private control: Page | undefined;

  private constructor(
    readonly browser: Browser,
    private readonly server: Server,
    readonly baseUrl: string,
  ) {
    server.on('request', (request, response) => {
      const route = this.routes.get(new URL(request.url ?? '/', baseUrl).pathname);
      if (!route) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      response.writeHead(200, { 'content-type': route.contentType }).end(route.body);
    });
  }

  /** Starts the page server and a headless Firefox ESR with the built extension installed. */
  static async launch({ colorScheme = 'light' }: LaunchOptions = {}): Promise<FirefoxHarness> {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npx wxt build -b firefox\` first.`);
    }
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    let browser: Browser | undefined;
    try {
      browser = await puppeteer.launch({
        browser: 'firefox',
        protocol: 'webDriverBiDi',
        executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
        headless: true,
        args: ['--remote-allow-system-access'],
        extraPrefsFirefox: {
          'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
          // 0 dark, 1 light (Puppeteer's media emulation needs CDP, which Firefox no longer has).
          'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
        },
      });
      await browser.installExtension(EXTENSION_DIR);
    } catch (error) {
      await browser?.close();
      await new Promise<void>((done) => server.close(() => done()));
      throw error;
    }
    const harness = new FirefoxHarness(browser, server, baseUrl);
    try {
      await harness.welcomePageOpened();
    } catch (error) {
      await harness.close();
      throw error;
    }
    return harness;
  }

  /**
   * The extension opens its welcome page on install, in a tab that becomes the active one. A
   * test page opened before it would then be a background tab, where Firefox runs no animation
   * frames and Puppeteer's locators (which wait for a stable box, frame by frame) never act: wait
   * until the welcome tab is there, so that every page opened later is in front of it. (Puppeteer
   * is not told of tabs an extension opens; the extension's own tabs API is.)
   */
  private async welcomePageOpened(): Promise<void> {
    const welcomeUrl = `${EXTENSION_ORIGIN}/welcome.html`;
    const openUrls = () => this.inExtension(async () => (await browser.tabs.query({})).map((tab) => tab.url), undefined);
    await pollUntil(`welcome page (${welcomeUrl}) on install`, async () => (await openUrls()).includes(welcomeUrl));
  }

  /** Serves `body` at `path` (e.g. '/news/a.html') from now on. */
  servePage(path: string, body: string, contentType = 'text/html; charset=utf-8'): string {
    this.routes.set(path, { body, contentType });
    return this.url(path);
  }

  /** The served address of `path` (absolute addresses pass through). */
  url(path: string): string {
    return new URL(path, this.baseUrl).href;
  }

  /**
   * Opens one of the extension's pages (e.g. 'options.html') in a new tab and waits until its
   * document has loaded. See the file comment for why this is not `page.goto` alone.
   */
  async openExtensionPage(path: string, viewport = { width: 1200, height: 800 }): Promise<Page> {
    const page = await this.browser.newPage();
    await page.setViewport(viewport);
    const address = `${EXTENSION_ORIGIN}/${path}`;
    // The navigation itself is real; only its completion event never arrives.
    void page.goto(address, { timeout: PAGE_TIMEOUT_MS }).catch(() => undefined);
    // Plain evaluations, retried: Puppeteer's waitForFunction breaks when the realm it polls in
    // (about:blank's) is replaced by the extension page's in mid-poll.
    await pollUntil(`${address} loaded`, () =>
      page.evaluate((expected: string) => location.href === expected && document.readyState === 'complete', address).catch(() => false),
    );
    return page;
  }

  /** Runs `fn` in an extension page (browser.* APIs available there). */
  async inExtension<Arg, Result>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg): Promise<Result> {
    if (!this.control || this.control.isClosed()) this.control = await this.openExtensionPage('options.html');
    // Puppeteer's serialisation types do not follow a generic Arg: the function runs as given.
    return (await this.control.evaluate(fn as (arg: unknown) => unknown, arg)) as Result;
  }

  /**
   * Opens `pathOrUrl` in a new tab, makes it the active tab and learns its id. Tab ids are not
   * visible to Puppeteer, and Firefox hides web pages' addresses and titles from an extension
   * without the `tabs` permission: the new tab is the one id that was not there before.
   */
  async openPage(pathOrUrl: string): Promise<OpenedPage> {
    const tabIds = () => this.inExtension(async () => (await browser.tabs.query({})).map((tab) => tab.id), undefined);
    const before = new Set(await tabIds());
    const page = await this.browser.newPage();
    await page.goto(this.url(pathOrUrl), { timeout: PAGE_TIMEOUT_MS });
    await page.bringToFront();
    const added = (await tabIds()).filter((id) => !before.has(id));
    if (added.length !== 1 || added[0] === undefined) throw new Error(`Expected one new tab for ${pathOrUrl}, found ${JSON.stringify(added)}.`);
    return { page, tabId: added[0] };
  }

  /** The stored result for a tab (what the popup shows), or null when there is none. */
  async tabResult(tabId: number): Promise<TabResult | null> {
    return this.inExtension(async (storageKey) => {
      const stored = await browser.storage.session.get(storageKey);
      return (stored[storageKey] as TabResult | undefined) ?? null;
    }, tabResultKey(tabId));
  }

  /**
   * Waits until the tab's result satisfies `until` (by default: settled, i.e. anything but
   * 'checking') and returns it.
   */
  async waitForResult(tabId: number, until: (result: TabResult) => boolean = isSettled, timeoutMs = 30_000): Promise<TabResult> {
    let last: TabResult | null = null;
    await pollUntil(
      `tab ${tabId}'s awaited result`,
      async () => {
        last = await this.tabResult(tabId);
        return last !== null && until(last);
      },
      timeoutMs,
      () => JSON.stringify(last)?.slice(0, 300),
    );
    return last!;
  }

  /** The toolbar badge of a tab (Firefox's MV2 build: browserAction). */
  async badgeText(tabId: number): Promise<string> {
    return this.inExtension((id) => browser.browserAction.getBadgeText({ tabId: id }), tabId);
  }

  /** Opens the popup document as a tab, pointed at tab `tabId`, at popup width; waits for it to settle. */
  async openPopup(tabId: number): Promise<Page> {
    // A short viewport: full-page screenshots then take the popup's own height, as a real popup does.
    const page = await this.openExtensionPage(`popup.html?tabId=${tabId}`, { width: 400, height: 120 });
    await page.waitForSelector(SETTLED_SELECTOR, { timeout: PAGE_TIMEOUT_MS });
    return page;
  }

  /** Opens the options page in a new tab, at a desktop size. */
  async openOptions(): Promise<Page> {
    return this.openExtensionPage('options.html');
  }

  /**
   * Reloads the extension (runtime.reload): its background page starts again from nothing and
   * every extension page closes; resolves once an extension page of the new instance is open.
   */
  async reloadExtension(): Promise<void> {
    const control = this.control;
    this.control = undefined;
    if (!control) throw new Error('Nothing of the extension is open: there is nothing to reload.');
    // The page running the call goes away with the old instance, so the call never answers.
    void control.evaluate(() => browser.runtime.reload()).catch(() => undefined);
    // Puppeteer is not told that Firefox closed the tab; a call into it fails once it is gone.
    await pollUntil('the extension reloaded (its page closed)', async () => !(await control.evaluate(() => true).catch(() => false)));
    await this.inExtension(() => undefined, undefined);
  }

  /** Saves a screenshot (whole page unless `fullPage: false`) to test-artifacts/<name>.png; returns its path. */
  async screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const path = join(ARTIFACTS_DIR, `${name}.png`);
    await page.screenshot({ path, fullPage });
    return path;
  }

  async close(): Promise<void> {
    await this.browser.close();
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }
}

/**
 * One Firefox for a test file: launched before its tests, closed after them. Returns a getter
 * (the harness exists only once `beforeAll` has run).
 */
export function useFirefox(options?: LaunchOptions): () => FirefoxHarness {
  let harness: FirefoxHarness | undefined;
  beforeAll(async () => {
    harness = await FirefoxHarness.launch(options);
  });
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error('Firefox is not launched yet: use the harness inside tests.');
    return harness;
  };
}

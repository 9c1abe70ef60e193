/**
 * End-to-end harness: the built extension (.output/chrome-mv3) in Debian's Chromium through
 * playwright-core, plus a tiny page server on 127.0.0.1. Flags and recipe:
 * ../shared/docs/TOOLCHAIN.md ("Real Chromium for end-to-end tests").
 *
 *   const h = await launchExtension();
 *   h.servePage('/a.html', html);
 *   const { page, tabId } = await h.openPage('/a.html');
 *   const result = await h.waitForResult(tabId);
 *   const popup = await h.openPopup(tabId);
 *   await h.screenshot(popup, 'popup-spun');
 *   await h.close();
 */
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { browser } from 'wxt/browser';
import type { TabResult } from '../../lib/protocol';
import { TAB_RESULT_PREFIX, tabResultKey } from '../../lib/extension/tab-result-key';

/** The `chrome` global inside the service worker, where `inServiceWorker` functions run. */
declare const chrome: typeof browser;

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS_DIR = join(PROJECT_ROOT, 'test-artifacts');
const DEFAULT_EXTENSION_DIR = join(PROJECT_ROOT, '.output/chrome-mv3');

/** Without the networking flags Chromium floods the closed network with refused connections. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const SERVICE_WORKER_TIMEOUT_MS = 90_000;

const isSettled = (result: TabResult) => result.status !== 'checking';

export interface LaunchOptions {
  /** Built extension to load; defaults to .output/chrome-mv3. */
  extensionDir?: string;
  /** More Chromium flags, e.g. ['--lang=fr'] for the UI language. */
  args?: string[];
  /** More environment for Chromium (LANGUAGE/LANG also pick the UI language on Linux). */
  env?: Record<string, string>;
  /** A browser profile to use and keep (close() leaves it; a benchmark reuses its library);
   *  by default a temporary one, deleted by close(). The welcome tab is awaited only when it is new. */
  profileDir?: string;
}

export interface OpenedPage {
  page: Page;
  tabId: number;
}

/**
 * The extension opens its welcome page on install. Tests find a tab's id as the active tab, so a
 * welcome tab opening later would be taken for the test's page: wait until it is there.
 */
async function welcomePageOpened(context: BrowserContext, extensionId: string): Promise<void> {
  const welcomeUrl = `chrome-extension://${extensionId}/welcome.html`;
  for (const deadline = Date.now() + SERVICE_WORKER_TIMEOUT_MS; Date.now() < deadline; ) {
    if (context.pages().some((page) => page.url() === welcomeUrl)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`The welcome page (${welcomeUrl}) did not open on install.`);
}

export class ExtensionHarness {
  private readonly routes = new Map<string, { body: string; contentType: string }>();

  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    private readonly server: Server,
    readonly baseUrl: string,
    /** The browser's profile (a temporary directory, deleted by close(), unless kept). */
    readonly userDataDir: string,
    private readonly keepProfile = false,
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

  static async launch(options: LaunchOptions = {}): Promise<ExtensionHarness> {
    const extensionDir = options.extensionDir ?? DEFAULT_EXTENSION_DIR;
    if (!existsSync(join(extensionDir, 'manifest.json'))) {
      throw new Error(`No built extension in ${extensionDir}: run \`npx wxt build\` first.`);
    }
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const keepProfile = options.profileDir !== undefined;
    const freshProfile = !keepProfile || !existsSync(join(options.profileDir!, 'Default'));
    const userDataDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'recycled-news-e2e-')));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [...CHROMIUM_FLAGS, ...(options.args ?? []), `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
      ...(options.env ? { env: { ...process.env, ...options.env } as Record<string, string> } : {}),
    });
    // Generous: on a loaded two-core machine the worker has been seen to take over 30 s to start.
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: SERVICE_WORKER_TIMEOUT_MS }));
    const extensionId = new URL(worker.url()).host;
    if (freshProfile) await welcomePageOpened(context, extensionId);
    return new ExtensionHarness(context, extensionId, server, baseUrl, userDataDir, keepProfile);
  }

  /** Serves `body` at `path` (e.g. '/news/a.html') from now on. */
  servePage(path: string, body: string, contentType = 'text/html; charset=utf-8'): string {
    this.routes.set(path, { body, contentType });
    return this.url(path);
  }

  url(path: string): string {
    return new URL(path, this.baseUrl).href;
  }

  /** The extension's service worker; looked up each time because MV3 may restart it. */
  async serviceWorker(): Promise<Worker> {
    const origin = `chrome-extension://${this.extensionId}/`;
    const running = this.context.serviceWorkers().find((worker) => worker.url().startsWith(origin));
    return running ?? (await this.context.waitForEvent('serviceworker', (worker) => worker.url().startsWith(origin)));
  }

  /** Runs `fn` inside the service worker (chrome.* APIs available there). */
  async inServiceWorker<Arg, Result>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg): Promise<Result> {
    const worker = await this.serviceWorker();
    // Playwright's serialisation types do not follow a generic Arg: the function runs as given.
    return (await worker.evaluate(fn as (arg: unknown) => unknown, arg)) as Result;
  }

  /** Opens `pathOrUrl` in a new tab and learns the tab's id (the page is made the active tab). */
  async openPage(pathOrUrl: string): Promise<OpenedPage> {
    const page = await this.context.newPage();
    await page.goto(this.url(pathOrUrl));
    return { page, tabId: await this.tabIdOf(page) };
  }

  /**
   * Tab ids are not visible to Playwright: activate the page and ask the browser for the active
   * tab. The welcome tab may sit active in a window of its own, and "last focused window" is
   * unreliable headless, so active tabs showing another address we can read (our own pages; a
   * web page's address is hidden from us without the "tabs" permission) are left out first.
   */
  async tabIdOf(page: Page): Promise<number> {
    await page.bringToFront();
    const tabId = await this.inServiceWorker(async (url) => {
      const active = (await chrome.tabs.query({ active: true })).filter((tab) => tab.url === undefined || tab.url === url);
      if (active.length === 1) return active[0].id;
      const [focused] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return focused?.id;
    }, page.url());
    if (tabId === undefined) throw new Error('Could not find the id of the active tab.');
    return tabId;
  }

  /** Every tab (its window, whether active) and every stored result's tab, address and status: what a timed-out wait prints. */
  private async tabsReport(): Promise<string> {
    return this.inServiceWorker(async (prefix) => {
      const tabs = (await chrome.tabs.query({})).map((tab) => `${tab.id} in window ${tab.windowId}${tab.active ? ' (active)' : ''}`);
      const stored = Object.entries(await chrome.storage.session.get(null))
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, value]) => `${key.slice(prefix.length)}: ${(value as TabResult).status} ${(value as TabResult).url}`);
      return `open ${tabs.join(', ')}; stored ${stored.join(', ') || 'none'}`;
    }, TAB_RESULT_PREFIX);
  }

  /** The stored result for a tab (what the popup shows), or null when there is none. */
  async tabResult(tabId: number): Promise<TabResult | null> {
    const key = tabResultKey(tabId);
    return this.inServiceWorker(async (storageKey) => {
      const stored = await chrome.storage.session.get(storageKey);
      return (stored[storageKey] as TabResult | undefined) ?? null;
    }, key);
  }

  /**
   * Waits until the tab's result satisfies `until` (by default: settled, i.e. anything but
   * 'checking') and returns it.
   */
  async waitForResult(tabId: number, until: (result: TabResult) => boolean = isSettled, timeoutMs = 20_000): Promise<TabResult> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = await this.tabResult(tabId);
      if (result && until(result)) return result;
      if (Date.now() > deadline) {
        const tabs = await this.tabsReport().catch((error: unknown) => String(error));
        throw new Error(`Tab ${tabId}: no awaited result after ${timeoutMs} ms (last: ${JSON.stringify(result)?.slice(0, 300)}; tabs: ${tabs}).`);
      }
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  /**
   * The tab's result as the popup receives it: with the page text, which the per-tab storage
   * does not keep (it lives in the service worker's memory). Asked from an extension page.
   */
  async shownResult(tabId: number): Promise<TabResult | null> {
    const page = await this.context.newPage();
    try {
      await page.goto(`chrome-extension://${this.extensionId}/options.html`);
      const reply = (await page.evaluate((id) => chrome.runtime.sendMessage({ type: 'tab/result', tabId: id }), tabId)) as
        | { ok: true; value: TabResult | null }
        | { ok: false; error: string };
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    } finally {
      await page.close();
    }
  }

  /** Writes `storage.local` items, e.g. settings ({ scanMode: 'click' }: keys as lib/settings.ts declares them). */
  async setLocalStorage(items: Record<string, unknown>): Promise<void> {
    await this.inServiceWorker((values) => chrome.storage.local.set(values), items);
  }

  async badgeText(tabId: number): Promise<string> {
    return this.inServiceWorker((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  /** Opens the popup as a tab, pointed at tab `tabId`, at popup width; waits for it to settle. */
  async openPopup(tabId: number): Promise<Page> {
    const page = await this.context.newPage();
    // A short viewport: full-page screenshots then take the popup's own height, as a real popup does.
    await page.setViewportSize({ width: 400, height: 120 });
    await page.goto(`chrome-extension://${this.extensionId}/popup.html?tabId=${tabId}`);
    await page.waitForSelector('[data-state]:not([data-state="loading"]):not([data-state="checking"])');
    return page;
  }

  async openOptions(): Promise<Page> {
    const page = await this.context.newPage();
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(`chrome-extension://${this.extensionId}/options.html`);
    return page;
  }

  /** Saves a screenshot (whole page unless `fullPage: false`) to test-artifacts/<name>.png; returns its path. */
  async screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const path = join(ARTIFACTS_DIR, `${name}.png`);
    await page.screenshot({ path, fullPage });
    return path;
  }

  async close(): Promise<void> {
    await this.context.close();
    // Chromium keeps connections alive: without this, close() waits for them forever.
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
    if (!this.keepProfile) await rm(this.userDataDir, { recursive: true, force: true });
  }
}

export const launchExtension = (options?: LaunchOptions): Promise<ExtensionHarness> => ExtensionHarness.launch(options);

/**
 * One browser for a test file: launched before its tests, closed after them. Returns a getter
 * (the harness exists only once `beforeAll` has run).
 */
export function useExtension(options?: LaunchOptions): () => ExtensionHarness {
  let harness: ExtensionHarness | undefined;
  beforeAll(async () => {
    harness = await launchExtension(options);
  });
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error('The extension is not launched yet: use the harness inside tests.');
    return harness;
  };
}

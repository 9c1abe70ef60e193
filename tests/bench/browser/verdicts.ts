/**
 * Times verdicts the way a reader meets them: a generated news page is opened in a new tab and
 * the tab's result is watched from an extension page through `storage.session.onChanged` (the
 * stored result is what the popup and badge show; no polling, and it keeps working while the
 * service worker is stopped). Two figures per page, both from the stored results' own `at`
 * times (the worker's Date.now(), the same clock as this process):
 * - verdict: from just before the navigation to the settled result;
 * - worker: from the worker's "checking" record (written when the content script's report
 *   arrives) to the settled result: the worker's own match time, index loading included when
 *   the worker had to load it. Absent when the settled result did not replace a "checking".
 */
import type { Page } from 'playwright-core';
import { TAB_RESULT_PREFIX } from '../../../lib/extension/tab-result-key';
import type { StoredTabResult } from '../../../lib/protocol';
import type { ExtensionHarness } from '../../e2e/harness';
import { ExtensionProbe } from '../../e2e/lifecycle-helpers';
import { newsPage } from '../../e2e/pages/site-chrome';
import { makeQuery, type QueryKind } from '../engine-corpus';

declare const chrome: typeof import('wxt/browser').browser;

export interface Verdict {
  status: StoredTabResult['status'];
  /** Library articles the page was matched with (done results only). */
  matches: number;
  verdictMs: number;
  workerMs?: number;
  /** When the result was stored (the worker's Date.now()). */
  settledAt: number;
}

interface Settled {
  status: StoredTabResult['status'];
  at: number;
  checkingAt?: number;
  matches: number;
}

const KINDS: readonly QueryKind[] = ['verbatim', 'spun', 'partial', 'unrelated'];

/** A news page made from the library of `librarySize` (query `n`: a verbatim, spun, partial copy or an unrelated article, in turn). */
export function queryPage(librarySize: number, label: string, n: number): string {
  const query = makeQuery(KINDS[n % KINDS.length], librarySize, `${label}-${n}`);
  return newsPage({ site: 'Bench Daily', headline: `Story ${label} ${n}`, publishedAt: '2026-11-30T08:00:00Z', paragraphs: query.text.split('\n\n') });
}

export class VerdictWatch {
  private constructor(
    private readonly harness: ExtensionHarness,
    readonly probe: ExtensionProbe,
  ) {}

  /** Opens the watching extension page (options.html#settings) and starts listening. */
  static async open(harness: ExtensionHarness): Promise<VerdictWatch> {
    const probe = await ExtensionProbe.open(harness);
    await probe.page.evaluate((prefix) => {
      const settled = new Map<string, Settled>();
      const waiting = new Map<string, (value: Settled) => void>();
      (globalThis as unknown as { benchVerdicts: unknown }).benchVerdicts = { settled, waiting };
      chrome.storage.session.onChanged.addListener((changes) => {
        for (const [key, { newValue, oldValue }] of Object.entries(changes)) {
          const result = newValue as StoredTabResult | undefined;
          if (!key.startsWith(prefix) || !result || result.status === 'checking' || settled.has(result.url)) continue;
          const before = oldValue as StoredTabResult | undefined;
          const value: Settled = {
            status: result.status,
            at: result.at,
            checkingAt: before?.status === 'checking' && before.url === result.url ? before.at : undefined,
            matches: result.status === 'done' ? result.matches.length : 0,
          };
          settled.set(result.url, value);
          waiting.get(result.url)?.(value);
        }
      });
    }, TAB_RESULT_PREFIX);
    return new VerdictWatch(harness, probe);
  }

  get page(): Page {
    return this.probe.page;
  }

  /** Serves `html` at `path`, opens it in a new tab and waits (up to `timeoutMs`) for its verdict; the tab is closed after. */
  async visit(path: string, html: string, timeoutMs = 120_000): Promise<Verdict> {
    const url = this.harness.servePage(path, html);
    const tab = await this.harness.context.newPage();
    try {
      const started = Date.now();
      const waiting = this.settledAt(url, timeoutMs);
      await tab.goto(url);
      const settled = await waiting;
      if (!settled) throw new Error(`${url}: no verdict within ${timeoutMs / 1000} s (stored for it: ${await this.storedFor(url)}).`);
      return {
        status: settled.status,
        matches: settled.matches,
        verdictMs: settled.at - started,
        settledAt: settled.at,
        ...(settled.checkingAt !== undefined ? { workerMs: settled.at - settled.checkingAt } : {}),
      };
    } finally {
      await tab.close();
    }
  }

  /** What storage.session holds for `url` (for error messages). */
  private storedFor(url: string): Promise<string> {
    return this.probe.page.evaluate(
      async ([prefix, address]) => {
        const found = Object.entries(await chrome.storage.session.get(null)).filter(([key, value]) => key.startsWith(prefix) && (value as StoredTabResult).url === address);
        return found.length === 0 ? 'nothing' : found.map(([key, value]) => `${key}: ${JSON.stringify(value).slice(0, 200)}`).join('; ');
      },
      [TAB_RESULT_PREFIX, url] as const,
    );
  }

  private settledAt(url: string, timeoutMs: number): Promise<Settled | null> {
    return this.probe.page.evaluate(
      ([address, ms]) =>
        new Promise<Settled | null>((resolve) => {
          const { settled, waiting } = (globalThis as unknown as { benchVerdicts: { settled: Map<string, Settled>; waiting: Map<string, (value: Settled) => void> } }).benchVerdicts;
          const known = settled.get(address);
          if (known) return resolve(known);
          const timer = setTimeout(() => resolve(null), ms);
          waiting.set(address, (value) => {
            clearTimeout(timer);
            resolve(value);
          });
        }),
      [url, timeoutMs] as const,
    );
  }

  /** Stops the extension's service worker through the DevTools protocol, as the browser stops an idle one. */
  stopWorker(): Promise<void> {
    return this.probe.stopWorkers();
  }

  async close(): Promise<void> {
    await this.probe.page.close();
  }
}

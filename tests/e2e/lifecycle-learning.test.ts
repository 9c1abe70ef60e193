/**
 * Learning while reading, against a page that floods (issue 12 point 3): a single-page site
 * that rewrites its article and its address with history.pushState every 200 ms must not
 * teach the library its articles; only an article the reader stays on is learned, one per visit.
 */
import { describe, expect, it } from 'vitest';
import { useExtension } from './harness';
import { ExtensionProbe } from './lifecycle-helpers';

declare const chrome: typeof import('wxt/browser').browser;

/** An article of its own words for each number: none copies another. */
function story(n: number): string {
  let state = n * 7919 + 17;
  const word = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state.toString(36).slice(0, 3 + (state % 5));
  };
  return Array.from({ length: 6 }, () => `<p>${Array.from({ length: 40 }, word).join(' ')}.</p>`).join('');
}

/** A page that, once started, replaces its article and pushes a new address every `everyMs`. */
function floodingPage(count: number, everyMs: number): string {
  const stories = JSON.stringify(Array.from({ length: count }, (_, n) => story(n)));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live</title></head>
<body><article><h1>Story 0</h1><div id="body">${story(0)}</div></article>
<script>
  const stories = ${stories};
  let n = 0;
  window.flood = () => new Promise((done) => {
    const timer = setInterval(() => {
      n += 1;
      if (n >= stories.length) { clearInterval(timer); done(n); return; }
      document.querySelector('h1').textContent = 'Story ' + n;
      document.getElementById('body').innerHTML = stories[n];
      history.pushState({}, '', '/live/story-' + n);
    }, ${everyMs});
  });
</script></body></html>`;
}

describe('learning while reading, against a flooding page', () => {
  const extension = useExtension();

  it('learns at most one article from a page that keeps rewriting itself', async () => {
    const harness = extension();
    const probe = await ExtensionProbe.open(harness);
    await harness.setLocalStorage({ learning: { enabled: true, excludedSites: [], cap: 1000 } });
    const learned = () => probe.page.evaluate(async () => (await chrome.runtime.sendMessage({ type: 'library/stats' })).value.byOrigin.learned as number);
    expect(await learned()).toBe(0);

    harness.servePage('/live/story-0', floodingPage(60, 200));
    const page = await harness.context.newPage();
    await page.goto(harness.url('/live/story-0'));
    await page.evaluate(() => (window as unknown as { flood(): Promise<number> }).flood());
    // The flood is over (60 articles in 12 s): nothing stayed long enough to be learned.
    expect(await learned()).toBe(0);
    // The last article stays on screen: it is learned, and it alone.
    await expect.poll(learned, { timeout: 40_000, interval: 1_000 }).toBe(1);
    await new Promise((done) => setTimeout(done, 12_000));
    expect(await learned()).toBe(1);
    await page.close();
  }, 120_000);
});

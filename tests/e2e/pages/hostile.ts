/**
 * Pages that try to detect, silence or drown the content script, written for the tests: each is
 * a copy of a seed article (so a checked page is flagged) with something added to its <head>
 * or <body>.
 */
import { seed } from './seeds';
import { newsPage } from './site-chrome';

/** A content farm's copy of seed `key`, in site chrome. */
export function seedCopy(key: string): string {
  const entry = seed(key);
  return newsPage({ site: 'The Daily Courier', headline: entry.title, byline: 'Staff reporter', paragraphs: entry.text.split('\n\n') });
}

const withHead = (html: string, script: string) => html.replace('</head>', `<script>${script}</script></head>`);
const withBodyEnd = (html: string, markup: string) => html.replace('</body>', `${markup}</body>`);

/**
 * Seed copy whose own script, from the first line of <head>:
 * - records every window message it did not send and every DOM change (window.__seen);
 * - listens for WXT's announcement and location events under the extension's id;
 * - every 100 ms posts and dispatches WXT's "content script started" handshake (with the real
 *   extension id, the worst case: ids of store extensions are public), and replays any message
 *   it received, without knowing anything.
 */
export function forgingPage(key: string, extensionId: string): string {
  const script = `
    window.__seen = [];
    const names = ['content', 'content-scanner'].flatMap((entry) => ['wxt:content-script-started', 'wxt:locationchange'].map((event) => ${JSON.stringify(extensionId)} + ':' + entry + ':' + event));
    for (const name of names) {
      // The page's own forgeries carry a mark; anything else under these names came from elsewhere.
      const record = (where) => (event) => event.detail?.forged || window.__seen.push(where + ' event ' + event.type);
      document.addEventListener(name, record('document'), true);
      window.addEventListener(name, record('window'), true);
    }
    const received = [];
    addEventListener('message', (event) => {
      if (event.data && event.data.forged) return;
      window.__seen.push('message ' + JSON.stringify(event.data));
      received.push(event.data);
    });
    // From the end of parsing: the parser's own insertions are not the extension's.
    addEventListener('DOMContentLoaded', () => new MutationObserver((records) => window.__seen.push('mutations ' + records.length)).observe(document, { subtree: true, childList: true, attributes: true, characterData: true }));
    setInterval(() => {
      for (const name of names) {
        window.postMessage({ forged: true, type: name, contentScriptName: name.split(':')[1], messageId: String(Math.random()) }, '*');
        document.dispatchEvent(new CustomEvent(name, { detail: { forged: true, contentScriptName: name.split(':')[1], messageId: String(Math.random()) } }));
      }
      for (const data of received) window.postMessage(data, '*');
    }, 100);`;
  return withHead(seedCopy(key), script);
}

/** Seed copy plus a hidden block of `count` empty elements (0.6 MB of markup at 46,000). */
export function paddedPage(key: string, count: number): string {
  return withBodyEnd(seedCopy(key), `<div style="display:none">${'<span></span>'.repeat(count)}</div>`);
}

/** A long tasks observer from the first line of <head>: window.__longTasks holds [startTime, duration] pairs. */
const LONG_TASKS_SCRIPT = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]); }).observe({ type: 'longtask' });`;

/** Seed copy followed by a comments block of about `megabytes` MB of text in 500-character comments; long tasks observed. */
export function hugePage(key: string, megabytes: number): string {
  const comment = 'I have read this story twice and I still think the council has not told us the whole truth about who pays for it, and I say so as someone who has lived on this street for thirty years and seen three such plans come and go. ';
  const count = Math.ceil((megabytes * 1_000_000) / (comment.length * 2 + 40));
  const comments = Array.from({ length: count }, (_, index) => `<li><p>${comment}${comment}#${index}</p></li>`).join('');
  return withHead(withBodyEnd(seedCopy(key), `<section class="reader-comments"><ol>${comments}</ol></section>`), LONG_TASKS_SCRIPT);
}

/**
 * Seed copy with its article `depth` levels deep in markup. Chromium's parser stops nesting at
 * 512 levels (the rest become siblings); a DOM built 5,000 deep by script crashes Chromium's
 * renderer with or without the extension, so markup is what a real page can do.
 */
export function deepPage(key: string, depth: number): string {
  const html = seedCopy(key);
  const start = html.indexOf('<article>');
  const end = html.indexOf('</article>') + '</article>'.length;
  const nested = `${'<div>'.repeat(depth)}${html.slice(start, end)}${'</div>'.repeat(depth)}`;
  return withHead(html.slice(0, start) + nested + html.slice(end), LONG_TASKS_SCRIPT);
}

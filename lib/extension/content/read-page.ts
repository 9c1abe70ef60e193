/**
 * What the content script reports about a page: its article, that it holds none, or that it
 * is too large to check (the background fingerprints the article's text: warm code there,
 * where in each page it would run cold on the page's main thread). The work is cut into idle tasks: the page's size is measured in slices of a few
 * milliseconds, and caps are decided before anything is cloned or parsed; then the cheap check,
 * and each step of the extraction (lib/extract: clone, pruning, Readability, paragraphs, dates)
 * run in an idle task each, so no task holds the page's main thread much longer
 * than Readability's own parse.
 */
import { isProbablyArticle } from '../../extract';
import { extractionSteps } from '../../extract/extract-article';
import { isTooLargeToCheck, measurePage, type PageSize } from '../../extract/page-size';
import type { ContentToBackground } from '../../protocol';

export type PageReport =
  | { type: 'page/article'; request: ContentToBackground['page/article']['request'] }
  | { type: 'page/not-article'; request: ContentToBackground['page/not-article']['request'] }
  | { type: 'page/too-large'; request: ContentToBackground['page/too-large']['request'] };

/** Runs work when the page is idle. */
export interface IdleScheduler {
  /** Runs `work` in an idle callback; rejects when it throws. */
  idle<T>(work: () => T): Promise<T>;
  /** A monotonic clock in milliseconds (performance.now). */
  now(): number;
}

/** Longest slice of measuring per idle callback: well under the 50 ms of a long task, even on a slow machine. */
export const MEASURE_SLICE_MS = 8;
/** Text nodes measured between two looks at the clock. */
const NODES_PER_STEP = 256;

/** Measures `doc` in idle slices of at most about MEASURE_SLICE_MS each. */
export async function measureInSlices(doc: Document, scheduler: IdleScheduler): Promise<PageSize> {
  const measure = measurePage(doc);
  for (let done = false; !done; ) {
    done = await scheduler.idle(() => {
      const end = scheduler.now() + MEASURE_SLICE_MS;
      let complete = measure.step(NODES_PER_STEP);
      while (!complete && scheduler.now() < end) complete = measure.step(NODES_PER_STEP);
      return complete;
    });
  }
  return measure.size;
}

/**
 * `force`: skip the cheap "is this an article?" guess (the reader asked for the page to be
 * checked anyway); the size caps still hold.
 */
export async function readPage(doc: Document, url: string, scheduler: IdleScheduler, { force = false } = {}): Promise<PageReport> {
  const size = await measureInSlices(doc, scheduler);
  if (isTooLargeToCheck(size)) return { type: 'page/too-large', request: { url } };
  const notArticle: PageReport = { type: 'page/not-article', request: { url } };
  if (!force && !(await scheduler.idle(() => isProbablyArticle(doc)))) return notArticle;
  const steps = extractionSteps(doc, { url, size });
  let step = await scheduler.idle(() => steps.next());
  while (!step.done) step = await scheduler.idle(() => steps.next());
  const extracted = step.value;
  if (!extracted) return notArticle;
  const { title, byline, siteName, publishedAt, lang, text } = extracted;
  // The page's own word for its address (an AMP page names its twin): the background decides whether to believe it.
  const canonicalUrl = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href || undefined;
  return { type: 'page/article', request: { article: { url, title, byline, siteName, publishedAt, lang, canonicalUrl, text } } };
}

/**
 * How big a page is, measured by what a reader reads (its text) rather than by its markup, and
 * whether it is too large to check. Decided before any cloning or parsing, which are the first
 * real costs. The measure can run in small steps (the content script spreads it over idle
 * callbacks) or at once (extraction in the scan command).
 */
import { MAX_PAGE_ELEMENTS, MAX_PAGE_TEXT_CHARS, MAX_PAGE_TEXT_NODES } from './tuning';

export interface PageSize {
  /** Characters of text in the page's body (scripts and styles excluded). */
  textChars: number;
  /** Text nodes holding more than white space: the pieces of text a reader sees. */
  textNodes: number;
  /** Every element of the document: a bound on what cloning costs, far above real pages. */
  elements: number;
}

export interface PageMeasure {
  /** Measures at most `nodes` more text nodes; returns true when the measure is complete. */
  step(nodes: number): boolean;
  /** The size so far (final once `step` returned true). */
  readonly size: PageSize;
}

/** Never read as text, so never counted. */
const UNREAD_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
const NOT_BLANK = /\S/;
const LONG_NODE_CHARS = 64;
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, spelled out: jsdom's window is not a global in Node.

/**
 * Starts measuring `doc`. The measure stops early once a cap is passed: then the page is too
 * large whatever the rest holds. Hidden text counts (telling what is hidden would need layout);
 * empty elements, hidden or not, do not, so padding a page with them changes nothing.
 */
export function measurePage(doc: Document): PageMeasure {
  const size: PageSize = { textChars: 0, textNodes: 0, elements: doc.getElementsByTagName('*').length };
  const root = doc.body ?? doc.documentElement;
  const walker = root ? doc.createTreeWalker(root, SHOW_TEXT) : null;
  let done = walker === null || size.elements > MAX_PAGE_ELEMENTS;
  return {
    size,
    step(nodes) {
      for (let left = nodes; !done && left > 0; left--) {
        const node = walker!.nextNode() as Text | null;
        if (!node) {
          done = true;
          break;
        }
        if (UNREAD_PARENTS.has(node.parentElement?.tagName ?? '')) continue;
        size.textChars += node.length;
        // Long nodes are not read as strings (that would copy the page's text, and make garbage):
        // white space that long is rare, and counting it errs towards "too large", never hides text.
        if (node.length > LONG_NODE_CHARS || NOT_BLANK.test(node.data)) size.textNodes += 1;
        if (isTooLargeToCheck(size)) done = true;
      }
      return done;
    },
  };
}

/** The whole measure at once. */
export function pageSize(doc: Document): PageSize {
  const measure = measurePage(doc);
  while (!measure.step(10_000));
  return measure.size;
}

/** Whether a page of this size is beyond what the extension checks (it then says so, rather than "not an article"). */
export function isTooLargeToCheck(size: PageSize): boolean {
  return size.textChars > MAX_PAGE_TEXT_CHARS || size.textNodes > MAX_PAGE_TEXT_NODES || size.elements > MAX_PAGE_ELEMENTS;
}

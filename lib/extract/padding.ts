/**
 * Padding: elements that hold nothing a reader sees (hidden, or empty). A page can add tens of
 * thousands of them to push itself over Readability's element budget; removed from the clone,
 * they no longer decide whether (or how) the article is read.
 */

/** Empty elements that still mean something to the text or to Readability's scoring. */
const MEANINGFUL_WHEN_EMPTY = new Set(['BR', 'HR', 'IMG', 'PICTURE', 'SOURCE', 'TD', 'TH', 'TR', 'INPUT']);
const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

/**
 * Readability's own visibility test (`_isProbablyVisible`, Readability.js 0.6), on attributes
 * only: the clone is not rendered, and building a style object per element is slow in jsdom.
 */
function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  if (style && HIDING_STYLE.test(style)) return true;
  return element.getAttribute('aria-hidden') === 'true' && !(element.getAttribute('class') ?? '').includes('fallback-image');
}

/** The elements under `root` in document order (a plain walk: jsdom's live collections are slow to copy). */
function descendants(root: Element): Element[] {
  const elements: Element[] = [];
  for (let element = root.firstElementChild; element; ) {
    elements.push(element);
    if (element.firstElementChild) {
      element = element.firstElementChild;
      continue;
    }
    while (element && !element.nextElementSibling && element.parentElement !== root) element = element.parentElement;
    element = element?.nextElementSibling ?? null;
  }
  return elements;
}

const TEXT_NODE = 3;

/** Whether `element` has a text child with more than white space. */
function hasOwnText(element: Element): boolean {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE && /\S/.test(child.nodeValue ?? '')) return true;
  }
  return false;
}

/**
 * Removes hidden elements, and elements holding nothing (no text, no line break or image, at
 * any depth), from `root`: a clone, which this changes. One pass from the leaves up marks what
 * holds content; then each largest subtree without content goes in one removal (a hidden block
 * of 46,000 empty elements is one removal). Returns how many subtrees were removed.
 */
export function dropPadding(root: Element): number {
  const elements = descendants(root);
  const holdsContent = new Set<Element>();
  for (let index = elements.length - 1; index >= 0; index--) {
    const element = elements[index];
    if (isHidden(element)) continue;
    let content = MEANINGFUL_WHEN_EMPTY.has(element.tagName) || hasOwnText(element);
    for (let child = element.firstElementChild; child && !content; child = child.nextElementSibling) content = holdsContent.has(child);
    if (content) holdsContent.add(element);
  }
  let removed = 0;
  for (const element of elements) {
    const parent = element.parentElement;
    if (holdsContent.has(element) || (parent !== root && !holdsContent.has(parent!))) continue;
    element.remove();
    removed += 1;
  }
  return removed;
}

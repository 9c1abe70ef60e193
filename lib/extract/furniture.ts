/**
 * Removes page furniture from a cloned document before Readability sees it: invisible and
 * executable content, and containers that class names, ids and roles mark as share bars,
 * ads, "related" and "most popular" boxes, newsletter prompts, comments or cookie banners.
 * Readability drops much of this itself, but not reliably when such a box sits inside the
 * article body, which is exactly where content farms put it.
 */
import { isCommentSectionHeading } from './boilerplate-text';
import { MAX_FURNITURE_TEXT_SHARE, MIN_TEXT_BEFORE_COMMENT_HEADING } from './tuning';

/** Never part of an article's text, and expensive for Readability to walk. */
const DEAD_CONTENT_SELECTOR = 'script, style, noscript, template, svg, canvas, iframe, object, embed, link, meta[http-equiv]';

/** Whole words of class names and ids that mark furniture (compared after splitting on -, _ and case changes). */
const FURNITURE_WORDS = new Set([
  'ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertising', 'adslot', 'adsbygoogle', 'adunit', 'dfp',
  'sponsored', 'sponsor', 'promo', 'promoted', 'outbrain', 'taboola',
  'share', 'shares', 'sharing', 'sharebar', 'social', 'socials',
  'related', 'recommended', 'recommendations', 'popular', 'trending', 'mostread', 'readmore', 'readnext',
  'newsletter', 'subscribe', 'subscription', 'signup',
  'comment', 'comments', 'respond', 'disqus', 'replies',
  'cookie', 'cookies', 'consent', 'gdpr',
  'breadcrumb', 'breadcrumbs', 'sidebar', 'navbar', 'menu', 'nav', 'masthead', 'footer',
  // Picture captions: text on the page, but not the article's. (Embedded posts stay: annotators
  // and library texts count a quoted tweet as part of the article as published.)
  'caption', 'captions',
]);

/** ARIA landmarks and widgets that are not the article. */
const FURNITURE_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'dialog', 'alertdialog', 'menu', 'menubar']);

/** Elements that are furniture by their tag alone. */
const FURNITURE_TAGS = new Set(['NAV', 'ASIDE']);

/** Splits "article-share_bar" and "shareBar" into lower-case words. */
function nameWords(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** `known` holds the verdicts on class-and-id strings already split: pages repeat them (one per comment, teaser, ad). */
function looksLikeFurniture(element: Element, known: Map<string, boolean>): boolean {
  if (FURNITURE_TAGS.has(element.tagName.toUpperCase())) return true;
  const role = element.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role.toLowerCase())) return true;
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  if (names.trim().length === 0) return false;
  let furniture = known.get(names);
  if (furniture === undefined) {
    furniture = nameWords(names).some((word) => FURNITURE_WORDS.has(word));
    known.set(names, furniture);
  }
  return furniture;
}

/** Characters of paragraph text under `element`: the measure of how much article it could hold. */
function paragraphChars(element: Element): number {
  let total = 0;
  const paragraphs = element.getElementsByTagName('p');
  for (let index = 0; index < paragraphs.length; index++) total += (paragraphs[index].textContent ?? '').length;
  return total;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, as a number: no DOM globals in Node.
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT

/** Non-space characters of text outside links that come before `target` in document order. */
function textCharsBefore(body: Element, target: Element, enough: number): number {
  const walker = body.ownerDocument.createTreeWalker(body, SHOW_TEXT);
  let total = 0;
  for (let node = walker.nextNode(); node && total < enough; node = walker.nextNode()) {
    if (target.compareDocumentPosition(node) & FOLLOWING) break;
    if (!node.parentElement?.closest('a')) total += (node.nodeValue ?? '').replace(/\s+/g, '').length;
  }
  return total;
}

/**
 * Classless comment threads: a heading such as "12 Comments" or "Leave a Reply", after some
 * text, and everything that follows it in its container. Readability would otherwise pick a
 * thread of long comments over a short article (a wire item, an earnings table) above it.
 * Headings that are or hold links ("12 comments" beside the byline) are left alone.
 */
function pruneCommentSections(body: Element): void {
  for (const heading of Array.from(body.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    if (!heading.isConnected || !isCommentSectionHeading(heading.textContent ?? '')) continue;
    if (heading.closest('a') || heading.querySelector('a')) continue;
    if (textCharsBefore(body, heading, MIN_TEXT_BEFORE_COMMENT_HEADING) < MIN_TEXT_BEFORE_COMMENT_HEADING) continue;
    while (heading.nextSibling) heading.nextSibling.remove();
    heading.remove();
  }
}

/** Removes dead content and furniture containers from `doc` (a clone: this mutates it). */
export function pruneFurniture(doc: Document): void {
  for (const element of Array.from(doc.querySelectorAll(DEAD_CONTENT_SELECTOR))) element.remove();
  const body = doc.body;
  if (!body) return;
  const pageParagraphChars = Math.max(1, paragraphChars(body));
  const pageTextChars = Math.max(1, (body.textContent ?? '').length);
  // Outermost first: once a container is removed, its descendants need no checking.
  const known = new Map<string, boolean>();
  const candidates = Array.from(body.querySelectorAll('*')).filter((element) => looksLikeFurniture(element, known));
  for (const element of candidates) {
    if (!element.isConnected) continue;
    // Both shares: old pages keep their article in <br>-separated text, not in <p>.
    const holdsLittle =
      paragraphChars(element) / pageParagraphChars < MAX_FURNITURE_TEXT_SHARE &&
      (element.textContent ?? '').length / pageTextChars < MAX_FURNITURE_TEXT_SHARE;
    if (holdsLittle) element.remove();
  }
  pruneCommentSections(body);
}

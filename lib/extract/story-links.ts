/**
 * Story paragraphs wrapped whole in a link: news sites link a paragraph to their live
 * coverage (`<p><a href="…/live"><strong>Two other men … were released on bail.</strong></a></p>`).
 * Readability and the teaser filter both drop link-only text as navigation; a link that reads
 * as a sentence of the story is unwrapped instead, so the paragraph stays article text. A
 * short teaser ("Read the full statement from the council") is still a teaser, and so is a
 * page of links: a section front whose summaries are links (most of its prose, or each under
 * a headline linking to the same address) keeps them as links, so it is still no article.
 */
import { STORY_LINK_MIN_WORDS } from './tuning';

/** Lines that invite a click: "Read the full statement from …", "Watch: …", "Click here to …". */
const LINK_INVITATION =
  /^(?:read|watch|see|view|listen|click|tap|follow|sign up|subscribe|download|get|find out|learn|check|discover|explore|more|related|live|latest|breaking|updates?|also|full (?:story|statement|coverage|report))\b/i;
const SENTENCE_END = /[.!?]["”’)]?$/;
/** The link must carry nearly all of its paragraph's text to be the paragraph. */
const MIN_SHARE_OF_PARAGRAPH = 0.8;
const PARAGRAPH_TAGS = new Set(['P', 'LI', 'DIV', 'BLOCKQUOTE', 'TD']);

function collapse(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Words of a collapsed line (single spaces, trimmed), counted without splitting it. */
function wordCount(line: string): number {
  let words = 1;
  for (let at = line.indexOf(' '); at !== -1; at = line.indexOf(' ', at + 1)) words++;
  return words;
}

/** isStorySentence for a line already collapsed: the cheap tests first. */
function isCollapsedStorySentence(line: string): boolean {
  return SENTENCE_END.test(line) && !LINK_INVITATION.test(line) && wordCount(line) >= STORY_LINK_MIN_WORDS;
}

/** Does this link-only text read as a sentence of the story (long enough, ends like a sentence, invites no click)? */
export function isStorySentence(text: string): boolean {
  return isCollapsedStorySentence(collapse(text));
}

/** A headline before the paragraph links to the same address: a teaser (headline plus summary) in a list of stories. */
function underSameHeadlineLink(paragraph: Element, href: string | null): boolean {
  const previous = paragraph.previousElementSibling;
  if (!previous || !/^H[1-6]$/i.test(previous.tagName)) return false;
  return Array.from(previous.getElementsByTagName('a')).some((a) => a.getAttribute('href') === href);
}

/** Replace each link that is a whole story paragraph by its content, in `doc` (a clone). */
export function unwrapStoryLinks(doc: Document): void {
  const linked: Element[] = [];
  for (const link of Array.from(doc.body?.getElementsByTagName('a') ?? [])) {
    const text = collapse(link.textContent);
    if (!isCollapsedStorySentence(text)) continue;
    let paragraph = link.parentElement;
    while (paragraph && !PARAGRAPH_TAGS.has(paragraph.tagName.toUpperCase())) paragraph = paragraph.parentElement;
    if (!paragraph || text.length < MIN_SHARE_OF_PARAGRAPH * collapse(paragraph.textContent).length) continue;
    if (underSameHeadlineLink(paragraph, link.getAttribute('href'))) continue;
    linked.push(link);
  }
  if (linked.length === 0) return;
  // Story paragraphs that are links are a minority among the story's plain ones.
  let plain = 0;
  for (const paragraph of Array.from(doc.body!.getElementsByTagName('p'))) {
    if (paragraph.getElementsByTagName('a').length === 0 && isCollapsedStorySentence(collapse(paragraph.textContent))) plain++;
  }
  if (plain < linked.length) return;
  for (const link of linked) link.replaceWith(...Array.from(link.childNodes));
}

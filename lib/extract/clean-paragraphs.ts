/**
 * The last cleanup of extracted paragraphs: drops furniture that survived Readability
 * (labels, share bars, teasers, "Related articles" blocks with their links, comment-form
 * text, a repeated headline).
 */
import { isBoilerplateParagraph, isCommentSectionHeading, isStoryListHeading, isTeaserLine } from './boilerplate-text';
import type { TextBlock } from './blocks';
import { MAX_LINK_DENSITY, TEASER_LINK_DENSITY, TEASER_MAX_WORDS } from './tuning';

function linkDensity(block: TextBlock): number {
  const chars = block.text.replace(/\s+/g, '').length;
  return chars === 0 ? 0 : block.linkChars / chars;
}

function wordCount(text: string): number {
  return text.split(' ').length;
}

/** A short line made (nearly) only of a link: "Another story headline". */
function isLinkTeaser(block: TextBlock): boolean {
  return linkDensity(block) >= TEASER_LINK_DENSITY && wordCount(block.text) <= TEASER_MAX_WORDS;
}

/**
 * Inside a "Related" block: linky lines, or short headline-like lines without a sentence end.
 * Once the block has shown itself a list of links, the first line that is not a link ends it:
 * what follows is the page again (a headline, or an earnings table's short lines), not a teaser.
 */
function belongsToStoryList(block: TextBlock, listOfLinks: boolean): boolean {
  if (linkDensity(block) > MAX_LINK_DENSITY) return true;
  if (listOfLinks) return false;
  return wordCount(block.text) <= 15 && !/[.!?:;]["”’)]?$/.test(block.text);
}

function sameText(left: string, right: string): boolean {
  const normalize = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return normalize(left) === normalize(right);
}

/**
 * A long paragraph seen twice is the page repeating itself (a mobile and a desktop copy of the
 * article, a pull quote), not the article saying it twice; short lines may legitimately repeat.
 */
const MIN_DEDUPLICATED_CHARS = 40;

/**
 * A comment-section heading ends the article only after this much article text: the same words
 * near the top ("12 comments" beside the byline) are a link to the comments, not the section.
 */
const MIN_CHARS_BEFORE_COMMENTS = 400;
const MIN_PARAGRAPHS_BEFORE_COMMENTS = 2;

/** Article paragraphs from the extracted blocks, in order. */
export function cleanParagraphs(blocks: TextBlock[], title: string): string[] {
  const paragraphs: string[] = [];
  const seen = new Set<string>();
  let articleChars = 0;
  let inStoryList = false;
  let storyListOfLinks = false;
  for (const block of blocks) {
    if (isCommentSectionHeading(block.text)) {
      if (paragraphs.length >= MIN_PARAGRAPHS_BEFORE_COMMENTS && articleChars >= MIN_CHARS_BEFORE_COMMENTS) break;
      continue;
    }
    if (inStoryList && belongsToStoryList(block, storyListOfLinks)) {
      storyListOfLinks ||= linkDensity(block) > MAX_LINK_DENSITY;
      continue;
    }
    inStoryList = false;
    if (isStoryListHeading(block.text)) {
      inStoryList = true;
      storyListOfLinks = false;
      continue;
    }
    if (isBoilerplateParagraph(block.text) || isTeaserLine(block.text) || isLinkTeaser(block)) continue;
    // The headline is not part of the body (the library format keeps it apart).
    if (paragraphs.length === 0 && title.length > 0 && sameText(block.text, title)) continue;
    if (block.text.length >= MIN_DEDUPLICATED_CHARS) {
      if (seen.has(block.text)) continue;
      seen.add(block.text);
    }
    paragraphs.push(block.text);
    articleChars += block.text.length;
  }
  return paragraphs;
}

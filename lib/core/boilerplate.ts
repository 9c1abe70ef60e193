/**
 * Boilerplate paragraphs: text two articles may share without one copying the other (wire
 * credit lines, copyright and redistribution notices, press-release "About …" footers with
 * their forward-looking-statement and media-contact lines, disclaimers, scraper leftovers).
 * Library texts are stored as published, so they end with such paragraphs; the classifier
 * ignores words in them on both sides, whether they occur in one article or in many.
 */
import type { Tokens } from './tokenize';

/** A paragraph of at most this many words that matches a credit/leftover pattern is boilerplate. */
const SHORT_PARAGRAPH_WORDS = 40;

/** Legal text can be long: these mark a paragraph whatever its length. */
const ANY_LENGTH = [
  /\bforward[- ]looking statements?\b|\bsafe harbor\b/i,
  /\bfor informational purposes only\b|\bdoes not constitute (investment|financial|legal) advice\b/i,
  /\bthe views (and opinions )?expressed (here|in this)/i,
];

/** Notices: mark paragraphs of up to MEDIUM_PARAGRAPH_WORDS (an article about copyright law is not one). */
const MEDIUM_PARAGRAPH_WORDS = 120;
const MEDIUM = [
  /©|\(c\)\s*\d{4}|\bcopyright\s+(©\s*)?\d{4}|\ball rights reserved\b/i,
  /\bmay not be (re)?(published|broadcast|rewritten|redistributed|reproduced)\b/i,
  /\b(media|press|investor) (contacts?|relations contact)\s*:/i,
];

/** Patterns that mark short paragraphs only (they could open a real sentence too). */
const SHORT = [
  /\b(additional )?(reporting|writing|editing|compiled|produced) by\b/i,
  /^\s*[-–—]*\s*advertisement\s*[-–—]*\s*$/i,
  /\brate this (post|article)\b|\bsource link\b|\bshare this (article|story)\b/i,
  /\b(sign up|subscribe) (for|to) (our|the)\b.*\bnewsletter\b/i,
  /\b(leave a (reply|comment)|your email address will not be published)\b/i,
  /^\s*(\(?(reuters|ap|afp|bloomberg|upi)\)?\s*)$/i,
];

/** "About Acme Corp" as a heading: the press-release footer starts here and runs to the end. */
const ABOUT_HEADING = /^\s*about\s+(\p{Lu}[\p{L}\p{N}&.,'’-]*\s*){1,6}:?\s*$/u;

/** Per-token mask: 1 where the token lies in a boilerplate paragraph. */
export function boilerplateMask(text: string, tokens: Tokens): Uint8Array {
  const mask = new Uint8Array(tokens.count);
  let footer = false;
  let start = 0;
  while (start < tokens.count) {
    let end = start + 1;
    while (end < tokens.count && tokens.paragraphs[end] === tokens.paragraphs[start]) end++;
    const paragraph = text.slice(tokens.starts[start], tokens.ends[end - 1]);
    const words = end - start;
    if (!footer && ABOUT_HEADING.test(paragraph)) footer = true;
    if (footer || isBoilerplate(paragraph, words)) mask.fill(1, start, end);
    start = end;
  }
  return mask;
}

function isBoilerplate(paragraph: string, words: number): boolean {
  if (ANY_LENGTH.some((pattern) => pattern.test(paragraph))) return true;
  if (words <= MEDIUM_PARAGRAPH_WORDS && MEDIUM.some((pattern) => pattern.test(paragraph))) return true;
  return words <= SHORT_PARAGRAPH_WORDS && SHORT.some((pattern) => pattern.test(paragraph));
}

/**
 * Boilerplate paragraphs: text two articles may share without one copying the other (wire
 * credit lines, copyright and redistribution notices, press-release "About …" footers with
 * their forward-looking-statement and media-contact lines, disclaimers, scraper leftovers).
 * Library texts are stored as published, so they end with such paragraphs; the classifier
 * ignores words in them on both sides, whether they occur in one article or in many.
 * `libraryCommonMask` adds text the library itself repeats (a site's standard footer) that
 * no pattern knows.
 */
import { exactFingerprintsAt } from './fingerprint';
import { paragraphEnd, type Tokens } from './tokenize';

/** A paragraph of at most this many words that matches a credit/leftover pattern is boilerplate. */
const SHORT_PARAGRAPH_WORDS = 40;

/** Legal text can be long: these mark boilerplate whatever the paragraph's length (see boilerplateStart). */
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
const ABOUT_HEADING = /^\s*[Aa]bout\s+(\p{Lu}[\p{L}\p{N}&.,'’-]*\s*){1,6}:?\s*$/u;

/** Per-token mask: 1 where the token lies in boilerplate. */
export function boilerplateMask(text: string, tokens: Tokens): Uint8Array {
  const mask = new Uint8Array(tokens.count);
  let footer = false;
  let start = 0;
  while (start < tokens.count) {
    const end = paragraphEnd(tokens, start);
    const offset = tokens.starts[start];
    const paragraph = text.slice(offset, tokens.ends[end - 1]);
    if (!footer && ABOUT_HEADING.test(paragraph)) footer = true;
    const from = footer ? 0 : boilerplateStart(paragraph, end - start);
    if (from !== undefined) {
      let first = start;
      while (first < end && tokens.starts[first] - offset < from) first++;
      mask.fill(1, first, end);
    }
    start = end;
  }
  return mask;
}

/**
 * Where boilerplate starts in a paragraph (character offset), or undefined. Short paragraphs
 * are all or nothing; in a long one (a page scraped without paragraph breaks) legal text
 * marks its paragraph from the sentence it starts in, so the article before it still counts.
 */
function boilerplateStart(paragraph: string, words: number): number | undefined {
  if (words <= MEDIUM_PARAGRAPH_WORDS && MEDIUM.some((pattern) => pattern.test(paragraph))) return 0;
  if (words <= SHORT_PARAGRAPH_WORDS && SHORT.some((pattern) => pattern.test(paragraph))) return 0;
  let found: number | undefined;
  for (const pattern of ANY_LENGTH) {
    const at = paragraph.search(pattern);
    if (at >= 0 && (found === undefined || at < found)) found = at;
  }
  if (found === undefined || words <= MEDIUM_PARAGRAPH_WORDS) return found === undefined ? undefined : 0;
  const sentenceEnds = [...paragraph.slice(0, found).matchAll(/[.!?]["”’)]?\s/g)];
  const last = sentenceEnds[sentenceEnds.length - 1];
  return last?.index === undefined ? 0 : last.index + last[0].length;
}

/** Share of a paragraph's exact fingerprints that must be common in the library to make it boilerplate. */
const COMMON_PARAGRAPH_SHARE = 0.6;

/**
 * Per-token mask: 1 in paragraphs whose exact fingerprints are mostly ones that many library
 * articles hold (`isCommon`): text repeated across the library.
 */
export function libraryCommonMask(tokens: Tokens, isCommon: (hash: number) => boolean): Uint8Array {
  const mask = new Uint8Array(tokens.count);
  const { hashes, starts } = exactFingerprintsAt(tokens);
  const perParagraph = new Map<number, { all: number; common: number }>();
  for (let i = 0; i < hashes.length; i++) {
    const paragraph = tokens.paragraphs[starts[i]];
    const counts = perParagraph.get(paragraph) ?? { all: 0, common: 0 };
    counts.all++;
    if (isCommon(hashes[i])) counts.common++;
    perParagraph.set(paragraph, counts);
  }
  for (let t = 0; t < tokens.count; t++) {
    const counts = perParagraph.get(tokens.paragraphs[t]);
    if (counts && counts.common >= COMMON_PARAGRAPH_SHARE * counts.all && counts.common > 0) mask[t] = 1;
  }
  return mask;
}

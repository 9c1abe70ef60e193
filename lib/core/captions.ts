/**
 * Photo captions, photo credits, gallery controls and widget lines (a product box's name,
 * price and "Buy Now", a sub-heading): text a library article (an extractor's output) may hold
 * around the story and a page copying the story may leave out. They are not the story, so the
 * verbatim rule (about 90% of the article's words on the page) does not count them as missing.
 * Paragraph by paragraph, like the boilerplate patterns.
 */
import { paragraphEnd, type Tokens } from './tokenize';

/**
 * A caption paragraph is short: a long paragraph with a credit in it is an article's own text.
 * Extractors often keep a caption twice (the image's alt text and its caption), about 70 words.
 */
const CAPTION_PARAGRAPH_WORDS = 80;

const CREDIT = [
  // "Jane Porter/for Millbrook Gazette", "Kevin Downs/New York Daily News", "Mark Ellis/Getty Images"
  /\p{L}\.?\s?\/\s?(for\s+)?(the\s+)?\p{Lu}\p{L}*(\s+\p{Lu}\p{L}*)*\s+(News|Press|Images|Gazette|Times|Post|Photos?|Herald|Tribune|Journal)\b/u,
  // "(File 2019/The Associated Press)", "(AP Photo/Jane Doe)", "(AFP/Getty)"; not a "(Reuters) -" dateline
  /\((?=[^()]{0,80}\b(file|photo|press|getty|reuters|afp|ap|epa)\b)[^()/]{1,40}\/[^()]{2,60}\)/i,
  /^\s*(photo|image|picture|credit)s?\s*(credit)?\s*:/i,
  /\b(getty images|associated press photo|ap photo|shutterstock)\b/i,
];

/** Gallery controls left by extraction, alone in their paragraph. */
const GALLERY = /^\s*((enlarge|previous|next|view (the )?gallery|\d+ of \d+)\s*)+$/i;

/** A widget line: a few words that do not end like a sentence ("$119.00", "Available from Amazon", "Buy Now"). */
const WIDGET_LINE_WORDS = 10;

function isWidget(paragraph: string): boolean {
  return paragraph
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .every((line) => line.split(/\s+/).length <= WIDGET_LINE_WORDS && !/[.!?:;,]["”’)]?$/.test(line));
}

/** Per-token mask: 1 in paragraphs that are captions, credits, gallery controls or widget lines. */
export function captionMask(text: string, tokens: Tokens): Uint8Array {
  const mask = new Uint8Array(tokens.count);
  let start = 0;
  while (start < tokens.count) {
    const end = paragraphEnd(tokens, start);
    // From the end of the previous paragraph to the start of the next: brackets around a credit count.
    const paragraph = text.slice(start === 0 ? 0 : tokens.ends[start - 1], end === tokens.count ? text.length : tokens.starts[end]);
    const caption =
      end - start <= CAPTION_PARAGRAPH_WORDS && (GALLERY.test(paragraph) || isWidget(paragraph) || CREDIT.some((pattern) => pattern.test(paragraph)));
    if (caption) mask.fill(1, start, end);
    start = end;
  }
  return mask;
}

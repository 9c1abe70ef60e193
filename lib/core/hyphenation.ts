/**
 * Words hyphenated across a line break, as text copied out of a printed or PDF layout has
 * them: "exten-\nsion", or "exten- sion" once a page or a paste turned the break into a
 * space. A reader sees one word; the tokenizer must too, or every such word becomes a fake
 * substitution ("exten sion" → "extension") and breaks the k-grams around it.
 *
 * A hyphen continues the word when a letter precedes it, only spaces and at most one line
 * break follow it (a blank line ends the paragraph), and the next word starts with a lower
 * case letter and is not a conjunction: "pre- and post-war", "Ein- und Ausgang" are
 * suspended compounds, not split words. A compound that happens to be split at its own
 * hyphen ("well-\nknown") is joined too ("wellknown"): without a dictionary the two cannot
 * be told apart, and print splits far more words at syllables than at hyphens.
 */

/** The hyphen and the break inside a joined word's slice (removed before normalizing it). */
export const LINE_BREAK_HYPHEN = /[-\u2010][ \t\u00a0]*(?:\r?\n)?[ \t\u00a0]*/g;

/** Words that follow a suspended hyphen ("first- and second-class"), in the languages the stopword lists cover and a few more. */
const SUSPENDED_HYPHEN_WORDS = new Set(['and', 'or', 'nor', 'to', 'und', 'oder', 'bis', 'sowie', 'et', 'ou', 'y', 'o', 'e', 'i', 'en', 'of']);

const LETTER = /\p{L}/u;
const LOWER_CASE = /\p{Ll}/u;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0;
}

function isLetterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code | 0x20) >= 97 && (code | 0x20) <= 122;
  return LETTER.test(String.fromCodePoint(text.codePointAt(i) ?? 0));
}

/**
 * `hyphen` is the index of a hyphen (U+002D or U+2010) inside the word that starts at
 * `wordStart`. Returns the index where the word goes on after a line break (the first letter
 * of its second half), or -1 when the hyphen ends the word.
 */
export function continuationAfterHyphen(text: string, wordStart: number, hyphen: number): number {
  if (hyphen <= wordStart || !isLetterAt(text, hyphen - 1)) return -1;
  let i = hyphen + 1;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 0x0d) i++;
  if (text.charCodeAt(i) === 0x0a) {
    i++;
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  }
  if (i === hyphen + 1 || i >= text.length) return -1;
  const first = String.fromCodePoint(text.codePointAt(i) ?? 0);
  if (!LOWER_CASE.test(first)) return -1;
  let end = i;
  while (end < text.length && isLetterAt(text, end)) end++;
  return SUSPENDED_HYPHEN_WORDS.has(text.slice(i, end).toLowerCase()) ? -1 : i;
}

/**
 * The words an entry can be found by: the search index (search-segments.ts) maps each one to
 * the entries holding it, so a search reads an index instead of every text.
 */
import { withoutIgnorables } from '../core/normalize';

/** Too common to narrow a search; leaving them out keeps the index small. */
const STOPWORDS = new Set(
  ('the of and to in a is that for on it as with was by at be this from are or an have has had ' +
    'not but were which their its they he she his her been will would said also more than after')
    .split(' '),
);

/** Keeps the index bounded for very long texts; the first words include the headline and lead. */
export const MAX_WORDS_PER_ENTRY = 3000;

/** Runs of letters in scripts written without spaces: indexed as character pairs instead of words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A Latin, Greek or Cyrillic letter followed by its accents (combining marks after NFD). */
const ACCENTED = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu;

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Text as search compares it: invisible characters (soft hyphens, zero-width ones, tatweel)
 * dropped as the engine's tokenizer drops them, compatibility forms unified (NFKC), lower case, and accents
 * dropped from Latin, Greek and Cyrillic letters, so "maori" finds "Māori" and "assemblee"
 * finds "Assemblée". Marks of other scripts (Devanagari vowel signs, Thai tones) are letters
 * of their words and stay.
 */
export function foldForSearch(text: string): string {
  // ASCII has no accents, invisible characters or compatibility forms: the common case of
  // English text skips two normalizations of the whole text.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return withoutIgnorables(text).normalize('NFD').replace(ACCENTED, '$1').normalize('NFKC').toLowerCase();
}

function tokens(text: string): string[] {
  const out: string[] = [];
  for (const match of foldForSearch(text).matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const word = match[0];
    if (UNSPACED.test(word)) {
      const chars = Array.from(word);
      if (chars.length === 1) out.push(word);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    } else {
      out.push(word);
    }
  }
  return out;
}

/** Distinct searchable words of a title and text, in order of first appearance. */
export function searchWords(title: string, text: string): string[] {
  const seen = new Set<string>();
  for (const word of tokens(`${title} ${text}`)) {
    if (seen.size >= MAX_WORDS_PER_ENTRY) break;
    if (word.length < 2 && !UNSPACED.test(word)) continue;
    if (STOPWORDS.has(word)) continue;
    seen.add(word);
  }
  return [...seen];
}

/** The words of a search query, normalized like the index. Stopwords are kept out too, so
 *  "the war" finds what "war" finds. */
export function queryWords(query: string): string[] {
  return [...new Set(tokens(query).filter((w) => !STOPWORDS.has(w)))];
}

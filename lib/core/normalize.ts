/**
 * Unicode normalization: what counts as a word character, and the canonical form of a word
 * (NFKC, case-folded, Latin/Greek/Cyrillic accents dropped, apostrophes unified).
 * The tokenizer classifies characters through `charClass` (a lazily filled table, so no
 * regular expression runs per character in the hot loop) and normalizes only the rare
 * tokens that are not plain ASCII through `normalizeWord`.
 */

export const enum CharClass {
  Unknown = 0,
  /** Spaces, punctuation, symbols, emoji: end a word. */
  Separator = 1,
  /** Letters, digits and combining marks of alphabetic scripts. */
  Word = 2,
  /** Han, Hiragana, Katakana: written without spaces, so each character is a token. */
  Ideograph = 3,
  /** Apostrophes: part of a word when between two word characters (Korea’s, don't). */
  Apostrophe = 4,
  /** Quotation marks that open (“ « „), close (” »), or may do either ("). */
  QuoteOpen = 5,
  QuoteClose = 6,
  QuoteToggle = 7,
  /** . ! ? and their CJK forms: the next word starts a sentence. */
  SentenceEnd = 8,
  Newline = 9,
  /**
   * Characters that change the bytes but not the text a reader sees: default-ignorable code
   * points (soft hyphen, zero-width space and joiners, bidirectional controls, byte-order
   * mark, word joiner, variation selectors, tags) and letter-stretching characters (Arabic
   * tatweel, N'Ko lajanyalan). Skipped everywhere: inside a word they neither end it nor
   * change its identity.
   */
  Ignorable = 10,
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const IDEOGRAPH = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Unicode's Default_Ignorable_Code_Point property, plus the letter-stretching ones (U+0640, U+07FA). */
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\u0640\u07fa]/u;
const IGNORABLES = /[\p{Default_Ignorable_Code_Point}\u0640\u07fa]/gu;
const SPECIAL: Record<number, CharClass> = {
  0x27: CharClass.Apostrophe, // '
  0x2019: CharClass.Apostrophe, // ’
  0x2bc: CharClass.Apostrophe, // ʼ
  0x201c: CharClass.QuoteOpen, // “
  0xab: CharClass.QuoteOpen, // «
  0x201e: CharClass.QuoteOpen, // „
  0x201d: CharClass.QuoteClose, // ”
  0xbb: CharClass.QuoteClose, // »
  0x22: CharClass.QuoteToggle, // "
  0xff02: CharClass.QuoteToggle, // ＂
  0x2e: CharClass.SentenceEnd,
  0x21: CharClass.SentenceEnd,
  0x3f: CharClass.SentenceEnd,
  0x3002: CharClass.SentenceEnd, // 。
  0xff01: CharClass.SentenceEnd, // ！
  0xff1f: CharClass.SentenceEnd, // ？
  0x0a: CharClass.Newline,
  0x2029: CharClass.Newline, // paragraph separator
};

/** Class of every BMP code unit, filled on first sight. */
const table = new Uint8Array(0x10000);
/** Classes of astral code points (emoji, rare CJK), filled on first sight. */
const astral = new Map<number, CharClass>();

function classify(codePoint: number): CharClass {
  const special = SPECIAL[codePoint];
  if (special !== undefined) return special;
  const char = String.fromCodePoint(codePoint);
  if (IGNORABLE.test(char)) return CharClass.Ignorable;
  if (IDEOGRAPH.test(char)) return CharClass.Ideograph;
  return WORD_CHAR.test(char) ? CharClass.Word : CharClass.Separator;
}

/** Class of a BMP code unit. Surrogates report Unknown: use `codePointClass` for them. */
export function charClass(codeUnit: number): CharClass {
  let cls = table[codeUnit] as CharClass;
  if (cls === CharClass.Unknown && (codeUnit < 0xd800 || codeUnit > 0xdfff)) {
    cls = classify(codeUnit);
    table[codeUnit] = cls;
  }
  return cls;
}

/** Class of any code point (for surrogate pairs). */
export function codePointClass(codePoint: number): CharClass {
  if (codePoint < 0x10000) return charClass(codePoint);
  let cls = astral.get(codePoint);
  if (cls === undefined) {
    cls = classify(codePoint);
    astral.set(codePoint, cls);
  }
  return cls;
}

const LATIN_GREEK_CYRILLIC_ACCENTS = /[\u0300-\u036f]/g;
const APOSTROPHES = /[\u2019\u02bc]/g;

/**
 * Cyrillic and Greek letters that look like Latin ones, lower case (the word is case-folded
 * first), each mapped to its Latin look-alike: a copier swaps them into words to defeat
 * exact matching ("Ρresident" with a Greek Rho). A small table after the Latin-relevant part
 * of Unicode's confusables data (UTS #39, confusables.txt); no npm package ships that data
 * in a form small enough for a content script. The mapping is applied to every word on both
 * sides, so a Russian or Greek text still matches itself: within each script the mapping is
 * one-to-one, words only meet across scripts when they differ by look-alikes alone.
 */
const CONFUSABLE_TO_LATIN: Record<string, string> = {
  // Cyrillic (Russian and the lookalikes of other Cyrillic alphabets)
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l',
  // Greek
  α: 'a', β: 'b', ε: 'e', ζ: 'z', η: 'h', ι: 'i', κ: 'k', μ: 'm', ν: 'n', ο: 'o', ρ: 'p', τ: 't', υ: 'y', χ: 'x',
};
const CONFUSABLES = new RegExp(`[${Object.keys(CONFUSABLE_TO_LATIN).join('')}]`, 'g');

/** `text` without its invisible and letter-stretching characters (see CharClass.Ignorable). */
export function withoutIgnorables(text: string): string {
  return text.replace(IGNORABLES, '');
}

/**
 * Canonical form of one word: invisible and letter-stretching characters dropped, NFKC
 * (full-width and ligature forms), lower case, accents of alphabetic scripts dropped
 * (café = cafe, ё = е), Cyrillic and Greek look-alikes of Latin letters as Latin,
 * apostrophes as '. Marks of other scripts (Devanagari vowel signs, Arabic harakat) are
 * kept: they change the word.
 */
export function normalizeWord(word: string): string {
  return withoutIgnorables(word)
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_GREEK_CYRILLIC_ACCENTS, '')
    .normalize('NFC')
    .replace(CONFUSABLES, (letter) => CONFUSABLE_TO_LATIN[letter])
    .replace(APOSTROPHES, "'");
}

/**
 * Canonical form of a whole text, for equality checks (duplicate detection, substitution
 * comparison): words normalized as above, quotes straightened, dashes unified, spaces collapsed.
 */
export function normalizeText(text: string): string {
  return normalizeWord(text)
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb\uff02]/g, '"')
    .replace(/[\u2018\u201a]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

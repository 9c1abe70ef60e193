/**
 * Text → word tokens, each with its character offsets into the ORIGINAL text (so passages
 * can be sliced and highlighted), a hash of its normalized form (the token's identity), and
 * flags the later stages need (quoted, capitalized, numeric, function word, sentence start).
 *
 * One pass over char codes with no regular expression per token: ASCII words are
 * lower-cased and hashed on the fly; only words with other characters are sliced and
 * normalized (normalize.ts). Punctuation is not a token; CJK characters are one token each.
 * Invisible and letter-stretching characters are skipped, inside words too, and a word
 * hyphenated across a line break in text from print ("exten-\nsion", or "exten- sion" once
 * the break became a space) is one token: its offsets span the break, its identity is the
 * whole word's.
 */
import { CharClass, charClass, codePointClass, normalizeWord } from './normalize';
import { continuationAfterHyphen, LINE_BREAK_HYPHEN } from './hyphenation';
import { FNV_OFFSET, FNV_PRIME, finalizeHash, fnvStep, hashString } from './hash';
import { isFunctionWord } from './stopwords';

export const enum TokenFlag {
  /** Inside quotation marks (quoted speech does not count as reuse). */
  Quoted = 1,
  /** First character upper case. */
  Capitalized = 2,
  /** Starts with a digit. */
  Numeric = 4,
  /** A function word (stopwords.ts). */
  Function = 8,
  /** First word of a sentence, line or paragraph (its capital says nothing about a name). */
  SentenceStart = 16,
  /** A CJK character token. */
  Ideograph = 32,
}

/** Struct of arrays: token i is ids[i], text.slice(starts[i], ends[i]), … */
export interface Tokens {
  count: number;
  /** Hash of the normalized word: equal words have equal ids. */
  ids: Int32Array;
  starts: Uint32Array;
  ends: Uint32Array;
  flags: Uint8Array;
  /** Paragraph number (paragraphs are separated by a blank line). */
  paragraphs: Uint32Array;
}

class TokenBuffer implements Tokens {
  count = 0;
  ids: Int32Array;
  starts: Uint32Array;
  ends: Uint32Array;
  flags: Uint8Array;
  paragraphs: Uint32Array;

  constructor(capacity: number) {
    this.ids = new Int32Array(capacity);
    this.starts = new Uint32Array(capacity);
    this.ends = new Uint32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.paragraphs = new Uint32Array(capacity);
  }

  push(id: number, start: number, end: number, flags: number, paragraph: number): void {
    if (this.count === this.ids.length) this.grow();
    const i = this.count++;
    this.ids[i] = id;
    this.starts[i] = start;
    this.ends[i] = end;
    this.flags[i] = flags;
    this.paragraphs[i] = paragraph;
  }

  private grow(): void {
    const size = this.ids.length * 2 + 16;
    this.ids = grown(this.ids, new Int32Array(size));
    this.starts = grown(this.starts, new Uint32Array(size));
    this.ends = grown(this.ends, new Uint32Array(size));
    this.flags = grown(this.flags, new Uint8Array(size));
    this.paragraphs = grown(this.paragraphs, new Uint32Array(size));
  }
}

/** `larger` holding a copy of `array` at its start. */
function grown<T extends Int32Array | Uint32Array | Uint8Array>(array: T, larger: T): T {
  larger.set(array);
  return larger;
}

const APOSTROPHE_HASH_UNIT = 0x27;

/** Is the character at `i` a word character (for apostrophes and digit separators inside words)? */
function isWordAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 0x20) >= 97 && (code | 0x20) <= 122);
  return charClass(code) === CharClass.Word || codePointClass(text.codePointAt(i) ?? 0) === CharClass.Word;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * A quote still open this many words after its opening mark is taken as unclosed at the next
 * sentence end or line break: a stray or unbalanced straight quote (an inch mark, a quote
 * that runs over several paragraphs in a text without blank lines) must not make the rest of
 * the text "quoted". Quoted statements in news seldom run longer in one paragraph.
 */
const MAX_OPEN_QUOTE_WORDS = 120;

export function tokenize(text: string): Tokens {
  const n = text.length;
  // News averages about six characters per word: one allocation, rarely a second.
  const tokens = new TokenBuffer(Math.ceil(n / 5) + 16);
  let paragraph = 0;
  let newlines = 0;
  let quoted = false;
  /** Token count when the open quote opened. */
  let quoteOpenedAt = 0;
  let sentenceStart = true;
  let i = 0;
  const open = () => {
    if (!quoted) quoteOpenedAt = tokens.count;
    quoted = true;
  };
  const closeIfStray = () => {
    if (quoted && tokens.count - quoteOpenedAt > MAX_OPEN_QUOTE_WORDS) quoted = false;
  };
  while (i < n) {
    const code = text.charCodeAt(i);
    let cls: CharClass;
    let width = 1;
    if (code < 128) {
      cls =
        (code | 0x20) >= 97 && (code | 0x20) <= 122
          ? CharClass.Word
          : isDigit(code)
            ? CharClass.Word
            : charClass(code);
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      cls = codePointClass(text.codePointAt(i) ?? code);
      width = 2;
    } else {
      cls = charClass(code);
    }

    if (cls === CharClass.Word) {
      if (newlines >= 2) paragraph++;
      newlines = 0;
      i = scanWord(text, i, tokens, paragraph, (quoted ? TokenFlag.Quoted : 0) | (sentenceStart ? TokenFlag.SentenceStart : 0));
      sentenceStart = false;
      continue;
    }
    if (cls === CharClass.Ideograph) {
      if (newlines >= 2) paragraph++;
      newlines = 0;
      const char = text.slice(i, i + width);
      const flags = TokenFlag.Ideograph | (quoted ? TokenFlag.Quoted : 0);
      tokens.push(hashString(normalizeWord(char)), i, i + width, flags, paragraph);
      i += width;
      continue;
    }
    switch (cls) {
      case CharClass.Ignorable:
        break;
      case CharClass.Newline:
        // A blank line ends the paragraph: an unclosed quote ends with it (multi-paragraph
        // quotes reopen each paragraph). Reset here, not at the next word, so a quote mark
        // opening the next paragraph is kept. Any line break starts a sentence: a table's
        // lines ("Net 1.2 mln vs …") are one paragraph in one copy and one paragraph each in
        // another, and their first words must be flagged alike on both sides.
        if (++newlines === 2) quoted = false;
        closeIfStray();
        sentenceStart = true;
        break;
      case CharClass.SentenceEnd:
        closeIfStray();
        sentenceStart = true;
        break;
      case CharClass.QuoteOpen:
        open();
        break;
      case CharClass.QuoteClose:
        quoted = false;
        break;
      case CharClass.QuoteToggle:
        if (quoted) quoted = false;
        else open();
        break;
    }
    i += width;
  }
  return tokens;
}

/** Scan one word starting at `start`; push it; return the index after it. */
function scanWord(text: string, start: number, tokens: TokenBuffer, paragraph: number, baseFlags: number): number {
  const n = text.length;
  let hash = FNV_OFFSET;
  let ascii = true;
  /** Did the word cross a line-break hyphen? (Its slice then holds the hyphen and the break.) */
  let joined = false;
  let i = start;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 0x2d || code === 0x2010) {
      const next = continuationAfterHyphen(text, start, i);
      if (next < 0) break;
      joined = true;
      i = next;
      continue;
    }
    if (code < 128) {
      const lower = code | 0x20;
      if (lower >= 97 && lower <= 122) {
        hash = Math.imul(hash ^ lower, FNV_PRIME); // fnvStep, inlined by hand: the hottest line
      } else if (isDigit(code)) {
        hash = fnvStep(hash, code);
      } else if (code === 0x27 && isWordAt(text, i + 1)) {
        hash = fnvStep(hash, APOSTROPHE_HASH_UNIT);
      } else if ((code === 0x2c || code === 0x2e) && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) {
        // 11,000 and 4.5 stay one number token.
        hash = fnvStep(hash, code);
      } else {
        break;
      }
      i++;
      continue;
    }
    let cls: CharClass;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff) {
      cls = codePointClass(text.codePointAt(i) ?? code);
      width = 2;
    } else {
      cls = charClass(code);
    }
    if (cls === CharClass.Word) {
      ascii = false;
    } else if (cls === CharClass.Ignorable) {
      // Skipped: the hash (fast path) and normalizeWord (slow path) both leave it out.
    } else if (cls === CharClass.Apostrophe && isWordAt(text, i + 1)) {
      hash = fnvStep(hash, APOSTROPHE_HASH_UNIT);
    } else {
      break;
    }
    i += width;
  }
  const word = joined ? text.slice(start, i).replace(LINE_BREAK_HYPHEN, '') : text.slice(start, i);
  const id = ascii ? finalizeHash(hash) : hashString(normalizeWord(word));
  const first = text.charCodeAt(start);
  let flags = baseFlags;
  if (isDigit(first)) flags |= TokenFlag.Numeric;
  else if (first < 128 ? first >= 65 && first <= 90 : isCapital(text, start)) flags |= TokenFlag.Capitalized;
  if (isFunctionWord(id)) flags |= TokenFlag.Function;
  tokens.push(id, start, i, flags, paragraph);
  return i;
}

/** One past the last token of the paragraph that token `start` is in. */
export function paragraphEnd(tokens: Tokens, start: number): number {
  let end = start + 1;
  while (end < tokens.count && tokens.paragraphs[end] === tokens.paragraphs[start]) end++;
  return end;
}

function isCapital(text: string, at: number): boolean {
  const char = String.fromCodePoint(text.codePointAt(at) ?? 0);
  return char !== char.toLowerCase();
}

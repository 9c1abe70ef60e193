/**
 * A crude article spinner, built the way content farms' spinners work: walk the text, and
 * replace words and short phrases with a synonym (WordNet's first senses, no part-of-speech
 * tagging) or with a spinner favourite ("said" → "mentioned", "last year" → "final 12 months"),
 * until a chosen share of ALL tokens (punctuation counted) has changed. Names (capitalised
 * words inside a sentence), numbers and most function words are left alone, as real spinners
 * leave them. Every swap is recorded with its positions: the benchmark's ground truth.
 */
import { SeededRandom } from './quality-prng';
import { inflect, lemmaCandidates, type LemmaGuess } from './spinner-morph';
import { PHRASE_SWAPS, STOPWORDS } from './spinner-phrases';
import { tokenize, type Token } from './spinner-tokens';
import { WordNet } from './spinner-wordnet';

export interface Swap {
  /** Text as in the original. */
  from: string;
  /** Text as in the spun copy. */
  to: string;
  /** Character offsets (end exclusive) in the original and in the spun text. */
  sourceStart: number;
  sourceEnd: number;
  spunStart: number;
  spunEnd: number;
  /** Index of the first replaced token in the original's token list, and how many were replaced. */
  tokenIndex: number;
  tokenCount: number;
}

export interface SpinResult {
  text: string;
  /** In text order. */
  swaps: Swap[];
  changedTokens: number;
  totalTokens: number;
  /** changedTokens / totalTokens: the rate achieved (may fall short when the text offers too few swaps). */
  rate: number;
}

interface Candidate {
  tokenIndex: number;
  tokenCount: number;
  options: string[];
}

const MAX_PHRASE_WORDS = 3;
const OPTIONS_KEPT = 4;
const SENTENCE_END = /^[.!?"“”:]$/;

export class Spinner {
  private readonly synonymCache = new Map<string, string[]>();

  /** `shorterOnly`: offer only replacements shorter than the words they replace (a spinner that picks short synonyms). */
  constructor(
    private readonly wordnet = new WordNet(),
    private readonly style: { shorterOnly?: boolean } = {},
  ) {}

  /** The same spinner (and dictionary), picking only replacements shorter than the original words. */
  withShorterWords(): Spinner {
    return new Spinner(this.wordnet, { shorterOnly: true });
  }

  /** Spins `text` so that about `targetRate` (0..1) of its tokens change; deterministic for a seed. */
  spin(text: string, targetRate: number, seed: number | string): SpinResult {
    if (!(targetRate >= 0 && targetRate < 1)) throw new Error(`targetRate must be in [0, 1), got ${targetRate}`);
    const tokens = tokenize(text);
    const random = new SeededRandom(seed);
    const chosen = choose(this.candidates(text, tokens), tokens.length, targetRate, random);
    return assemble(text, tokens, chosen, random);
  }

  /** The highest rate this text allows: the share of tokens that some swap could change. */
  maxRate(text: string): number {
    const tokens = tokenize(text);
    const covered = new Set<number>();
    for (const c of this.candidates(text, tokens)) for (let k = 0; k < c.tokenCount; k++) covered.add(c.tokenIndex + k);
    return tokens.length === 0 ? 0 : covered.size / tokens.length;
  }

  /** Every place a swap could go, with its replacement options. Overlapping candidates are allowed here. */
  private candidates(text: string, tokens: Token[]): Candidate[] {
    const out: Candidate[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (!token.isWord) continue;
      const casing = casingOf(token.text);
      if (casing === 'other') continue;
      // A capitalised word inside a sentence is a name: spinners leave names alone.
      const sentenceStart = i === 0 || SENTENCE_END.test(tokens[i - 1].text) || /\n/.test(text.slice(tokens[i - 1].end, token.start));
      if (casing === 'capitalised' && !sentenceStart) continue;
      for (let words = MAX_PHRASE_WORDS; words >= 2; words--) {
        const phrase = phraseAt(text, tokens, i, words);
        const options = phrase && PHRASE_SWAPS[phrase] ? this.allowed(phrase, PHRASE_SWAPS[phrase]) : [];
        if (options.length > 0) out.push({ tokenIndex: i, tokenCount: words, options });
      }
      const word = token.text.toLowerCase();
      const options = this.allowed(word, PHRASE_SWAPS[word] ?? this.synonyms(word));
      if (options.length > 0) out.push({ tokenIndex: i, tokenCount: 1, options });
    }
    return out;
  }

  /** A copy of the replacement options for `original` this spinner's style allows. */
  private allowed(original: string, options: readonly string[]): string[] {
    return this.style.shorterOnly ? options.filter((o) => o.length < original.length) : [...options];
  }

  /** WordNet synonyms of a lower-case surface word, put back into its inflection. */
  private synonyms(word: string): string[] {
    const cached = this.synonymCache.get(word);
    if (cached) return cached;
    let options: string[] = [];
    if (!STOPWORDS.has(word) && /^[a-z][a-z-]{2,}$/.test(word)) {
      for (const reading of this.readings(word)) {
        options = this.synonymsOf(reading, word);
        if (options.length > 0) break;
      }
    }
    this.synonymCache.set(word, options);
    return options;
  }

  /**
   * The readings a spinner without a tagger would try, in order: an irregular verb form, the
   * base form in its parts of speech by frequency, then the inflected forms WordNet knows.
   */
  private readings(word: string): LemmaGuess[] {
    const known = lemmaCandidates(word).filter((g) => this.wordnet.lookup(g.lemma, g.pos));
    const frequency = (g: LemmaGuess) => this.wordnet.lookup(g.lemma, g.pos)!.taggedSenses;
    const irregular = known.filter((g) => g.inflection === 'past' && g === known[0] && g.lemma !== word);
    const base = known.filter((g) => g.inflection === 'base').sort((a, b) => frequency(b) - frequency(a));
    const inflected = known.filter((g) => g.inflection !== 'base' && !irregular.includes(g));
    return [...irregular, ...base, ...inflected];
  }

  private synonymsOf(reading: LemmaGuess, surface: string): string[] {
    const entry = this.wordnet.lookup(reading.lemma, reading.pos)!;
    const own = new Set([...surface.split('-'), ...reading.lemma.split(/[ -]/)]);
    const options: string[] = [];
    // All senses, most frequent first: a thesaurus without a tagger offers every sense's words.
    for (const offset of entry.synsetOffsets) {
      for (const lemma of this.wordnet.synsetLemmas(reading.pos, offset)) {
        // Lower-case only (capitalised lemmas are names); no echo of the original word.
        if (!/^[a-z][a-z -]*$/.test(lemma) || lemma.split(' ').length > MAX_PHRASE_WORDS) continue;
        if (lemma.split(/[ -]/).some((w) => own.has(w))) continue;
        const inflected = inflect(lemma, reading.inflection);
        if (!options.includes(inflected)) options.push(inflected);
      }
    }
    return options.slice(0, OPTIONS_KEPT);
  }
}

type Casing = 'lower' | 'capitalised' | 'other';

function casingOf(word: string): Casing {
  if (!/\p{L}/u.test(word) || /\p{N}/u.test(word)) return 'other';
  if (word === word.toLowerCase()) return 'lower';
  if (word[0] !== word[0].toLowerCase() && word.slice(1) === word.slice(1).toLowerCase()) return 'capitalised';
  return 'other';
}

/** The lower-case phrase of `words` word tokens from `start`, separated by plain spaces only. */
function phraseAt(text: string, tokens: Token[], start: number, words: number): string | undefined {
  if (start + words > tokens.length) return undefined;
  const parts: string[] = [];
  for (let k = 0; k < words; k++) {
    const token = tokens[start + k];
    if (!token.isWord) return undefined;
    if (k > 0 && !/^ +$/.test(text.slice(tokens[start + k - 1].end, token.start))) return undefined;
    if (k > 0 && casingOf(token.text) !== 'lower') return undefined;
    parts.push(token.text.toLowerCase());
  }
  return parts.join(' ');
}

/** Picks non-overlapping candidates in random order until the target share of tokens has changed. */
function choose(candidates: Candidate[], totalTokens: number, targetRate: number, random: SeededRandom): Candidate[] {
  const target = Math.round(targetRate * totalTokens);
  const taken = new Uint8Array(totalTokens);
  const chosen: Candidate[] = [];
  let changed = 0;
  for (const candidate of random.shuffle(candidates)) {
    if (changed >= target) break;
    if (changed + candidate.tokenCount > target + 1) continue;
    let free = true;
    for (let k = 0; k < candidate.tokenCount; k++) if (taken[candidate.tokenIndex + k]) free = false;
    if (!free) continue;
    for (let k = 0; k < candidate.tokenCount; k++) taken[candidate.tokenIndex + k] = 1;
    chosen.push(candidate);
    changed += candidate.tokenCount;
  }
  return chosen.sort((a, b) => a.tokenIndex - b.tokenIndex);
}

/** Writes the spun text and records each swap's positions on both sides. */
function assemble(text: string, tokens: Token[], chosen: Candidate[], random: SeededRandom): SpinResult {
  const swaps: Swap[] = [];
  let out = '';
  let cursor = 0;
  let changedTokens = 0;
  for (const c of chosen) {
    const sourceStart = tokens[c.tokenIndex].start;
    const sourceEnd = tokens[c.tokenIndex + c.tokenCount - 1].end;
    const from = text.slice(sourceStart, sourceEnd);
    const option = random.pick(c.options);
    const to = casingOf(from) === 'capitalised' ? option[0].toUpperCase() + option.slice(1) : option;
    out += text.slice(cursor, sourceStart);
    swaps.push({ from, to, sourceStart, sourceEnd, spunStart: out.length, spunEnd: out.length + to.length, tokenIndex: c.tokenIndex, tokenCount: c.tokenCount });
    out += to;
    cursor = sourceEnd;
    changedTokens += c.tokenCount;
  }
  out += text.slice(cursor);
  const totalTokens = tokens.length;
  return { text: out, swaps, changedTokens, totalTokens, rate: totalTokens === 0 ? 0 : changedTokens / totalTokens };
}

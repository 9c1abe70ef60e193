/**
 * A second, differently built spinner for the spin hint's generality check: no phrase table
 * and no preference for first senses. Each candidate word (lower case, 4+ letters, not a
 * function word) gets a random member of a random WordNet sense of any reading of it. It
 * shares only WordNet with the detector's tables, none of the hand-written swaps of spinner.ts.
 */
import { SeededRandom } from './quality-prng';
import { inflect, lemmaCandidates } from './spinner-morph';
import { STOPWORDS } from './spinner-phrases';
import { tokenize } from './spinner-tokens';
import { WordNet } from './spinner-wordnet';

export class RandomSenseSpinner {
  constructor(private readonly wordnet = new WordNet()) {}

  /** Spins about `targetRate` of all tokens (punctuation counted); returns the text and the rate reached. */
  spin(text: string, targetRate: number, seed: string): { text: string; rate: number } {
    const tokens = tokenize(text);
    const random = new SeededRandom(seed);
    const options = new Map<number, string[]>();
    tokens.forEach((token, index) => {
      if (token.isWord && /^[a-z]{4,}$/.test(token.text) && !STOPWORDS.has(token.text)) {
        const found = this.synonyms(token.text, random);
        if (found.length > 0) options.set(index, found);
      }
    });
    const target = Math.round(targetRate * tokens.length);
    const chosen = new Set(random.shuffle([...options.keys()]).slice(0, target));
    let out = '';
    let cursor = 0;
    tokens.forEach((token, index) => {
      if (!chosen.has(index)) return;
      out += text.slice(cursor, token.start) + random.pick(options.get(index)!);
      cursor = token.end;
    });
    out += text.slice(cursor);
    return { text: out, rate: tokens.length === 0 ? 0 : chosen.size / tokens.length };
  }

  private synonyms(word: string, random: SeededRandom): string[] {
    const out: string[] = [];
    for (const reading of lemmaCandidates(word)) {
      const entry = this.wordnet.lookup(reading.lemma, reading.pos);
      if (!entry) continue;
      const offset = random.pick(entry.synsetOffsets);
      for (const lemma of this.wordnet.synsetLemmas(reading.pos, offset)) {
        if (/^[a-z][a-z ]*$/.test(lemma) && lemma !== reading.lemma) out.push(inflect(lemma, reading.inflection));
      }
      if (out.length > 0) break;
    }
    return out;
  }
}

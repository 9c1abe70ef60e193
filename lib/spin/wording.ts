/**
 * Which side of one substitution is a spinner's wording, judged from the spin hint's word
 * tables (lexicon.ts) rather than from the text as a whole. The engine's direction vote
 * (lib/core/direction.ts) asks this for every swap of a spun pair: a side that the tables know
 * as spinner output is the copy's, whatever the words' lengths.
 */
import { WORD } from './detect';
import { lexicon } from './lexicon';

/** What the tables know of one side: nothing, a rare synonym alone, or a rare synonym paired with the other side's word. */
const NONE = 0;
const RARE = 1;
const PAIRED = 2;

interface Side {
  /** Lower-case words. */
  words: string[];
  /** Lower-case words joined by single spaces, padded with a space each end (for phrase containment). */
  padded: string;
  /** Does the wording hold a capitalised word? */
  capitalised: boolean;
  /** Lower-case words written in lower case (a proper adjective written so is a pasted lemma). */
  lowerCase: Set<string>;
}

function side(wording: string): Side {
  const words: string[] = [];
  const lowerCase = new Set<string>();
  let capitalised = false;
  for (const [text] of wording.matchAll(WORD)) {
    const lower = text.toLowerCase();
    words.push(lower);
    if (text === lower) lowerCase.add(lower);
    else capitalised = true;
  }
  return { words, padded: ` ${words.join(' ')} `, capitalised, lowerCase };
}

/**
 * The spun phrases reduced to the words the spinner changed: "press convention" for "press
 * conference" gives "convention" for "conference", since a substitution holds only the
 * changed words, not the fixed phrase around them. Keyed by the first changed word, so a
 * side is checked against the few swaps that can start at one of its words instead of all
 * of them (the direction vote asks this for every swap of every spun pair). Built once, on
 * first use.
 */
let phraseSwaps: Map<string, { spun: string; likely: string }[]> | undefined;

function swapsFromPhrases(): Map<string, { spun: string; likely: string }[]> {
  if (phraseSwaps) return phraseSwaps;
  phraseSwaps = new Map();
  for (const p of [...lexicon().phrasesByFirstWord.values()].flat()) {
    const phrase = p.words;
    const likely = p.likely.split(' ');
    let head = 0;
    while (head < phrase.length && head < likely.length && phrase[head] === likely[head]) head++;
    let tail = 0;
    while (tail < phrase.length - head && tail < likely.length - head && phrase[phrase.length - 1 - tail] === likely[likely.length - 1 - tail]) tail++;
    const spun = phrase.slice(head, phrase.length - tail);
    const original = likely.slice(head, likely.length - tail);
    if (spun.length === 0 || original.length === 0) continue;
    const swaps = phraseSwaps.get(spun[0]) ?? [];
    swaps.push({ spun: ` ${spun.join(' ')} `, likely: ` ${original.join(' ')} ` });
    phraseSwaps.set(spun[0], swaps);
  }
  return phraseSwaps;
}

/** Does `own` hold a spun phrase's changed words where `other` holds the likely original's? A
 *  match in `own.padded` starts at a word boundary, so its first word is one of `own.words`. */
function holdsPhraseSwap(own: Side, other: Side): boolean {
  const swaps = swapsFromPhrases();
  for (const word of new Set(own.words)) {
    if (swaps.get(word)?.some(({ spun, likely }) => own.padded.includes(spun) && other.padded.includes(likely))) return true;
  }
  return false;
}

/** How surely `own` is a spinner's wording for `other`: PAIRED, RARE or NONE. */
function spinnerEvidence(own: Side, other: Side): number {
  const { rareSynonyms, properOnly, phrasesByFirstWord } = lexicon();
  if (holdsPhraseSwap(own, other)) return PAIRED;
  let evidence = NONE;
  for (let i = 0; i < own.words.length; i++) {
    const word = own.words[i];
    if (phrasesByFirstWord.get(word)?.some((p) => own.padded.includes(` ${p.words.join(' ')} `))) return PAIRED;
    if (own.lowerCase.has(word) && properOnly.has(word) && other.capitalised) return PAIRED;
    const synonym = rareSynonyms.get(word);
    if (!synonym || other.words.includes(word)) continue;
    if (other.words.includes(synonym[0])) return PAIRED;
    evidence = RARE;
  }
  return evidence;
}

/**
 * Which wording of a substitution `from` → `to` a synonym spinner wrote, by the spin hint's
 * tables: 1 when `to` is (a rare synonym of a common word, a known spun phrase, a lower-cased
 * proper adjective where `from` is capitalised), -1 when `from` is, 0 when the tables know
 * neither side or both equally. A rare synonym paired with the other side's very word, a spun
 * phrase and a lower-cased proper adjective outrank a rare synonym alone. Both wordings are
 * plain text as they stand in the two articles; never throws.
 */
export function spinnerSide(from: string, to: string): -1 | 0 | 1 {
  const a = side(from);
  const b = side(to);
  return Math.sign(spinnerEvidence(b, a) - spinnerEvidence(a, b)) as -1 | 0 | 1;
}

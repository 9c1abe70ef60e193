/**
 * The spin hint: does a text, on its own, show signs of a synonym spinner? No library source
 * is needed. Three kinds of evidence, each a habit of spinners in general rather than of one
 * tool (Cabanac, Labbé & Magazinov 2021, "Tortured phrases"; Zhang, Wang & Voelker 2014, DSpin):
 * - fixed phrases with one word swapped for a wrong-sense neighbour ("final 12 months"), phrases.ts;
 * - rare synonyms of common words: a word that shares a first sense of a word writers use
 *   far more often ("metropolis" for "city"), weighted by how much rarer it is (lexicon.json);
 * - always-capitalised adjectives in lower case inside a sentence ("japanese Ukraine").
 * Honest writers use some rare synonyms too, so the judgement is on density: the evidence
 * weight per 100 words, and how many different odd words carry it.
 */
import { lexicon } from './lexicon';
import type { SpinEvidence, SpinEvidenceKind, SpinHint, SpinSensitivity } from './types';

/** Weight of one spun fixed phrase: one is already rare in honest text. */
const PHRASE_WEIGHT = 6;
/** Weight of one lower-case proper adjective. */
const LOWER_NAME_WEIGHT = 4;
/** Characters judged at most (about 30,000 words): offsets stay valid, as this is a prefix. */
const MAX_CHARS = 200_000;
/** Below this many words a text says too little to judge. */
const MIN_WORDS = 80;
/** Share of words that must be common English words for the text to be judged at all. */
const MIN_ENGLISH_SHARE = 0.4;
/** Density (evidence weight per 100 words) at which the score reaches 1 − 1/e. */
const SCORE_SCALE = 4;

/** What each sensitivity needs: density per 100 words, and distinct odd words or phrases. */
const THRESHOLDS: Record<Exclude<SpinSensitivity, 'off'>, { density: number; distinct: number }> = {
  cautious: { density: 7.5, distinct: 8 },
  normal: { density: 5.5, distinct: 6 },
};

/** A word or a number, as the spin hint counts them. */
export const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|\p{N}+(?:[.,]\p{N}+)*/gu;
/** Marks after which the next word starts a sentence, a quotation, a list item or a table cell. */
const BOUNDARY_MARKS = new Set([...'.!?:;"“”‘’()[]•*–—-\t']);

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  sentenceStart: boolean;
}

function words(text: string): Word[] {
  const out: Word[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const sentenceStart = out.length === 0 || startsSentence(text, previousEnd, start);
    out.push({ text: m[0], lower: m[0].toLowerCase(), start, end: start + m[0].length, sentenceStart });
    previousEnd = start + m[0].length;
  }
  return out;
}

/** Does the gap text[from, to) between two words end a sentence (a boundary mark, or a line break)? */
function startsSentence(text: string, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) {
    const c = text[i];
    if (c === '\n' || c === '\r' || BOUNDARY_MARKS.has(c)) return true;
  }
  return false;
}

/** Words i.. joined by single spaces (no line break, no punctuation) equal `phrase`? */
function phraseAt(text: string, list: Word[], i: number, phrase: readonly string[]): boolean {
  if (i + phrase.length > list.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    if (list[i + k].lower !== phrase[k]) return false;
    if (k > 0 && text.slice(list[i + k - 1].end, list[i + k].start) !== ' ') return false;
  }
  return true;
}

interface Hit {
  start: number;
  end: number;
  likely?: string;
  kind: SpinEvidenceKind;
  weight: number;
}

function findHits(text: string, list: Word[]): Hit[] {
  const { phrasesByFirstWord, rareSynonyms, properOnly } = lexicon();
  const hits: Hit[] = [];
  for (let i = 0; i < list.length; i++) {
    const word = list[i];
    const phrase = phrasesByFirstWord.get(word.lower)?.find((p) => phraseAt(text, list, i, p.words));
    if (phrase) {
      const last = list[i + phrase.words.length - 1];
      hits.push({ start: word.start, end: last.end, likely: phrase.likely, kind: 'phrase', weight: PHRASE_WEIGHT });
      i += phrase.words.length - 1;
      continue;
    }
    // A capital inside a sentence marks a name, which spinners leave alone; all-capitals is a heading.
    if (word.text !== word.lower && !word.sentenceStart) continue;
    if (word.text === word.text.toUpperCase() && word.text.length > 1) continue;
    if (word.text === word.lower && !word.sentenceStart && properOnly.has(word.lower)) {
      hits.push({ start: word.start, end: word.end, kind: 'lower-case-name', weight: LOWER_NAME_WEIGHT });
      continue;
    }
    const synonym = rareSynonyms.get(word.lower);
    if (synonym) hits.push({ start: word.start, end: word.end, likely: synonym[0], kind: 'rare-synonym', weight: synonym[1] });
  }
  return hits;
}

function englishShare(list: Word[]): number {
  const { common } = lexicon();
  let known = 0;
  for (const word of list) if (common.has(word.lower)) known++;
  return list.length === 0 ? 0 : known / list.length;
}

const NONE: SpinHint = { flagged: false, score: 0, evidence: [] };

/**
 * Judges `text` (the extracted article, plain text) for signs of spinning.
 * Returns the hint with evidence offsets into `text`; `flagged` follows `sensitivity`
 * (`off` never flags and skips the work). Never throws: empty, short or non-English text
 * gives `flagged: false` with no evidence. Cost: one pass over the words, a few map lookups each.
 */
export function detectSpin(text: string, sensitivity: SpinSensitivity = 'cautious'): SpinHint {
  if (sensitivity === 'off' || typeof text !== 'string') return NONE;
  // A huge page is judged on its first part: enough evidence, bounded time in the worker.
  const list = words(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
  if (list.length < MIN_WORDS || englishShare(list) < MIN_ENGLISH_SHARE) return NONE;
  const hits = findHits(text, list);
  // Group by the odd wording: a repeated word counts less than as many different ones.
  const groups = new Map<string, Hit[]>();
  for (const hit of hits) {
    const key = text.slice(hit.start, hit.end).toLowerCase();
    const group = groups.get(key);
    if (group) group.push(hit);
    else groups.set(key, [hit]);
  }
  let total = 0;
  const ranked = [...groups.values()].map((group) => {
    const strength = group[0].weight * Math.sqrt(group.length);
    total += strength;
    return { group, strength };
  });
  ranked.sort((a, b) => b.strength - a.strength || a.group[0].start - b.group[0].start);
  const density = (100 * total) / list.length;
  const score = Math.round((1 - Math.exp(-density / SCORE_SCALE)) * 1000) / 1000;
  const threshold = THRESHOLDS[sensitivity];
  const evidence: SpinEvidence[] = ranked.flatMap(({ group }) =>
    group.map((hit) => ({
      text: text.slice(hit.start, hit.end),
      start: hit.start,
      end: hit.end,
      ...(hit.likely ? { likely: hit.likely } : {}),
      count: group.length,
      kind: hit.kind,
      weight: hit.weight,
    })),
  );
  return { flagged: density >= threshold.density && groups.size >= threshold.distinct, score, evidence };
}

/** The hint for a text that was not judged (unreadable input, setting off): present, not flagged. */
export const NO_SPIN_HINT: SpinHint = NONE;

/** One evidence item per distinct (lower-case) word or phrase, most telling first: for lists shown to people. */
export function distinctSpinEvidence(evidence: readonly SpinEvidence[]): SpinEvidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = e.text.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

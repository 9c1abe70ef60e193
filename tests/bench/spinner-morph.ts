/**
 * Just enough English morphology for a crude spinner: find the WordNet lemma of an inflected
 * surface word, and put a synonym back into the same inflection. Real spinners get this wrong
 * often ("got" for "were given"); so does this one, and the engine must cope either way.
 */
import type { WordNetPos } from './spinner-wordnet';

export type Inflection = 'base' | 'plural' | 'third' | 'past' | 'gerund';

export interface LemmaGuess {
  lemma: string;
  pos: WordNetPos;
  inflection: Inflection;
}

/** Irregular past forms: lemma → past (used for both directions). */
const IRREGULAR_PAST: Record<string, string> = {
  say: 'said', get: 'got', make: 'made', take: 'took', give: 'gave', go: 'went', come: 'came',
  see: 'saw', know: 'knew', find: 'found', tell: 'told', become: 'became', leave: 'left',
  feel: 'felt', bring: 'brought', begin: 'began', keep: 'kept', hold: 'held', write: 'wrote',
  stand: 'stood', hear: 'heard', mean: 'meant', meet: 'met', run: 'ran', pay: 'paid', sit: 'sat',
  speak: 'spoke', lead: 'led', grow: 'grew', lose: 'lost', fall: 'fell', send: 'sent',
  build: 'built', understand: 'understood', draw: 'drew', break: 'broke', spend: 'spent',
  rise: 'rose', drive: 'drove', buy: 'bought', wear: 'wore', choose: 'chose', seek: 'sought',
  throw: 'threw', catch: 'caught', deal: 'dealt', win: 'won', fight: 'fought', teach: 'taught',
  sell: 'sold', think: 'thought', show: 'showed', sink: 'sank', strike: 'struck', fly: 'flew',
};
const IRREGULAR_LEMMA = new Map(Object.entries(IRREGULAR_PAST).map(([lemma, past]) => [past, lemma]));

/** Irregular plurals: plural → singular. */
const IRREGULAR_SINGULAR: Record<string, string> = {
  children: 'child', men: 'man', women: 'woman', feet: 'foot', teeth: 'tooth', mice: 'mouse', lives: 'life',
  wives: 'wife', knives: 'knife', leaves: 'leaf', halves: 'half', analyses: 'analysis', crises: 'crisis',
};

const VOWELS = /[aeiou]/;

/** Candidate (lemma, POS, inflection) readings of a lower-case surface word, most plausible first. */
export function lemmaCandidates(word: string): LemmaGuess[] {
  const out: LemmaGuess[] = [];
  const add = (lemma: string, pos: WordNetPos, inflection: Inflection) => {
    if (lemma.length >= 2) out.push({ lemma, pos, inflection });
  };
  const irregular = IRREGULAR_LEMMA.get(word);
  if (irregular) add(irregular, 'verb', 'past');
  const singular = IRREGULAR_SINGULAR[word];
  if (singular) add(singular, 'noun', 'plural');
  for (const pos of ['noun', 'verb', 'adj', 'adv'] as const) add(word, pos, 'base');
  if (word.endsWith('ies')) {
    add(word.slice(0, -3) + 'y', 'noun', 'plural');
    add(word.slice(0, -3) + 'y', 'verb', 'third');
  } else if (/(ses|xes|zes|ches|shes)$/.test(word)) {
    add(word.slice(0, -2), 'noun', 'plural');
    add(word.slice(0, -2), 'verb', 'third');
  } else if (word.endsWith('s') && !word.endsWith('ss')) {
    add(word.slice(0, -1), 'noun', 'plural');
    add(word.slice(0, -1), 'verb', 'third');
  }
  if (word.endsWith('ied')) add(word.slice(0, -3) + 'y', 'verb', 'past');
  else if (word.endsWith('ed')) {
    add(word.slice(0, -2), 'verb', 'past');
    add(word.slice(0, -1), 'verb', 'past');
    if (/(.)\1ed$/.test(word)) add(word.slice(0, -3), 'verb', 'past');
  }
  if (word.endsWith('ing')) {
    add(word.slice(0, -3), 'verb', 'gerund');
    add(word.slice(0, -3) + 'e', 'verb', 'gerund');
    if (/(.)\1ing$/.test(word)) add(word.slice(0, -4), 'verb', 'gerund');
  }
  return out;
}

/**
 * Puts a (possibly multi-word) lemma into an inflection. Verbs inflect their first word
 * ("make use of" → "made use of"), nouns their last ("12 month" → "12 months").
 */
export function inflect(lemma: string, inflection: Inflection): string {
  if (inflection === 'base') return lemma;
  const words = lemma.split(' ');
  const at = inflection === 'plural' ? words.length - 1 : 0;
  words[at] = inflectWord(words[at], inflection);
  return words.join(' ');
}

function inflectWord(word: string, inflection: Exclude<Inflection, 'base'>): string {
  switch (inflection) {
    case 'plural':
    case 'third':
      if (/(s|x|z|ch|sh)$/.test(word)) return word + 'es';
      if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies';
      return word + 's';
    case 'past':
      if (IRREGULAR_PAST[word]) return IRREGULAR_PAST[word];
      if (word.endsWith('e')) return word + 'd';
      if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ied';
      return word + 'ed';
    case 'gerund':
      if (word.endsWith('ie')) return word.slice(0, -2) + 'ying';
      if (word.endsWith('e') && !word.endsWith('ee') && VOWELS.test(word.slice(0, -1))) return word.slice(0, -1) + 'ing';
      return word + 'ing';
  }
}

/**
 * Generated articles for bench:engine (no eval-data): news-like text with real English
 * function words, a Zipf-distributed vocabulary of made-up content words, capitalized
 * made-up names and numbers, in sentences and paragraphs. Article i is a pure function of
 * i, so a library of 100,000 never has to sit in memory: texts are regenerated on demand.
 * Also the queries: verbatim copies in page furniture, spun copies (a fifth of the content
 * words swapped), partial copies (two paragraphs inside an unrelated article), unrelated pages.
 */

/**
 * sfc32 (128-bit state) seeded from the label. Not quality-prng's mulberry32: its 32-bit
 * state walks one single cycle, so among 100,000 articles' streams some are shifted copies of
 * others, and a "new" text would repeat a library article.
 */
class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(label: string) {
    [this.a, this.b, this.c] = [0x9e3779b9, 0x85ebca6b, 0xc2b2ae35].map((basis) => {
      let h = basis;
      for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
      return h >>> 0;
    });
    for (let i = 0; i < 12; i++) this.next(); // mix the seed into the whole state
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) + t;
    this.c |= 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

const FUNCTION_WORDS = (
  'the of and to a in that is was for on it with as he by at from his an were are which ' +
  'this be has had not but or have its they who their been one after also would there more ' +
  'than when into about over could some said new over two last first year people its'
).split(' ');
const SYLLABLES = 'ba ko ri ten mal su de vo lin ca por ex na tu gar mi fel on sta ru pe zan lo qui der'.split(' ');
const VOCABULARY_SIZE = 30_000;
const NAME_COUNT = 3_000;

function madeUpWord(random: SeededRandom): string {
  let word = '';
  const syllables = random.int(2, 4);
  for (let s = 0; s < syllables; s++) word += random.pick(SYLLABLES);
  return word;
}

const vocabularyRandom = new SeededRandom('bench-vocabulary');
const VOCABULARY = Array.from({ length: VOCABULARY_SIZE }, () => madeUpWord(vocabularyRandom));
const NAMES = Array.from({ length: NAME_COUNT }, () => {
  const name = madeUpWord(vocabularyRandom);
  return name[0].toUpperCase() + name.slice(1);
});

/** A content word, Zipf-like (log-uniform rank): common words repeat across articles as in news. */
function contentWord(random: SeededRandom): string {
  return VOCABULARY[Math.floor(Math.pow(VOCABULARY_SIZE, random.next())) - 1];
}

function sentence(random: SeededRandom): string {
  const words: string[] = [];
  const length = random.int(8, 26);
  for (let w = 0; w < length; w++) {
    const roll = random.next();
    if (roll < 0.42) words.push(random.pick(FUNCTION_WORDS));
    else if (roll < 0.5) words.push(random.pick(NAMES));
    else if (roll < 0.53) words.push(String(random.int(2, 2030)));
    else words.push(contentWord(random));
  }
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return `${words.join(' ')}.`;
}

function paragraphs(random: SeededRandom, minWords: number, maxWords: number): string[] {
  const target = random.int(minWords, maxWords);
  const out: string[] = [];
  let words = 0;
  while (words < target) {
    const sentences = Array.from({ length: random.int(2, 4) }, () => sentence(random));
    const paragraph = sentences.join(' ');
    words += paragraph.split(' ').length;
    out.push(paragraph);
  }
  return out;
}

/** Library article number `index`: 400 to 1,000 words. */
export function libraryArticle(index: number): string {
  return paragraphs(new SeededRandom(`article-${index}`), 400, 1000).join('\n\n');
}

/** A text that is in no library (the unrelated parts of queries). */
export function unrelatedArticle(label: string): string {
  return paragraphs(new SeededRandom(`unrelated-${label}`), 300, 800).join('\n\n');
}

export type QueryKind = 'verbatim' | 'spun' | 'partial' | 'unrelated';

export interface Query {
  kind: QueryKind;
  /** The library article it was made from (none for unrelated). */
  sourceIndex?: number;
  text: string;
}

const FURNITURE_TOP = 'Home | World | Business | Sport\n\nAdvertisement';
const FURNITURE_BOTTOM = 'Share this article\n\nRelated: more stories from our newsroom';

/** Replace about `rate` of the content words with other words, as a synonym spinner would. */
function spin(text: string, rate: number, random: SeededRandom): string {
  return text.replace(/\p{Ll}+/gu, (word) =>
    !FUNCTION_WORDS.includes(word) && random.next() < rate ? contentWord(random) : word,
  );
}

export function makeQuery(kind: QueryKind, librarySize: number, label: string): Query {
  const random = new SeededRandom(`query-${label}`);
  if (kind === 'unrelated') return { kind, text: unrelatedArticle(label) };
  const sourceIndex = random.int(0, librarySize - 1);
  const source = libraryArticle(sourceIndex);
  if (kind === 'verbatim') return { kind, sourceIndex, text: `${FURNITURE_TOP}\n\n${source}\n\n${FURNITURE_BOTTOM}` };
  if (kind === 'spun') return { kind, sourceIndex, text: spin(source, 0.4, random) };
  const sourceParagraphs = source.split('\n\n');
  const at = random.int(0, Math.max(0, sourceParagraphs.length - 2));
  const host = unrelatedArticle(label).split('\n\n');
  host.splice(Math.floor(host.length / 2), 0, ...sourceParagraphs.slice(at, at + 2));
  return { kind, sourceIndex, text: host.join('\n\n') };
}

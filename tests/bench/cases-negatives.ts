/**
 * Hard negatives: pages NOT in the library that share something with a library article that
 * the contract says is not reuse: the same names and figures (same story), quoted statements
 * re-attributed, wire or press-release boilerplate, headline teasers, short "Read more" excerpts.
 * Each is built on an unrelated non-library article, so any match it draws is a false positive.
 */
import type { BenchCase } from './cases-types';
import { wrapInPage } from './cases-furniture';
import { headlineFrom, NAME_OR_FIGURE, namesAndFigures, paragraphsOf, quotedStatements, sentencesOf } from './cases-text';
import type { Article } from './quality-data';
import { wordCount } from './quality-data';
import type { SeededRandom } from './quality-prng';

export type NegativeVariant = 'unrelated' | 'same-names' | 'quotes' | 'boilerplate' | 'teasers' | 'excerpt';

export interface NegativeContext {
  random: SeededRandom;
  teasers: readonly string[];
}

/** Paragraphs of the base article kept: long enough to be an article, short enough to stay quick. */
const BASE_PARAGRAPHS = 10;
/** A statement, not a passage: longer quotes (whole reviews, letters) are reporting, not quoting. */
const MAX_QUOTE_WORDS = 60;

export function negativeCase(
  variant: NegativeVariant,
  base: Article,
  library: Article,
  id: string,
  ctx: NegativeContext,
  boilerplate: readonly string[] = [],
): BenchCase | undefined {
  const { random } = ctx;
  let paragraphs = paragraphsOf(base.text).slice(0, BASE_PARAGRAPHS);
  switch (variant) {
    case 'unrelated':
      break;
    case 'same-names':
      paragraphs = transplantNames(paragraphs, namesAndFigures(library.text));
      break;
    case 'quotes': {
      const quotes = random.shuffle(quotedStatements(library.text, 8, MAX_QUOTE_WORDS)).slice(0, 4);
      if (quotes.length < 3) return undefined;
      const speakers = namesAndFigures(library.text).filter((n) => /\s/.test(n) && !/\d/.test(n));
      for (const quote of quotes) insertAt(paragraphs, reattribute(quote, speakers.length > 0 ? random.pick(speakers) : 'A spokesperson', random), random);
      break;
    }
    case 'boilerplate':
      if (boilerplate.length === 0) return undefined;
      paragraphs.push(...boilerplate);
      break;
    case 'teasers':
      paragraphs.push('Related Articles', ...teaserLines(library, random));
      break;
    case 'excerpt': {
      const excerpt = shortExcerpt(library.text, random);
      if (!excerpt) return undefined;
      insertAt(paragraphs, `${random.pick(['As another outlet reported:', 'From our partners:', 'Elsewhere:'])} ${excerpt} Read more »`, random);
      break;
    }
  }
  const headline = headlineFrom(base.text);
  return { id, group: 'negative', variant, query: { id, title: headline, text: wrapInPage({ headline, paragraphs, teasers: ctx.teasers }, random) } };
}

/** Replaces the base's names and figures, in order, by the library article's, in its order. */
function transplantNames(paragraphs: string[], names: string[]): string[] {
  if (names.length === 0) return paragraphs;
  let next = 0;
  return paragraphs.map((p) => p.replace(NAME_OR_FIGURE, () => names[next++ % names.length]));
}

function reattribute(quote: string, speaker: string, random: SeededRandom): string {
  const templates = [
    () => `“${quote},” ${speaker} said in an interview this week.`,
    () => `${speaker} told reporters: “${quote}.”`,
    () => `“${quote},” according to ${speaker}, who spoke on condition that the remarks be quoted in full.`,
  ];
  return random.pick(templates)();
}

/** A headline and, sometimes, the first words of the article: a "Related" block entry. */
function teaserLines(library: Article, random: SeededRandom): string[] {
  const headline = library.title ?? headlineFrom(library.text);
  const lead = sentencesOf(paragraphsOf(library.text)[0] ?? '')[0] ?? '';
  const teaser = lead.split(/\s+/).slice(0, 20).join(' ');
  return random.next() < 0.5 ? [headline] : [headline, `${teaser}…`];
}

/** Two or three consecutive sentences of one paragraph: under 80 words and at most a tenth of the article. */
function shortExcerpt(text: string, random: SeededRandom): string | undefined {
  const limit = Math.min(79, Math.floor(wordCount(text) * 0.1));
  const options: string[] = [];
  for (const paragraph of paragraphsOf(text)) {
    const sentences = sentencesOf(paragraph);
    for (let i = 0; i + 2 <= sentences.length; i++) {
      for (const len of [3, 2]) {
        const excerpt = sentences.slice(i, i + len).join(' ');
        if (i + len <= sentences.length && wordCount(excerpt) <= limit && wordCount(excerpt) >= 25) options.push(excerpt);
      }
    }
  }
  return options.length > 0 ? random.pick(options) : undefined;
}

function insertAt(paragraphs: string[], paragraph: string, random: SeededRandom): void {
  paragraphs.splice(random.int(1, paragraphs.length), 0, paragraph);
}

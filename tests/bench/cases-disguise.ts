/**
 * Copies that only look different (issue 9): the whole article with invisible characters,
 * look-alike letters or print line breaks, which a reader sees as the same text (verbatim);
 * and a shortened version (the article's first 70–82%), which the contract calls partial.
 */
import type { BenchCase } from './cases-types';
import type { CopyContext } from './cases-copies';
import { wrapInPage } from './cases-furniture';
import { headlineFrom, paragraphsOf } from './cases-text';
import type { Article } from './quality-data';
import { wordCount } from './quality-data';
import type { SeededRandom } from './quality-prng';

export const DISGUISES = ['soft-hyphens', 'zero-width', 'look-alikes', 'print-line-breaks'] as const;
export type Disguise = (typeof DISGUISES)[number];

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e'];
const LOOK_ALIKES: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у' };

/** Soft hyphens between the syllable-sized chunks of every word of 7+ letters, as hyphenation scripts insert them. */
function softHyphens(paragraph: string): string {
  return paragraph.replace(/\p{L}{7,}/gu, (word) => word.replace(/(\p{L}{3})(?=\p{L}{3})/gu, '$1\u00ad'));
}

/** A zero-width character inside about one word in four. */
function zeroWidth(paragraph: string, random: SeededRandom): string {
  return paragraph.replace(/\p{L}{4,}/gu, (word) => (random.next() < 0.25 ? `${word.slice(0, 2)}${random.pick(INVISIBLE)}${word.slice(2)}` : word));
}

/** Cyrillic look-alikes for Latin letters in about one word in four. */
function lookAlikes(paragraph: string, random: SeededRandom): string {
  return paragraph.replace(/\p{L}{3,}/gu, (word) => (random.next() < 0.25 ? word.replace(/[aeopcxy]/g, (letter) => LOOK_ALIKES[letter]) : word));
}

/** Hard line breaks at about 60 characters, long words split at the line end with a hyphen. */
function printLines(paragraph: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line.length + word.length + 1 <= 60) {
      line = line ? `${line} ${word}` : word;
      continue;
    }
    const room = 60 - line.length - 2;
    if (/^\p{Ll}{8,}$/u.test(word) && room >= 4 && word.length - room >= 4) {
      lines.push(`${line} ${word.slice(0, room)}-`);
      line = word.slice(room);
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function disguise(paragraph: string, style: Disguise, random: SeededRandom): string {
  switch (style) {
    case 'soft-hyphens':
      return softHyphens(paragraph);
    case 'zero-width':
      return zeroWidth(paragraph, random);
    case 'look-alikes':
      return lookAlikes(paragraph, random);
    case 'print-line-breaks':
      return printLines(paragraph);
  }
}

/** The whole article, disguised: verbatim. */
export function disguisedCase(source: Article, style: Disguise, id: string, ctx: CopyContext): BenchCase {
  const { random } = ctx;
  const paragraphs = paragraphsOf(source.text).map((p) => disguise(p, style, random));
  const headline = source.title ?? headlineFrom(source.text);
  return {
    id,
    group: 'verbatim',
    variant: `disguised-${style}`,
    query: { id, title: headline, text: wrapInPage({ headline, paragraphs, teasers: ctx.teasers }, random) },
    expected: { sourceId: source.id, kind: 'verbatim', direction: 'copies', alsoAllowed: [] },
  };
}

/**
 * The article's opening paragraphs, 70–82% of its words, nothing else: a shortened version,
 * partial per the contract (verbatim needs ~90% of the article). Undefined when the
 * paragraphs cannot give that share. `boilerplate`: paragraphs the article was published with
 * at its end (wire credits, press-release footers), left out of the share.
 */
export function shortenedCase(source: Article, id: string, ctx: CopyContext, boilerplate: readonly string[] = []): BenchCase | undefined {
  // The share is of the article's own text: boilerplate it was published with does not count.
  const paragraphs = paragraphsOf(source.text).filter((p) => !boilerplate.includes(p));
  const total = paragraphs.reduce((sum, p) => sum + wordCount(p), 0);
  let words = 0;
  let kept = 0;
  while (kept < paragraphs.length && (words + wordCount(paragraphs[kept])) / total <= 0.82) words += wordCount(paragraphs[kept++]);
  // Well below the ~90% of verbatim, whatever boilerplate the article ends with.
  if (words / total < 0.7 || kept < 3) return undefined;
  const headline = source.title ?? headlineFrom(source.text);
  return {
    id,
    group: 'partial',
    variant: 'shortened',
    query: { id, title: headline, text: wrapInPage({ headline, paragraphs: paragraphs.slice(0, kept), teasers: ctx.teasers }, ctx.random) },
    expected: { sourceId: source.id, kind: 'partial', direction: 'copies', alsoAllowed: [] },
  };
}

/** Text helpers shared by the case builders: paragraphs, sentences, quotes and names. */
import { wordCount } from './quality-data';

export function paragraphsOf(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 0);
}

export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.join('\n\n');
}

/** Sentences of one paragraph: split after . ! ? (and a closing quote) before a capital or a quote. */
export function sentencesOf(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?][”"’)]?)\s+(?=[“"‘(]?[\p{Lu}\d])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Statements in quotation marks, `minWords` to `maxWords` long, without their marks. */
export function quotedStatements(text: string, minWords: number, maxWords: number): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[“"]([^“”"\n]+)[”"]/g)) {
    const quote = m[1].trim().replace(/[,.]$/, '');
    const words = wordCount(quote);
    if (words >= minWords && words <= maxWords) out.push(quote);
  }
  return out;
}

/**
 * Names and figures in order of appearance: runs of capitalised words not at a sentence start,
 * and numbers. These are what spin-robust fingerprints key on, so they make the hardest
 * same-story negatives.
 */
export const NAME_OR_FIGURE = /(?<![.!?]\s)(?<!^)\b(?:\p{Lu}[\p{L}’'-]+)(?:\s+\p{Lu}[\p{L}’'-]+)*|\b\d[\d,.]*\b/gmu;

export function namesAndFigures(text: string): string[] {
  return [...text.matchAll(NAME_OR_FIGURE)].map((m) => m[0]);
}

export function headlineFrom(text: string, maxWords = 10): string {
  const first = sentencesOf(paragraphsOf(text)[0] ?? '')[0] ?? '';
  const words = first.replace(/[.!?”"]+$/, '').split(/\s+/).slice(0, maxWords);
  return words.join(' ');
}

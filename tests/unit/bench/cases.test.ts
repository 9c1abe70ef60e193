import { describe, expect, it } from 'vitest';
import { buildBenchmark, DEFAULT_OPTIONS } from '../../bench/cases';
import { paragraphsOf } from '../../bench/cases-text';
import type { Article } from '../../bench/quality-data';
import { SeededRandom } from '../../bench/quality-prng';
import { Spinner } from '../../bench/spinner';

const VOCABULARY = (
  'council budget river school market report growth village police court storm harbor project family ' +
  'museum season road bridge hospital energy price vote plan study forest station union tax factory'
).split(' ');
const VERBS = 'approved rejected announced delayed reviewed opened closed expanded questioned supported'.split(' ');

/** Generated English-like articles, so the builder is tested without ../shared/eval-data. */
function generatedArticles(count: number): Article[] {
  const random = new SeededRandom('generated');
  return Array.from({ length: count }, (_, i) => {
    const paragraphs = Array.from({ length: 8 }, () =>
      Array.from({ length: 3 }, () => {
        const w = () => random.pick(VOCABULARY);
        return `The ${w()} ${random.pick(VERBS)} the ${w()} of the ${w()} in ${1990 + random.int(0, 30)}, and the ${w()} said it was a ${w()} for the ${w()}.`;
      }).join(' '),
    );
    return { id: `gen-${i}`, text: paragraphs.join('\n\n'), origin: 'newspaper3k' as const };
  });
}

const options = { ...DEFAULT_OPTIONS, verbatim: 5, partialPerStyle: 5, perSpinRate: 3, copiedBy: 3, perNegativeVariant: 4, perDisguise: 3 };
const articles = generatedArticles(40);
const benchmark = buildBenchmark(articles, [], new Spinner(), options);
const libraryText = new Map(benchmark.library.map((d) => [d.id, d.text]));

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Longest run of consecutive words the two texts share. */
function longestSharedRun(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  let best = 0;
  let previous = new Uint16Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    const current = new Uint16Array(y.length + 1);
    for (let j = 1; j <= y.length; j++) {
      if (x[i - 1] === y[j - 1]) current[j] = previous[j - 1] + 1;
      if (current[j] > best) best = current[j];
    }
    previous = current;
  }
  return best;
}

describe('quality case builder', () => {
  it('builds every kind of case', () => {
    const groups = new Set(benchmark.cases.map((c) => c.group));
    expect([...groups].sort()).toEqual(['copied-by', 'negative', 'partial', 'spun', 'verbatim']);
  });

  it('is deterministic for a seed', () => {
    const again = buildBenchmark(articles, [], new Spinner(), options);
    expect(again.cases.map((c) => c.query.text)).toEqual(benchmark.cases.map((c) => c.query.text));
  });

  it('puts the whole source (but at most one dropped paragraph) into a verbatim case', () => {
    for (const c of benchmark.cases.filter((x) => x.group === 'verbatim' && !x.variant.startsWith('disguised-'))) {
      const missing = paragraphsOf(libraryText.get(c.expected!.sourceId)!).filter((p) => !c.query.text.includes(p));
      expect(missing.length).toBeLessThanOrEqual(1);
    }
  });

  it('puts the whole source, disguised in ways a reader does not see, into a disguised verbatim case', () => {
    const disguised = benchmark.cases.filter((x) => x.variant.startsWith('disguised-'));
    expect(new Set(disguised.map((c) => c.variant)).size).toBe(4);
    const LATIN: Record<string, string> = { а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y' };
    const reveal = (text: string) =>
      text
        .replace(/[\u00ad\u200b-\u200e\u2060\ufeff]/g, '')
        .replace(/[аеорсху]/g, (letter) => LATIN[letter])
        .replace(/-\n/g, '')
        .replace(/\s+/g, ' ');
    for (const c of disguised) {
      expect(c.query.text).not.toBe(reveal(c.query.text));
      for (const paragraph of paragraphsOf(libraryText.get(c.expected!.sourceId)!)) expect(reveal(c.query.text)).toContain(paragraph.replace(/\s+/g, ' '));
    }
  });

  it('puts the opening 70–82% of the source (boilerplate aside) and nothing more of it into a shortened case', () => {
    const shortened = benchmark.cases.filter((x) => x.variant === 'shortened');
    expect(shortened.length).toBeGreaterThan(0);
    for (const c of shortened) {
      const source = paragraphsOf(libraryText.get(c.expected!.sourceId)!);
      const copied = source.filter((p) => c.query.text.includes(p));
      expect(copied).toEqual(source.slice(0, copied.length));
      // 70–82% of the article's own text; some library texts end with appended boilerplate, which lowers the share of the whole.
      const share = words(copied.join(' ')).length / words(source.join(' ')).length;
      expect(share).toBeGreaterThanOrEqual(0.5);
      expect(share).toBeLessThanOrEqual(0.82);
    }
  });

  it('copies 20–75% of the source into a partial case, among other text', () => {
    for (const c of benchmark.cases.filter((x) => x.group === 'partial' && x.variant !== 'shortened')) {
      const source = paragraphsOf(libraryText.get(c.expected!.sourceId)!);
      const copied = source.filter((p) => c.query.text.includes(p));
      const share = words(copied.join(' ')).length / words(source.join(' ')).length;
      expect(share).toBeGreaterThanOrEqual(0.2);
      expect(share).toBeLessThanOrEqual(0.75);
      expect(words(c.query.text).length).toBeGreaterThan(words(copied.join(' ')).length * 1.4);
    }
  });

  it('records spun swaps that turn the source into the page text', () => {
    for (const c of benchmark.cases.filter((x) => x.group === 'spun' || x.group === 'copied-by')) {
      const truth = c.expected!.substitutions!;
      expect(truth.fromText).toBe(libraryText.get(c.expected!.sourceId));
      let rebuilt = '';
      let cursor = 0;
      for (const s of truth.swaps) {
        rebuilt += truth.fromText.slice(cursor, s.fromStart) + truth.toText.slice(s.toStart, s.toEnd);
        cursor = s.fromEnd;
      }
      rebuilt += truth.fromText.slice(cursor);
      expect(rebuilt).toBe(truth.toText);
      for (const p of paragraphsOf(truth.toText)) expect(c.query.text).toContain(p);
    }
  });

  it('keeps negatives below the reuse line: no 80-word run from a library article, boilerplate aside', () => {
    const negatives = benchmark.cases.filter((x) => x.group === 'negative');
    expect(negatives.length).toBeGreaterThan(0);
    for (const c of negatives.filter((x) => x.variant !== 'boilerplate')) {
      for (const text of libraryText.values()) expect(longestSharedRun(c.query.text, text)).toBeLessThan(80);
    }
  });
});

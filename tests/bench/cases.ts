/**
 * Builds the quality benchmark from real articles: most become library entries, the rest stay
 * out of the library as "other text", as originals of library spun copies, and as the bases of
 * hard negatives. Every choice comes from one seeded PRNG, so a run is reproducible.
 */
import type { SourceText } from '../../lib/core/types';
import { boilerplateParagraphs, type BoilerplateStyle } from './cases-boilerplate';
import { partialCase, verbatimCase, type CopyContext } from './cases-copies';
import { DISGUISES, disguisedCase, shortenedCase } from './cases-disguise';
import { negativeCase, type NegativeVariant } from './cases-negatives';
import { shorterSpinCases } from './cases-shorter-spin';
import { copiedByCase, spunCase, type SpinContext } from './cases-spun';
import { headlineFrom, joinParagraphs } from './cases-text';
import type { BenchCase, Benchmark } from './cases-types';
import type { Article } from './quality-data';
import { SeededRandom } from './quality-prng';
import type { Spinner } from './spinner';

export interface BenchmarkOptions {
  seed: string;
  verbatim: number;
  partialPerStyle: number;
  spinRates: readonly number[];
  perSpinRate: number;
  copiedBy: number;
  perNegativeVariant: number;
  /** Spun copies by a spinner picking shorter words, each way round (cases-shorter-spin.ts); none when left out. */
  perShorterSpin?: number;
  /** Whole-article copies per disguise (invisible characters, look-alikes, print line breaks) and shortened versions. */
  perDisguise: number;
  /** Share of the real articles kept out of the library. */
  heldOutShare: number;
  /** Shares of library articles published with wire / press-release boilerplate at the end. */
  wireShare: number;
  pressReleaseShare: number;
}

export const DEFAULT_OPTIONS: BenchmarkOptions = {
  seed: 'quality-v1',
  verbatim: 100,
  partialPerStyle: 50,
  spinRates: [0.1, 0.15, 0.22, 0.3, 0.35],
  perSpinRate: 50,
  copiedBy: 20,
  perNegativeVariant: 50,
  perDisguise: 20,
  heldOutShare: 0.25,
  wireShare: 0.12,
  pressReleaseShare: 0.06,
};

const NEGATIVE_VARIANTS: readonly NegativeVariant[] = ['unrelated', 'same-names', 'quotes', 'boilerplate', 'teasers', 'excerpt'];
/** Spin rate of the library's spun copies in copied-by cases: typical spinner output. */
const COPIED_BY_RATE = 0.22;

export function buildBenchmark(realArticles: readonly Article[], seeds: readonly Article[], spinner: Spinner, options = DEFAULT_OPTIONS): Benchmark {
  // One stream per group: changing how many cases one group draws leaves the others unchanged.
  const stream = (label: string) => new SeededRandom(`${options.seed}/${label}`);
  const notes: string[] = [];
  const shuffled = stream('split').shuffle(realArticles);
  const heldOutCount = Math.round(shuffled.length * options.heldOutShare);
  const heldOut = shuffled.slice(0, heldOutCount);
  const copiedByPool = heldOut.slice(0, Math.min(options.copiedBy * 2, Math.floor(heldOut.length / 2)));
  const filler = heldOut.slice(copiedByPool.length);
  const { articles: libraryArticles, boilerplateById } = withBoilerplate(shuffled.slice(heldOutCount), options, stream('boilerplate'));
  if (filler.length === 0) notes.push('no real articles kept out of the library: partial copies and negatives use seed text only');
  const fillerOrSeeds = filler.length > 0 ? filler : seeds;
  const teasers = fillerOrSeeds.map((a) => headlineFrom(a.text));
  const copyCtx = (label: string): CopyContext => ({ random: stream(label), teasers, filler: fillerOrSeeds });
  const spinCtx = (label: string): SpinContext => ({ random: stream(label), spinner, teasers });
  const cases: BenchCase[] = [];
  const library: SourceText[] = [...libraryArticles, ...seeds].map(({ id, text, title }) => ({ id, text, title }));
  const sources = libraryArticles.length > 0 ? libraryArticles : seeds;

  const verbatim = copyCtx('verbatim');
  fill(cases, 'verbatim', options.verbatim, verbatim.random.shuffle(sources), (a, id) => verbatimCase(a, id, verbatim), notes);
  for (const seed of seeds.filter((s) => !isSeedPair(s.id))) cases.push(verbatimCase(seed, `verbatim-seed-${seed.id.slice(0, 3)}`, verbatim));
  for (const style of ['contiguous', 'scattered'] as const) {
    const ctx = copyCtx(`partial-${style}`);
    fill(cases, `partial-${style}`, options.partialPerStyle, ctx.random.shuffle(sources), (a, id) => partialCase(a, style, id, ctx), notes);
  }
  for (const rate of options.spinRates) {
    const label = `spun-${Math.round(rate * 100)}`;
    const ctx = spinCtx(label);
    const eligible = sources.filter((a) => spinner.maxRate(a.text) >= rate + 0.02);
    fill(cases, label, options.perSpinRate, ctx.random.shuffle(eligible), (a, id) => spunCase(a, rate, id, ctx), notes);
  }
  for (const style of DISGUISES) {
    const ctx = copyCtx(`disguised-${style}`);
    fill(cases, `disguised-${style}`, options.perDisguise, ctx.random.shuffle(sources), (a, id) => disguisedCase(a, style, id, ctx), notes);
  }
  const shortened = copyCtx('shortened');
  fill(cases, 'shortened', options.perDisguise, shortened.random.shuffle(sources), (a, id) => shortenedCase(a, id, shortened, boilerplateById.get(a.id)), notes);
  cases.push(...seedPairCases(seeds, copyCtx('seed-pair')));
  const copiedByCtx = spinCtx('copied-by');
  const copiedBy = copiedByPool.flatMap((a, i) => copiedByCase(a, COPIED_BY_RATE, `copied-by-${i}`, copiedByCtx) ?? []).slice(0, options.copiedBy);
  if (copiedBy.length < options.copiedBy) notes.push(`copied-by: ${copiedBy.length} of ${options.copiedBy} cases (too few held-out articles)`);
  for (const { entry, benchCase } of copiedBy) {
    library.push(entry);
    cases.push(benchCase);
  }
  if (options.perShorterSpin) {
    // Originals from the copied-by pool that no copied-by case used: out of the library and of every other case.
    const used = new Set(copiedBy.map(({ entry }) => entry.id));
    const unused = copiedByPool.filter((a) => !used.has(`spun-copy-of-${a.id}`));
    const shorter = shorterSpinCases(sources, unused, options.perShorterSpin, { ...spinCtx('shorter-words'), spinner: spinner.withShorterWords() });
    library.push(...shorter.entries);
    cases.push(...shorter.cases);
    const copiedByShorter = shorter.entries.length;
    if (copiedByShorter < options.perShorterSpin) notes.push(`copied-by, shorter words: ${copiedByShorter} of ${options.perShorterSpin} cases (too few held-out articles)`);
  }
  for (const variant of NEGATIVE_VARIANTS) {
    const random = stream(`negative-${variant}`);
    // Few articles carry boilerplate: each may serve twice, around different base articles.
    const withBoilerplate = sources.filter((a) => boilerplateById.has(a.id));
    const partners = variant === 'boilerplate' ? [...withBoilerplate, ...withBoilerplate] : sources;
    const makeCase = (partner: Article, id: string) =>
      negativeCase(variant, random.pick(fillerOrSeeds), partner, id, { random, teasers }, boilerplateById.get(partner.id));
    fill(cases, `negative-${variant}`, options.perNegativeVariant, random.shuffle(partners), makeCase, notes);
  }
  return { library, cases, notes };
}

/** Tries sources in order until `wanted` cases are built; notes a shortfall. */
function fill(cases: BenchCase[], label: string, wanted: number, sources: Article[], make: (a: Article, id: string) => BenchCase | undefined, notes: string[]): void {
  let built = 0;
  for (const source of sources) {
    if (built >= wanted) break;
    const benchCase = make(source, `${label}-${built}`);
    if (benchCase) {
      cases.push(benchCase);
      built++;
    }
  }
  if (built < wanted) notes.push(`${label}: ${built} of ${wanted} cases (too few suitable articles)`);
}

/** Some library articles end, as published, with wire or press-release boilerplate. */
function withBoilerplate(articles: Article[], options: BenchmarkOptions, random: SeededRandom): { articles: Article[]; boilerplateById: Map<string, string[]> } {
  const boilerplateById = new Map<string, string[]>();
  const wire = Math.round(articles.length * options.wireShare);
  const press = Math.round(articles.length * options.pressReleaseShare);
  const out = articles.map((article, i) => {
    const style: BoilerplateStyle | undefined = i < wire ? 'wire' : i < wire + press ? 'press-release' : undefined;
    if (!style) return article;
    const paragraphs = boilerplateParagraphs(style, random);
    boilerplateById.set(article.id, paragraphs);
    return { ...article, text: joinParagraphs([article.text, ...paragraphs]) };
  });
  return { articles: out, boilerplateById };
}

const SEED_SPUN = '000_95ad2f67165849f2';
const SEED_ORIGINAL = '001_cc22b293874e3bba';

function isSeedPair(id: string): boolean {
  return id === SEED_SPUN || id === SEED_ORIGINAL;
}

/** The seed pair: 000 is a spun copy of 001 (no swap record: the spinner was not ours). */
function seedPairCases(seeds: readonly Article[], ctx: CopyContext): BenchCase[] {
  const spun = seeds.find((s) => s.id === SEED_SPUN);
  const original = seeds.find((s) => s.id === SEED_ORIGINAL);
  if (!spun || !original) return [];
  const asPage = (article: Article, id: string) => verbatimCase(article, id, ctx).query;
  return [
    { id: 'spun-seed-000', group: 'spun', variant: 'spun-seed', query: asPage(spun, 'spun-seed-000'), expected: { sourceId: SEED_ORIGINAL, kind: 'spun', direction: 'copies', alsoAllowed: [SEED_SPUN] } },
    { id: 'copied-by-seed-001', group: 'copied-by', variant: 'copied-by-seed', query: asPage(original, 'copied-by-seed-001'), expected: { sourceId: SEED_SPUN, kind: 'spun', direction: 'copied-by', alsoAllowed: [SEED_ORIGINAL] } },
  ];
}

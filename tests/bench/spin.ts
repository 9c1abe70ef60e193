/**
 * bench:spin — the spin hint (lib/spin) judged from text alone, with NO library.
 * Recall: real articles (newspaper3k texts of ../shared/eval-data) spun at 10-35% of tokens by
 * the benchmark spinner (spinner.ts) and, as a generality check, by a differently built
 * random-sense WordNet spinner (spin-other-spinner.ts). False flags: the same articles as
 * published, the seeds 001-004, real pages extracted as the extension does, reference
 * articles, and honest texts reshaped into quotations, lists and tables. Time: ms per article,
 * beside the engine's own tokenizer on the same texts as a baseline measured in this run.
 * Usage: npm run bench:spin [-- --sensitivity normal]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../../lib/core/tokenize';
import { detectSpin, type SpinSensitivity } from '../../lib/spin';
import { EVAL_DATA } from './spin-eval-data';
import { RandomSenseSpinner } from './spin-other-spinner';
import { extractedPages, newspaperArticles, reshaped, scrapinghubArticles, seedTexts, type NamedText } from './spin-texts';
import { Spinner } from './spinner';

const RATES = [0.1, 0.15, 0.22, 0.3, 0.35];
/** A spun text counts at a rate only when the spinner reached it (within 2 points). */
const RATE_TOLERANCE = 0.02;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function pct(share: number): string {
  return `${(100 * share).toFixed(1)}%`;
}

function falseFlags(label: string, texts: NamedText[], sensitivity: SpinSensitivity): void {
  const flagged = texts.filter(({ text }) => detectSpin(text, sensitivity).flagged);
  console.log(`  ${label.padEnd(44)} n=${String(texts.length).padStart(4)}  flagged ${String(flagged.length).padStart(3)}  (${pct(texts.length ? flagged.length / texts.length : 0)})${flagged.length ? '  ' + flagged.slice(0, 4).map((t) => t.name).join(', ') : ''}`);
}

function recall(label: string, articles: NamedText[], spin: (text: string, rate: number, seed: string) => { text: string; rate: number }, sensitivity: SpinSensitivity): void {
  const cells = RATES.map((rate) => {
    let reached = 0;
    let flagged = 0;
    for (const { name, text } of articles) {
      const spun = spin(text, rate, `${name}@${rate}`);
      if (spun.rate < rate - RATE_TOLERANCE) continue;
      reached++;
      if (detectSpin(spun.text, sensitivity).flagged) flagged++;
    }
    return `${Math.round(rate * 100)}%: ${reached ? (flagged / reached).toFixed(2) : 'n/a'} (n=${reached})`;
  });
  console.log(`  ${label.padEnd(30)} ${cells.join('   ')}`);
}

/**
 * How many tortured phrases of the public list's development half (../shared/eval-data/
 * tortured-phrases-dev, science vocabulary; never used to build the hint) carry at least one
 * piece of evidence when set in plain prose: the generic methods' reach beyond news spinners.
 */
function torturedCoverage(): void {
  const path = join(EVAL_DATA, 'tortured-phrases-dev', 'tortured-dev.json');
  if (!existsSync(path)) return;
  const { pairs } = JSON.parse(readFileSync(path, 'utf8')) as { pairs: { tortured: string; expected: string }[] };
  const filler = 'The team met on Tuesday and the report was published later that week by the university. '.repeat(6);
  let covered = 0;
  for (const { tortured } of pairs) {
    const start = filler.length + 'The '.length;
    const text = `${filler}The ${tortured} was studied in detail. ${filler}`;
    const end = start + tortured.length;
    if (detectSpin(text, 'normal').evidence.some((e) => e.start < end && e.end > start)) covered++;
  }
  console.log(`  ${covered} of ${pairs.length} tortured phrases (${pct(covered / pairs.length)}) carry evidence (lower-case in prose)`);
}

function timing(texts: NamedText[]): void {
  const repeat = 3;
  const time = (run: (text: string) => unknown) => {
    const start = performance.now();
    for (let r = 0; r < repeat; r++) for (const { text } of texts) run(text);
    return (performance.now() - start) / (repeat * texts.length);
  };
  detectSpin('warm up the tables once');
  const spin = time((text) => detectSpin(text));
  const baseline = time((text) => tokenize(text));
  const words = texts.reduce((sum, { text }) => sum + (text.match(/\S+/g) ?? []).length, 0) / texts.length;
  console.log(`  detectSpin ${spin.toFixed(3)} ms/article; baseline lib/core tokenize ${baseline.toFixed(3)} ms/article (${texts.length} articles, mean ${Math.round(words)} words)`);
}

function main(): void {
  const sensitivity = (option('--sensitivity') ?? 'cautious') as SpinSensitivity;
  if (!existsSync(EVAL_DATA)) {
    console.log(`eval-data not found at ${EVAL_DATA} (set EVAL_DATA): only the seeds are measured.`);
  }
  const articles = newspaperArticles();
  const seeds = seedTexts();
  console.log(`bench:spin, sensitivity ${sensitivity}, library EMPTY (the hint reads the text alone)`);
  console.log(`\nSeed 000 (spun copy of 001):`);
  const seed = detectSpin(seeds[0].text, sensitivity);
  console.log(`  flagged ${seed.flagged}, score ${seed.score}, ${new Set(seed.evidence.map((e) => e.text.toLowerCase())).size} distinct odd words/phrases`);
  console.log(`\nRecall on spun real articles (newspaper3k, English, ${articles.length} articles):`);
  const spinner = new Spinner();
  recall('spinner.ts (benchmark)', articles, (text, rate, seedName) => spinner.spin(text, rate, seedName), sensitivity);
  const other = new RandomSenseSpinner();
  recall('random-sense WordNet spinner', articles, (text, rate, seedName) => other.spin(text, rate, seedName), sensitivity);
  console.log(`\nFalse flags on unspun text:`);
  falseFlags('newspaper3k articles as published', articles, sensitivity);
  falseFlags('seeds 001-004', seeds.slice(1), sensitivity);
  falseFlags('readability real pages, extracted', extractedPages(), sensitivity);
  falseFlags('reshaped: quotations, lists, tables', reshaped(articles), sensitivity);
  falseFlags('scrapinghub (seen by the lexicon build)', scrapinghubArticles(), sensitivity);
  console.log(`\nTortured phrases (science; a different kind of spinner):`);
  torturedCoverage();
  console.log(`\nTime:`);
  timing(articles.length > 0 ? articles : seeds);
}

main();

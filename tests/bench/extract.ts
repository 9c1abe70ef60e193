/**
 * bench:extract: how close lib/extract's text is to the expected article text of real pages in
 * ../shared/eval-data (never copied into the project), and how long a page takes.
 *   newspaper3k-fulltext-tests: html/<name>.html  vs text/<name>.txt (reviewed expected text)
 *   scrapinghub benchmark:      html/<id>.html.gz vs ground-truth.json articleBody (human annotated)
 *   readability-test-pages:     source.html       vs the text of expected.html (Readability's own output;
 *                               the tiny synthetic snippets are reported apart)
 * Prints token-level precision, recall and F1 (bag of lower-cased words; macro average over
 * pages), the time per page (parse; extraction alone), and how many of these article
 * pages isProbablyArticle accepts. With --baseline,
 * the same figures for Mozilla Readability alone (its textContent), to show what the cleanup adds.
 * The DOM is the scan command's (linkedom, lib/cli/html-document.ts); `--dom jsdom` parses with
 * jsdom instead (what the scan command used before), and `--dom both` runs both on each page and
 * also counts the pages whose extracted text or title differ between them.
 * Usage: npm run bench:extract [-- --baseline] [--dom linkedom|jsdom|both] [--limit N] [--worst N] [--only newspaper3k|scrapinghub|readability-test|readability-synthetic]
 */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decodeBytes } from '../../lib/cli/decode';
import { parseHtmlDocument } from '../../lib/cli/html-document';
import { collectBlocks } from '../../lib/extract/blocks';
import { extractArticle } from '../../lib/extract/extract-article';
import { isProbablyArticle } from '../../lib/extract/is-probably-article';

type DomName = 'linkedom' | 'jsdom';

/** jsdom as the scan command used it before (quiet console, scripts off): the reference here. */
function jsdomDocument(html: string, url: string): Document {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

const PARSERS: Record<DomName, (html: string, url: string) => Document> = { linkedom: parseHtmlDocument, jsdom: jsdomDocument };

const EVAL_DATA = resolve(import.meta.dirname, '../../../shared/eval-data');

interface Case {
  name: string;
  htmlPath: string;
  expected: () => string;
}

interface Score {
  name: string;
  precision: number;
  recall: number;
  f1: number;
  parseMs: number;
  extractMs: number;
  /** isProbablyArticle's verdict: every page in these sets is an article. */
  isArticle: boolean;
}

function option(name: string): number | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : undefined;
}

function tokens(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

function overlapScore(actual: string, expected: string): { precision: number; recall: number; f1: number } {
  const got = tokens(actual);
  const want = tokens(expected);
  let common = 0;
  let gotTotal = 0;
  let wantTotal = 0;
  for (const count of got.values()) gotTotal += count;
  for (const [token, count] of want) {
    wantTotal += count;
    common += Math.min(count, got.get(token) ?? 0);
  }
  const precision = gotTotal === 0 ? (wantTotal === 0 ? 1 : 0) : common / gotTotal;
  const recall = wantTotal === 0 ? 1 : common / wantTotal;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function readPageHtml(path: string): string {
  const bytes = readFileSync(path);
  return decodeBytes(path.endsWith('.gz') ? gunzipSync(bytes) : bytes, { html: true });
}

/**
 * Some newspaper3k "expected" texts are empty or a maintainer's note ("FAILED, ENTIRE ARTICLE
 * LOADED VIA JS"): those pages have no usable expectation and are left out.
 */
const MIN_EXPECTED_WORDS = 50;

function newspaperCases(): Case[] {
  const root = join(EVAL_DATA, 'newspaper3k-fulltext-tests');
  if (!existsSync(root)) return [];
  const textPath = (file: string) => join(root, 'text', file.replace(/\.html$/, '.txt'));
  return readdirSync(join(root, 'html'))
    .filter((file) => file.endsWith('.html') && existsSync(textPath(file)))
    .filter((file) => (readFileSync(textPath(file), 'utf8').match(/\S+/g) ?? []).length >= MIN_EXPECTED_WORDS)
    .map((file) => ({
      name: `newspaper3k/${file}`,
      htmlPath: join(root, 'html', file),
      expected: () => readFileSync(textPath(file), 'utf8'),
    }));
}

function scrapinghubCases(): Case[] {
  const root = join(EVAL_DATA, 'scrapinghub-article-extraction-benchmark');
  if (!existsSync(root)) return [];
  const truth = JSON.parse(readFileSync(join(root, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  return Object.entries(truth)
    .filter(([id]) => existsSync(join(root, 'html', `${id}.html.gz`)))
    .map(([id, value]) => ({
      name: `scrapinghub/${id.slice(0, 12)}`,
      htmlPath: join(root, 'html', `${id}.html.gz`),
      expected: () => value.articleBody,
    }));
}

/** The eval-data README: 37 readability cases are tiny synthetic regression snippets (under 4 KB), not pages. */
const SYNTHETIC_PAGE_BYTES = 4096;

function readabilityCases(synthetic: boolean): Case[] {
  const root = join(EVAL_DATA, 'readability-test-pages', 'pages');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'expected.html')))
    .filter((name) => statSync(join(root, name, 'source.html')).size < SYNTHETIC_PAGE_BYTES === synthetic)
    .map((name) => ({
      name: `readability/${name}`,
      htmlPath: join(root, name, 'source.html'),
      expected: () => {
        // The reference text is read the same way whichever DOM is measured.
        const doc = jsdomDocument(readFileSync(join(root, name, 'expected.html'), 'utf8'), 'http://localhost/');
        return collectBlocks(doc.body).map((block) => block.text).join('\n\n');
      },
    }));
}

/** `--baseline`: Readability's own textContent on an untouched clone, for comparison with lib/extract. */
const baseline = process.argv.includes('--baseline');

function readabilityAloneText(doc: Document): string {
  try {
    return new Readability(doc.cloneNode(true) as Document).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

interface Extraction {
  score: Score;
  text: string;
  title: string;
}

function extractWith(dom: DomName, testCase: Case, html: string): Extraction {
  const started = performance.now();
  const doc = PARSERS[dom](html, pathToFileURL(testCase.htmlPath).href);
  const parsed = performance.now();
  const isArticle = isProbablyArticle(doc);
  const checked = performance.now();
  const article = baseline ? undefined : extractArticle(doc);
  const text = baseline ? readabilityAloneText(doc) : (article?.text ?? '');
  const done = performance.now();
  if (dom === 'jsdom') doc.defaultView?.close(); // frees jsdom's window; linkedom holds nothing to free
  return {
    score: { name: testCase.name, ...overlapScore(text, testCase.expected()), parseMs: parsed - started, extractMs: done - checked, isArticle },
    text,
    title: article?.title ?? '',
  };
}

function summary(label: string, scores: Score[]): string {
  const mean = (pick: (score: Score) => number) => scores.reduce((sum, score) => sum + pick(score), 0) / Math.max(1, scores.length);
  const median = (pick: (score: Score) => number) => {
    const sorted = scores.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  };
  const max = (pick: (score: Score) => number) => Math.max(0, ...scores.map(pick));
  return (
    `${label.padEnd(37)} pages ${String(scores.length).padStart(4)}  P ${mean((s) => s.precision).toFixed(3)}  R ${mean((s) => s.recall).toFixed(3)}  F1 ${mean((s) => s.f1).toFixed(3)}` +
    `  (median F1 ${median((s) => s.f1).toFixed(3)})  extract ms: mean ${mean((s) => s.extractMs).toFixed(0)} max ${max((s) => s.extractMs).toFixed(0)}` +
    `  parse ms: mean ${mean((s) => s.parseMs).toFixed(0)}  is-article ${scores.filter((s) => s.isArticle).length}/${scores.length}`
  );
}

function run(set: string, cases: Case[], doms: DomName[]): Score[] {
  const limit = option('--limit') ?? cases.length;
  const scores = new Map<DomName, Score[]>(doms.map((dom) => [dom, []]));
  const differing: string[] = [];
  for (const testCase of cases.slice(0, limit)) {
    const html = readPageHtml(testCase.htmlPath);
    const results = doms.map((dom) => extractWith(dom, testCase, html));
    results.forEach((result, index) => scores.get(doms[index])!.push(result.score));
    if (results.length === 2 && (results[0].text !== results[1].text || results[0].title !== results[1].title)) {
      const [a, b] = results.map((result) => result.score.f1.toFixed(2));
      differing.push(`${testCase.name} (F1 ${doms[0]} ${a}, ${doms[1]} ${b}${results[0].title !== results[1].title ? '; titles differ' : ''})`);
    }
  }
  for (const dom of doms) console.log(summary(`${set} [${dom}]`, scores.get(dom)!));
  if (doms.length === 2) {
    console.log(`  ${differing.length} of ${scores.get(doms[0])!.length} pages differ between ${doms.join(' and ')}${differing.length > 0 ? ':' : ''}`);
    for (const line of differing) console.log(`    ${line}`);
  }
  return scores.get(doms[0])!;
}

function main(): void {
  if (!existsSync(EVAL_DATA)) {
    console.log(`bench:extract: ${EVAL_DATA} is absent; nothing to measure (the eval data is never copied into the project).`);
    return;
  }
  console.log(`bench:extract on ${EVAL_DATA} (${new Date().toISOString().slice(0, 10)})${baseline ? ': BASELINE, Readability alone' : ''}`);
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const sets: Array<[string, () => Case[]]> = [
    ['newspaper3k-fulltext-tests', newspaperCases],
    ['scrapinghub benchmark', scrapinghubCases],
    ['readability-test-pages', () => readabilityCases(false)],
    ['readability-synthetic', () => readabilityCases(true)],
  ];
  const domOption = process.argv.includes('--dom') ? process.argv[process.argv.indexOf('--dom') + 1] : 'linkedom';
  if (domOption !== 'linkedom' && domOption !== 'jsdom' && domOption !== 'both') throw new Error(`--dom ${domOption}: use linkedom, jsdom or both`);
  const doms: DomName[] = domOption === 'both' ? ['linkedom', 'jsdom'] : [domOption];
  const all = sets.filter(([name]) => !only || name.startsWith(only)).flatMap(([name, cases]) => run(name, cases(), doms));
  const worst = option('--worst');
  if (worst) {
    console.log(`\nworst ${worst} by F1:`);
    for (const score of [...all].sort((a, b) => a.f1 - b.f1).slice(0, worst)) {
      console.log(`  ${basename(score.name).padEnd(40)} P ${score.precision.toFixed(2)} R ${score.recall.toFixed(2)} F1 ${score.f1.toFixed(2)}  ${score.name}`);
    }
  }
}

main();

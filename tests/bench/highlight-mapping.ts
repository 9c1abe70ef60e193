/**
 * bench:highlight: how much of the extracted article "Show on the page" can mark on real pages
 * from ../shared/eval-data (read in place, never copied), and whether it ever marks other text.
 * Each page is parsed with jsdom and extracted by lib/extract; every extracted paragraph is then
 * mapped back to the page (lib/extension/content/highlight) as one span. Prints the share of
 * paragraphs found whole / in part / not at all, the number of ranges whose text differs from
 * the analysed text (must be 0), and the mapping time per page beside extraction's time on the
 * same page (jsdom: a browser is much faster at both; jsdom's getComputedStyle is slow).
 * Usage: npm run bench:highlight [-- --every N] [--limit N] [--worst N]   (EVAL_DATA_DIR=… to point elsewhere)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { decodeBytes } from '../../lib/cli/decode';
import { parseHtmlDocument } from '../../lib/cli/html-document';
import { mapSpans, type TextSpan } from '../../lib/extension/content/highlight/map-spans';
import { readPageText } from '../../lib/extension/content/highlight/page-text';
import { extractArticle } from '../../lib/extract/extract-article';

/** Beside the checkout, as the other benchmarks expect; EVAL_DATA_DIR overrides it (e.g. from a worktree). */
const EVAL_DATA = process.env.EVAL_DATA_DIR ?? resolve(import.meta.dirname, '../../../shared/eval-data');

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return htmlFiles(path);
      return name.endsWith('.html') ? [path] : [];
    });
}

/** Paragraph spans of an extracted text (separated by blank lines). */
function paragraphSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const paragraph = /\S[^\n]*(?:\n(?![^\S\n]*\n)[^\n]*)*/g;
  for (let found = paragraph.exec(text); found; found = paragraph.exec(text)) spans.push({ start: found.index, end: found.index + found[0].trimEnd().length });
  return spans;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const every = option('every', 1);
const limit = option('limit', Infinity);
const worstShown = option('worst', 10);
const files = htmlFiles(EVAL_DATA)
  .filter((_, index) => index % every === 0)
  .slice(0, limit);

let pages = 0;
const totals = { paragraphs: 0, found: 0, partly: 0, missing: 0, wrong: 0 };
let mapMs = 0;
let extractMs = 0;
const worst: Array<{ name: string; share: number; line: string }> = [];

for (const file of files) {
  let doc: Document;
  try {
    doc = parseHtmlDocument(decodeBytes(readFileSync(file), { html: true }), 'https://example.org/article');
  } catch {
    continue;
  }
  const extractStart = performance.now();
  const article = extractArticle(doc, { url: 'https://example.org/article' });
  extractMs += performance.now() - extractStart;
  if (!article) continue;
  pages += 1;
  const spans = paragraphSpans(article.text);
  const mapStart = performance.now();
  const mapped = mapSpans(doc, readPageText(doc.body ?? doc.documentElement), article.text, spans);
  mapMs += performance.now() - mapStart;
  let found = 0;
  mapped.forEach((span, index) => {
    totals[span.status === 'found' ? 'found' : span.status === 'partly' ? 'partly' : 'missing'] += 1;
    if (span.status === 'found') found += 1;
    const analysed = squash(article.text.slice(spans[index].start, spans[index].end));
    for (const range of span.ranges) if (!analysed.includes(squash(range.toString()))) totals.wrong += 1;
  });
  totals.paragraphs += spans.length;
  worst.push({ name: relative(EVAL_DATA, file), share: found / spans.length, line: `${found}/${spans.length}` });
}

const share = (count: number) => `${((100 * count) / totals.paragraphs).toFixed(1)} %`;
console.log(`bench:highlight, ${new Date().toISOString().slice(0, 10)}: ${pages} article pages (${files.length} files, every ${every}) from ../shared/eval-data`);
console.log(`paragraphs: ${totals.paragraphs}; found whole ${share(totals.found)}, in part ${share(totals.partly)}, not found ${share(totals.missing)}`);
console.log(`ranges whose text differs from the analysed text: ${totals.wrong}`);
console.log(`per page (jsdom): mapping ${(mapMs / pages).toFixed(0)} ms, extraction of the same page ${(extractMs / pages).toFixed(0)} ms`);
console.log('fewest paragraphs found:');
for (const item of worst.sort((a, b) => a.share - b.share).slice(0, worstShown)) console.log(`  ${item.line}  ${item.name}`);

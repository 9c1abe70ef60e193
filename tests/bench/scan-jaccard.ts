/**
 * The baseline bench:scan measures the scan command against: a plain word 5-gram Jaccard
 * script, run as its own process on the same inputs and library. Tags, scripts and styles are
 * stripped with regular expressions (no DOM), words are lower-cased letter/digit runs, and
 * every input is compared with every library article (no index). Prints one JSON line per
 * input: {"input", "matches": [{"id", "score"}]} with Jaccard >= THRESHOLD, best first.
 * Usage: npx tsx tests/bench/scan-jaccard.ts --library FILE.ndjson INPUT...
 */
import { readFileSync } from 'node:fs';

const THRESHOLD = 0.1;
const N = 5;

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const set = new Set<string>();
  for (let i = 0; i + N <= words.length; i++) set.add(words.slice(i, i + N).join(' '));
  return set;
}

function pageText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function jaccard(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const item of small) if (large.has(item)) common++;
  const union = a.size + b.size - common;
  return union === 0 ? 0 : common / union;
}

function main(): void {
  const argv = process.argv.slice(2);
  const libraryPath = argv[argv.indexOf('--library') + 1];
  const inputs = argv.filter((arg, index) => arg !== '--library' && argv[index - 1] !== '--library');
  const library = readFileSync(libraryPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const { id, text } = JSON.parse(line) as { id: string; text: string };
      return { id, shingles: shingles(text) };
    });
  for (const input of inputs) {
    const raw = readFileSync(input, 'utf8');
    const own = shingles(/\.html?$/i.test(input) ? pageText(raw) : raw);
    const matches = library
      .map((article) => ({ id: article.id, score: jaccard(own, article.shingles) }))
      .filter((match) => match.score >= THRESHOLD)
      .sort((a, b) => b.score - a.score);
    process.stdout.write(`${JSON.stringify({ input, matches })}\n`);
  }
}

main();

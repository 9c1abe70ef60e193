/**
 * The generated articles of the pack benchmarks (bench:packs, bench:packs-browser): article i
 * is a pure function of i (bench:engine's text, plus a title, an address and a date), so a
 * pack of a million never has to sit in memory. Run as a script, it writes articles
 * [from, from + count) as NDJSON in the library format to standard output, for
 * `pack build` to read from standard input:
 *   tsx tests/bench/packs-corpus.ts COUNT [FROM] | npm run --silent pack -- build --out X.pack -
 */
import { formatLibraryLine } from '../../lib/library/format';
import { libraryArticle } from './engine-corpus';

/** Generated article `i`, in the library format's fields. */
export function packArticle(i: number) {
  return { id: `news-${String(i).padStart(9, '0')}`, title: `Council approves revised budget for district ${i % 977} after a long debate`, url: `https://www.example-news.com/${2000 + (i % 27)}/${(i % 12) + 1}/${i}/council-approves-revised-budget`, publishedAt: `20${10 + (i % 17)}-0${(i % 9) + 1}-1${i % 10}T08:00:00Z`, text: libraryArticle(i) };
}

async function writeNdjson(count: number, from: number): Promise<void> {
  const lines: string[] = [];
  for (let i = from; i < from + count; i++) {
    lines.push(formatLibraryLine(packArticle(i)));
    if (lines.length === 1000 || i === from + count - 1) {
      // Wait for the pipe to drain: the reader (the pack builder) is slower than the generator.
      if (!process.stdout.write(`${lines.join('\n')}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
      lines.length = 0;
    }
  }
}

if (process.argv[1]?.endsWith('packs-corpus.ts')) {
  const count = Number(process.argv[2]);
  const from = Number(process.argv[3] ?? 0);
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(from) || from < 0) {
    console.error('usage: tsx tests/bench/packs-corpus.ts COUNT [FROM]');
    process.exit(2);
  }
  void writeNdjson(count, from);
}

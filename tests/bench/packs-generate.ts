/**
 * Writes the generated articles FROM (inclusive) to TO (exclusive) of bench:packs as NDJSON to
 * standard output, waiting whenever the reader is behind (a pipe into `pack build`: nothing is
 * stored on disk and memory stays flat). Usage: packs-generate FROM TO.
 */
import { packArticleLines } from './packs-articles';

const [from, to] = process.argv.slice(2, 4).map(Number);
if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) {
  process.stderr.write('usage: packs-generate FROM TO (whole numbers, FROM <= TO)\n');
  process.exit(2);
}
const CHUNK_LINES = 64;
let chunk: string[] = [];
for (const line of packArticleLines(from, to)) {
  chunk.push(line);
  if (chunk.length < CHUNK_LINES) continue;
  const flowing = process.stdout.write(`${chunk.join('\n')}\n`);
  chunk = [];
  if (!flowing) await new Promise((resolve) => process.stdout.once('drain', resolve));
}
if (chunk.length > 0) process.stdout.write(`${chunk.join('\n')}\n`);

/**
 * `npm start`'s demonstration: each seed text scanned against a library of the other four (not
 * against itself, which would only report every seed as a verbatim copy of itself). Shows what
 * the product is for: seed 000 is a spun copy of seed 001, with its word swaps. The seed files'
 * first lines are page debris ("logo", "close"), so each input is the seed's text under its real
 * headline, as the library holds it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedEntry } from '../library/seed';
import { runScan } from './run-scan';

const CORPUS_DIR = 'public/corpus';

const files = readdirSync(CORPUS_DIR).filter((name) => name.endsWith('.txt')).sort();
const entries = files.map((file) => ({ file, entry: seedEntry(file, readFileSync(join(CORPUS_DIR, file), 'utf8'), '') }));
const scratch = mkdtempSync(join(tmpdir(), 'recycled-news-demo-'));
const io = { stdout: (line: string) => process.stdout.write(`${line}\n`), stderr: (line: string) => process.stderr.write(`${line}\n`) };
let exitCode = 0;
try {
  for (const { file, entry } of entries) {
    const library = join(scratch, `without-${entry.id}.ndjson`);
    const others = entries.filter((other) => other.file !== file).map(({ entry: other }) => JSON.stringify({ id: other.id, title: other.title, source: other.source, text: other.text }));
    writeFileSync(library, `${others.join('\n')}\n`);
    const input = join(scratch, file);
    writeFileSync(input, `${entry.title}\n\n${entry.text}\n`);
    io.stdout(`\n=== Seed ${file.slice(0, 3)} against a library of the other ${others.length} seeds`);
    exitCode = Math.max(exitCode, await runScan(['--no-seed', '--library', library, input], io));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exitCode = exitCode;

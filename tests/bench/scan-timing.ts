/**
 * bench:scan: times the scan command the way evaluators call it: about 200 generated pages of
 * about 250 KB each (a ~6 KB article inside heavy site furniture), against a generated library
 * of 1,100 articles, in one call. Prints the wall time and the time per input.
 * Usage: npm run bench:scan [-- --inputs N --library-size N]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatLibraryLine } from '../../lib/library/format';

const ROOT = resolve(import.meta.dirname, '../..');

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

/** A deterministic pseudo-random generator (mulberry32), so every run scans the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(20251121);
const VOCABULARY = Array.from({ length: 6000 }, (_, index) => {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let word = '';
  for (let length = 2 + (index % 9); word.length < length; ) word += letters[Math.floor(next() * 26)];
  return word;
});
const FUNCTION_WORDS = ['the', 'of', 'and', 'to', 'in', 'a', 'said', 'on', 'for', 'that', 'with', 'was', 'is', 'by', 'at'];

function sentence(): string {
  const words = Array.from({ length: 12 + Math.floor(next() * 18) }, () =>
    next() < 0.4 ? FUNCTION_WORDS[Math.floor(next() * FUNCTION_WORDS.length)] : VOCABULARY[Math.floor(next() ** 2 * VOCABULARY.length)],
  );
  return `${words.join(' ').replace(/^./, (first) => first.toUpperCase())}.`;
}

function article(paragraphs: number): string[] {
  return Array.from({ length: paragraphs }, () => Array.from({ length: 3 }, sentence).join(' '));
}

/** About 250 KB: the article among navigation, teasers, ads and a long comment thread. */
function page(title: string, paragraphs: string[]): string {
  const links = Array.from({ length: 600 }, (_, index) => `<li><a href="/s/${index}">${sentence()}</a></li>`).join('');
  const comments = Array.from({ length: 900 }, (_, index) => `<div class="comment"><b>user${index}</b><p>${sentence()}</p></div>`).join('');
  const body = paragraphs.map((text) => `<p>${text}</p>`).join('<div class="ad">Advertisement</div>');
  return `<!DOCTYPE html><html><head><title>${title}</title><style>${'.x{color:red}'.repeat(500)}</style></head><body><nav><ul>${links}</ul></nav><article><h1>${title}</h1>${body}</article><section id="comments">${comments}</section><footer>Copyright</footer></body></html>`;
}

function main(): void {
  const inputCount = option('--inputs', 200);
  const librarySize = option('--library-size', 1100);
  const dir = mkdtempSync(join(tmpdir(), 'scan-timing-'));
  try {
    const library = Array.from({ length: librarySize }, (_, index) => ({ id: `lib-${index}`, title: `Library story ${index}`, text: article(12).join('\n\n') }));
    writeFileSync(join(dir, 'library.ndjson'), `${library.map(formatLibraryLine).join('\n')}\n`);
    const inputs: string[] = [];
    let bytes = 0;
    for (let index = 0; index < inputCount; index++) {
      // Every other page copies a library article: the engine does its full work on those.
      const paragraphs = index % 2 === 0 ? library[index % librarySize].text.split('\n\n') : article(12);
      const html = page(`Page ${index}`, paragraphs);
      bytes += html.length;
      const path = join(dir, `page-${index}.html`);
      writeFileSync(path, html);
      inputs.push(path);
    }
    console.log(`bench:scan: ${inputCount} pages, ${Math.round(bytes / inputCount / 1024)} KB each on average; library of ${librarySize} articles`);
    const started = performance.now();
    const result = spawnSync('npx', ['tsx', 'lib/cli/scan.ts', '--json', '--library', join(dir, 'library.ndjson'), ...inputs], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    const seconds = (performance.now() - started) / 1000;
    const lines = result.stdout.trim().split('\n').filter(Boolean);
    const flagged = lines.filter((line) => (JSON.parse(line) as { matches: unknown[] }).matches.length > 0).length;
    console.log(`exit ${result.status}; ${lines.length} lines; ${flagged} inputs with matches (expected ${Math.ceil(inputCount / 2)})`);
    console.log(`wall time ${seconds.toFixed(1)} s, ${((seconds * 1000) / inputCount).toFixed(0)} ms per input`);
    console.log(result.stderr.trim().split('\n').filter((line) => line.startsWith('scan: library') || line.includes('input(s)')).join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();

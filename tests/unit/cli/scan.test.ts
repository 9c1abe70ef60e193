/**
 * The scan command end to end: in-process through runScan for the verdicts, and as a real
 * process (`npx tsx lib/cli/scan.ts`) for stdout/stderr/exit status as the contract states them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Engine } from '../../../lib/core/engine';
import { runScan } from '../../../lib/cli/run-scan';
import { formatLibraryLine } from '../../../lib/library/format';
import { seedTextFromFile } from '../../../lib/library/seed';

const ROOT = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'scan-cli-'));

interface JsonLine {
  input: string;
  title: string;
  error?: string;
  matches: Array<{
    id: string;
    title?: string;
    kind: string;
    score: number;
    coverage: number;
    direction: string;
    substitutions: Array<{ from: string; to: string; count: number }>;
    passages: Array<{ inputStart: number; inputEnd: number; sourceStart: number; sourceEnd: number }>;
  }>;
}

/** A seed as a .txt input: a headline line, then the seed's paragraphs. */
function seedInput(seedId: string): string {
  const path = join(dir, `${seedId}.txt`);
  writeFileSync(path, `A headline written for the test\n\n${seedTextFromFile(readFileSync(join(ROOT, 'public/corpus', `${seedId}.txt`), 'utf8'))}\n`);
  return path;
}

const UNRELATED = [
  'Beekeepers in the hill villages say this was the best summer for honey in a decade, with hives producing nearly twice the usual amount after a wet spring and a long, warm July full of clover and lime blossom.',
  'The cooperative that buys most of the honey has had to rent a second warehouse, and its manager expects prices at the autumn market to fall for the first time in years, which shops welcome and some keepers fear.',
  'Older keepers warn that a single good season hides a slow decline in the number of colonies, and they want the county to pay for more training courses so that younger people take up the craft before it disappears.',
];

async function scanJson(argv: string[]): Promise<{ code: number; lines: JsonLine[]; stderr: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runScan(['--json', ...argv], { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) });
  return { code, lines: stdout.map((line) => JSON.parse(line) as JsonLine), stderr };
}

describe('scan on the seed corpus', () => {
  it('finds seed 000 to be a spun copy of seed 001, with its substitutions', async () => {
    const { code, lines } = await scanJson([seedInput('000_95ad2f67165849f2')]);
    expect(code).toBe(0);
    const original = lines[0].matches.find((match) => match.id === '001_cc22b293874e3bba');
    expect(original).toMatchObject({ kind: 'spun', direction: 'copies' });
    expect(original!.substitutions).toContainEqual(expect.objectContaining({ from: 'eastern', to: 'japanese' }));
  });

  it('finds seed 002 as a verbatim copy of itself and nothing else', async () => {
    const { lines } = await scanJson([seedInput('002_dd21d444d1702e34')]);
    expect(lines[0].matches.map((match) => [match.id, match.kind])).toEqual([['002_dd21d444d1702e34', 'verbatim']]);
  });

  it('finds nothing in an unrelated article', async () => {
    const path = join(dir, 'honey.txt');
    writeFileSync(path, `Honey harvest doubles in the hills\n\n${UNRELATED.join('\n\n')}\n`);
    const { code, lines } = await scanJson([path]);
    expect(code).toBe(0);
    expect(lines).toEqual([{ input: path, title: 'Honey harvest doubles in the hills', matches: [], spin: { flagged: false, score: 0, evidence: [] } }]);
  });
});

describe('scan with a library file', () => {
  it('matches an .html copy of a library article, with passages that point at the same words on both sides', async () => {
    const library = join(dir, 'honey.ndjson');
    writeFileSync(library, `${formatLibraryLine({ id: 'honey-1', title: 'Honey harvest doubles', publishedAt: '2008-09-01', text: UNRELATED.join('\n\n') })}\n`);
    const page = join(dir, 'copy.html');
    writeFileSync(page, `<html><head><title>Record honey year</title></head><body><nav><a href="/">Home</a></nav><article><h1>Record honey year</h1>${UNRELATED.map((text) => `<p>${text}</p>`).join('<div class="ad">Advertisement</div>')}</article></body></html>`);
    const { code, lines } = await scanJson(['--no-seed', '--library', library, page]);
    expect(code).toBe(0);
    const [match] = lines[0].matches;
    expect(match).toMatchObject({ id: 'honey-1', title: 'Honey harvest doubles', kind: 'verbatim' });
    const inputText = UNRELATED.join('\n\n'); // What extraction must have produced from the page.
    for (const passage of match.passages) {
      expect(inputText.slice(passage.inputStart, passage.inputEnd)).toBe(UNRELATED.join('\n\n').slice(passage.sourceStart, passage.sourceEnd));
    }
  });

  it('names the file and line of a malformed library line and exits with status 2', async () => {
    const library = join(dir, 'bad.ndjson');
    writeFileSync(library, '{"id":"a","text":"fine"}\n\n{"id":"b","text":42}\n');
    const { code, lines, stderr } = await scanJson(['--library', library, seedInput('002_dd21d444d1702e34')]);
    expect(code).toBe(2);
    expect(lines).toEqual([]);
    expect(stderr.join('\n')).toContain(`${library}:3: "text" must be a string, not a number`);
  });

  it('exits with status 2 when a library file is missing', async () => {
    const { code, stderr } = await scanJson(['--library', join(dir, 'nope.ndjson'), seedInput('002_dd21d444d1702e34')]);
    expect(code).toBe(2);
    expect(stderr.join('\n')).toMatch(/cannot read library .*nope\.ndjson: no such file/);
  });
});

describe('scan with a failing input', () => {
  it('reports an input whose scan fails, still prints a line for it and for the others, and exits 1', async () => {
    const failing = seedInput('002_dd21d444d1702e34');
    const other = join(dir, 'other.txt');
    writeFileSync(other, `Honey\n\n${UNRELATED.join('\n\n')}\n`);
    const spy = vi.spyOn(Engine.prototype, 'match').mockRejectedValueOnce(new Error('boom'));
    try {
      const { code, lines, stderr } = await scanJson([failing, other]);
      expect(code).toBe(1);
      expect(lines.map((line) => [line.input, line.error])).toEqual([
        [failing, 'could not be scanned (boom)'],
        [other, undefined],
      ]);
      expect(stderr.join('\n')).toContain(`${failing}: could not be scanned (boom)`);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('the scan process', () => {
  const scan = (args: string[], input?: string) =>
    spawnSync('npx', ['tsx', 'lib/cli/scan.ts', ...args], { cwd: ROOT, encoding: 'utf8', input, timeout: 120_000 });

  it('prints exactly one JSON line per input on stdout, logs on stderr, and exits 1 for a missing input', () => {
    const txt = seedInput('002_dd21d444d1702e34');
    const result = scan(['--json', txt, 'no/such/page.html', '-'], `Stdin headline\n\n${UNRELATED.join('\n\n')}\n`);
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as JsonLine);
    expect(lines.map((line) => line.input)).toEqual([txt, 'no/such/page.html', '-']);
    expect(lines[1]).toMatchObject({ matches: [], error: 'no such file' });
    expect(lines[2]).toEqual({ input: '-', title: 'Stdin headline', matches: [], spin: { flagged: false, score: 0, evidence: [] } });
    for (const match of lines[0].matches) {
      expect(Object.keys(match)).toEqual(expect.arrayContaining(['id', 'kind', 'score', 'coverage', 'direction', 'substitutions', 'passages']));
      expect(match.score).toBeGreaterThanOrEqual(0);
      expect(match.score).toBeLessThanOrEqual(1);
    }
    expect(result.stderr).toContain('no/such/page.html: no such file');
  }, 120_000);

  it('rejects bad arguments with the usage on stderr and status 2', () => {
    const result = scan(['--frobnicate', 'x.txt']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/unknown option --frobnicate[\s\S]*Usage:/);
  }, 120_000);
});

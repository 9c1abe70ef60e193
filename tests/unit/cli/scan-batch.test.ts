/**
 * The scan command's batches: extraction in worker threads gives the same lines, in input
 * order, as extraction in the main thread; relative paths are read from where npm was called
 * (INIT_CWD), not from the package folder npm runs the script in.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScan } from '../../../lib/cli/run-scan';
import { inputPath, invocationDir } from '../../../lib/cli/paths';
import { runPack, PACK_USAGE } from '../../../lib/cli/pack-command';
import { formatLibraryLine } from '../../../lib/library/format';

const ROOT = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'scan-batch-'));

const WORDS = 'harbour council ferry timetable winter storms repairs budget residents island mainland crossing engineers weather'.split(' ');

/** A deterministic article of `paragraphs` paragraphs, different for each `seed`. */
function story(seed: number, paragraphs: number): string {
  return Array.from({ length: paragraphs }, (_, p) =>
    Array.from({ length: 40 }, (_, w) => `${WORDS[(seed * 7 + p * 13 + w * 5 + ((w * w + seed) % 11)) % WORDS.length]}${(seed + p + w) % 9 === 0 ? ` ${seed}x${p}` : ''}`).join(' ') + '.',
  ).join('\n\n');
}

async function run(argv: string[], workers: number): Promise<{ code: number; stdout: string[] }> {
  const stdout: string[] = [];
  const code = await runScan(argv, { stdout: (line) => stdout.push(line), stderr: () => undefined }, { workers });
  return { code, stdout };
}

describe('scan batches in worker threads', () => {
  it('prints the same lines in input order as the main thread does, a heavy page first and a missing file among them', async () => {
    const library = join(dir, 'library.ndjson');
    const texts = [0, 1, 2].map((seed) => story(seed, 6));
    writeFileSync(library, `${texts.map((text, index) => formatLibraryLine({ id: `a${index}`, title: `Story ${index}`, text })).join('\n')}\n`);
    const heavy = join(dir, 'heavy.html');
    const filler = Array.from({ length: 3000 }, (_, i) => `<div class="c"><p>comment ${i} ${WORDS[i % WORDS.length]}</p></div>`).join('');
    writeFileSync(heavy, `<html><head><title>Heavy page</title></head><body><article><h1>Heavy page</h1>${texts[2].split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article><section id="comments">${filler}</section></body></html>`);
    const inputs = [heavy];
    for (let i = 0; i < 6; i++) {
      const path = join(dir, `small-${i}.txt`);
      writeFileSync(path, `Small ${i}\n\n${i % 2 === 0 ? texts[i % 3] : story(10 + i, 3)}\n`);
      inputs.push(path);
    }
    inputs.splice(3, 0, join(dir, 'missing.txt'));
    const argv = ['--json', '--no-seed', '--library', library, ...inputs];
    const inMain = await run(argv, 0);
    const inWorkers = await run(argv, 2);
    expect(inWorkers.code).toBe(1);
    expect(inWorkers.stdout.map((line) => (JSON.parse(line) as { input: string }).input)).toEqual(inputs);
    expect(inWorkers.stdout).toEqual(inMain.stdout);
    const verdicts = inWorkers.stdout.map((line) => JSON.parse(line) as { matches: Array<{ id: string }>; error?: string });
    expect(verdicts[0].matches.map((match) => match.id)).toEqual(['a2']);
    expect(verdicts[3].error).toBe('no such file');
  }, 120_000);
});

describe('relative paths', () => {
  it('are read from INIT_CWD when npm set it, else from the current folder', () => {
    expect(invocationDir({ INIT_CWD: '/home/user/news' }, '/srv/project')).toBe('/home/user/news');
    expect(invocationDir({}, '/srv/project')).toBe('/srv/project');
    expect(inputPath('pages/a.html', '/home/user/news')).toBe('/home/user/news/pages/a.html');
    expect(inputPath('/abs/a.html', '/home/user/news')).toBe('/abs/a.html');
    expect(inputPath('-', '/home/user/news')).toBe('-');
  });

  it('given to `npm run scan` from another folder, name files of that folder, and the line keeps the input as given', () => {
    const here = mkdtempSync(join(tmpdir(), 'scan-init-cwd-'));
    writeFileSync(join(here, 'story.txt'), `Ferry news\n\n${story(3, 2)}\n`);
    writeFileSync(join(here, 'lib.ndjson'), `${formatLibraryLine({ id: 'own', text: story(3, 2) })}\n`);
    const result = spawnSync('npm', ['run', '--silent', '--prefix', ROOT, 'scan', '--', '--json', '--no-seed', '--library', 'lib.ndjson', 'story.txt'], {
      cwd: here,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.stderr).not.toContain('no such file');
    expect(result.status).toBe(0);
    const line = JSON.parse(result.stdout.trim()) as { input: string; title: string; matches: Array<{ id: string }> };
    expect(line).toMatchObject({ input: 'story.txt', title: 'Ferry news' });
    expect(line.matches.map((match) => match.id)).toEqual(['own']);
  }, 120_000);
});

describe('pack --help', () => {
  it('prints the usage on stdout and succeeds', async () => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await runPack(['--help'], { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) });
    expect([code, stdout, stderr]).toEqual([0, [PACK_USAGE], []]);
  });
});

/** The pack command and scan --pack as users run them (child processes: build uses worker threads). */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { libraryArticle } from '../../bench/engine-corpus';
import { formatLibraryLine } from '../../../lib/library/format';
import { openPack } from '../../../lib/packs/reader';
import { articles, withHeader } from './helpers';

const root = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'pack-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(root, script), ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
const pack = (...args: string[]) => run('lib/cli/pack.ts', args);
/** Child processes start tsx: generous, since the machine is shared (a hang guard, not a timing). */
const SLOW = 240_000;
const fixed = ['--name', 'CLI desk', '--created', '2026-11-30T00:00:00Z'];
const file = (name: string) => join(dir, name);
const ndjson = (from: number, to: number) => `${articles(from, to).map((a) => formatLibraryLine(a)).join('\n')}\n`;

describe('npm run pack', () => {
  writeFileSync(file('a.ndjson'), ndjson(0, 60));
  writeFileSync(file('b.ndjson'), ndjson(60, 100));

  it('builds with worker threads; shards built apart and merged equal one build; diff + apply gives the new pack', async () => {
    expect((await pack('build', '--out', file('all.pack'), ...fixed, file('a.ndjson'), file('b.ndjson'))).code).toBe(0);
    expect((await pack('build', '--out', file('a.pack'), ...fixed, '--workers', '2', file('a.ndjson'))).code).toBe(0);
    expect((await pack('build', '--out', file('b.pack'), ...fixed, file('b.ndjson'))).code).toBe(0);
    expect((await pack('merge', '--out', file('merged.pack'), ...fixed, file('a.pack'), file('b.pack'))).code).toBe(0);
    expect(readFileSync(file('merged.pack'))).toEqual(readFileSync(file('all.pack')));
    expect((await pack('diff', '--out', file('update.pack'), file('a.pack'), file('all.pack'))).code).toBe(0);
    const applied = await pack('apply', '--out', file('applied.pack'), file('a.pack'), file('update.pack'));
    expect(applied.code).toBe(0);
    expect(applied.stderr).toMatch(/applied\.pack: 100 articles \([1-9]\d* added, 0 changed, 0 removed\)/);
    expect(readFileSync(file('applied.pack'))).toEqual(readFileSync(file('all.pack')));
    const misfit = await pack('apply', '--out', file('misfit.pack'), file('b.pack'), file('update.pack'));
    expect(misfit.code).toBe(1);
    expect(misfit.stderr).toMatch(/update\.pack does not fit .*b\.pack: the update was made for another version of the pack/);
    expect(existsSync(file('misfit.pack'))).toBe(false);
    // An update whose header names b.pack as its base: the misfit shows only once applied, and both files are named.
    const b = (await openPack([readFileSync(file('b.pack'))])).header;
    writeFileSync(file('forged.pack'), withHeader(readFileSync(file('update.pack')), (h) => (h.base = { checksum: b.checksum, articles: b.articles })));
    const forged = await pack('apply', '--out', file('misfit.pack'), file('b.pack'), file('forged.pack'));
    expect(forged.code).toBe(1);
    expect(forged.stderr).toMatch(/^pack: .*forged\.pack does not fit .*b\.pack: the updated pack is not the one the update promised/);
    expect(existsSync(file('misfit.pack'))).toBe(false);
    const mergedUpdate = await pack('merge', '--out', file('wrong.pack'), file('update.pack'));
    expect(mergedUpdate.code).toBe(1);
    expect(mergedUpdate.stderr).toMatch(/update\.pack is a pack update, not a pack/);
    const inspected = await pack('inspect', file('all.pack'));
    expect(inspected.code).toBe(0);
    expect(inspected.stdout).toMatch(/name: CLI desk/);
    expect(inspected.stdout).toMatch(/articles: 100/);
    expect(inspected.stdout).toMatch(/checksum verified/);
  }, SLOW);

  it('builds the same pack through many small sorted runs (the external merge), the later of two lines with one id winning', async () => {
    const retitled = articles(10, 15).map((a) => formatLibraryLine({ ...a, title: 'Retitled later' }));
    writeFileSync(file('c.ndjson'), `${ndjson(0, 40)}${retitled.join('\n')}\n`);
    const oneRun = await pack('build', '--out', file('one-run.pack'), ...fixed, file('c.ndjson'));
    expect(oneRun.code).toBe(0);
    expect(oneRun.stderr).toContain('pack: warning: 5 lines repeat ids of earlier lines; for each id the last line was kept');
    expect((await pack('build', '--out', file('runs.pack'), ...fixed, '--run-entries', '7', file('c.ndjson'))).code).toBe(0);
    expect(readFileSync(file('runs.pack'))).toEqual(readFileSync(file('one-run.pack')));
    const page = file('retitled.txt');
    writeFileSync(page, `Headline\n\n${libraryArticle(12)}`);
    const scanned = await run('lib/cli/scan.ts', ['--no-seed', '--pack', file('runs.pack'), '--json', page]);
    expect(JSON.parse(scanned.stdout).matches[0]).toMatchObject({ id: 'art-00012', title: 'Retitled later' });
  }, SLOW);

  it('names the file and line of a malformed line, exits non-zero and writes nothing', async () => {
    writeFileSync(file('bad.ndjson'), `${ndjson(0, 3)}{"id":"x","text":"body","url":"ftp://example.org/x"}\n`);
    const result = await pack('build', '--out', file('bad.pack'), file('bad.ndjson'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file('bad.ndjson')}:4: "url" must be an http or https address`);
    expect(() => readFileSync(file('bad.pack'))).toThrow();
  }, SLOW);

  it('scan --pack reports pack matches with the pack name, and an article also in the library once, from the library', async () => {
    const page = file('page.txt');
    writeFileSync(page, `A headline\n\n${libraryArticle(70)}`);
    const packOnly = await run('lib/cli/scan.ts', ['--no-seed', '--pack', file('all.pack'), '--json', page]);
    expect(packOnly.code).toBe(0);
    const [match] = JSON.parse(packOnly.stdout).matches;
    expect(match).toMatchObject({ id: 'art-00070', pack: 'CLI desk', kind: 'verbatim', url: 'https://example.org/news/70', passages: [] });
    const both = await run('lib/cli/scan.ts', ['--no-seed', '--library', file('b.ndjson'), '--pack', file('all.pack'), '--json', page]);
    const matches = JSON.parse(both.stdout).matches as Array<{ id: string; pack?: string }>;
    expect(matches.filter((m) => m.id === 'art-00070')).toEqual([expect.not.objectContaining({ pack: expect.anything() })]);
    writeFileSync(file('broken.pack'), readFileSync(file('all.pack')).subarray(0, 500));
    const broken = await run('lib/cli/scan.ts', ['--no-seed', '--pack', file('broken.pack'), page]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/cannot use pack .*broken\.pack: the pack is truncated/);
  }, SLOW);

  it('names the file in every error: a missing file, a folder, a file that is no pack, a truncated pack among several, an output folder that does not exist', async () => {
    expect((await pack('build', '--out', file('whole.pack'), ...fixed, file('a.ndjson'))).code).toBe(0);
    writeFileSync(file('cut.pack'), readFileSync(file('whole.pack')).subarray(0, 600));
    writeFileSync(file('junk.pack'), 'not a pack at all, just words');
    const missing = await pack('inspect', file('missing.pack'));
    expect([missing.code, missing.stderr.trim()]).toEqual([1, `pack: ${file('missing.pack')}: no such file`]);
    expect((await pack('inspect', dir)).stderr.trim()).toBe(`pack: ${dir}: is a directory`);
    expect((await pack('inspect', file('junk.pack'))).stderr).toMatch(new RegExp(`^pack: ${file('junk.pack')}: not a pack file`));
    const merged = await pack('merge', '--out', file('m.pack'), ...fixed, file('whole.pack'), file('cut.pack'));
    expect([merged.code, merged.stderr]).toEqual([1, expect.stringMatching(new RegExp(`^pack: ${file('cut.pack')}: `))]);
    const out = join(dir, 'no-such-folder', 'o.pack');
    expect((await pack('build', '--out', out, ...fixed, file('a.ndjson'))).stderr.trim()).toBe(`pack: ${out}: cannot write the pack: its folder does not exist`);
  }, SLOW);
});

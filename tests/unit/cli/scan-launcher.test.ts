/**
 * The scan command's launcher (lib/cli/scan-launcher.mjs) runs a build of the command's sources
 * kept in node_modules/.cache: it must never run a stale build. Checked on a small stand-in
 * command in a folder laid out like the project (the launcher finds everything from its own place).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

function standInProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'scan-launcher-'));
  mkdirSync(join(root, 'lib/cli'), { recursive: true });
  mkdirSync(join(root, 'node_modules'));
  symlinkSync(join(ROOT, 'node_modules/esbuild'), join(root, 'node_modules/esbuild'));
  copyFileSync(join(ROOT, 'lib/cli/scan-launcher.mjs'), join(root, 'lib/cli/scan-launcher.mjs'));
  writeFileSync(join(root, 'lib/cli/scan.ts'), "import { word } from './word';\nconst shout = (text: string): string => text.toUpperCase();\nprocess.stdout.write(`${shout(word)} ${process.argv.slice(2).join(' ')}\\n`);\n");
  writeFileSync(join(root, 'lib/cli/extract-worker.ts'), 'export {};\n');
  writeFileSync(join(root, 'lib/cli/word.ts'), "export const word = 'first';\n");
  return root;
}

const launch = (root: string, ...args: string[]) => execFileSync(process.execPath, [join(root, 'lib/cli/scan-launcher.mjs'), ...args], { encoding: 'utf8' });
const cache = (root: string) => join(root, 'node_modules/.cache/scan-command');

describe('scan launcher', () => {
  it('runs the built command with its arguments, rebuilds when any source it imports changes, and reuses the build otherwise', () => {
    const root = standInProject();
    expect(launch(root, '--json', 'a.html')).toBe('FIRST --json a.html\n');
    const stamp = statSync(join(cache(root), 'current.json')).mtimeMs;
    expect(launch(root, 'b.html')).toBe('FIRST b.html\n');
    expect(statSync(join(cache(root), 'current.json')).mtimeMs).toBe(stamp);

    // A change to an imported file, not to the entry point, is seen too.
    writeFileSync(join(root, 'lib/cli/word.ts'), "export const word = 'second';\n");
    expect(launch(root, 'c.html')).toBe('SECOND c.html\n');
    expect(readdirSync(cache(root)).filter((entry) => entry !== 'current.json')).toHaveLength(2);

    // Back to the first source: the first build's key again.
    writeFileSync(join(root, 'lib/cli/word.ts'), "export const word = 'first';\n");
    expect(launch(root)).toBe('FIRST \n');
  }, 60_000);
});

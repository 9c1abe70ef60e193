/**
 * What `npm run scan` starts: the scan command (scan.ts) built into plain JavaScript by esbuild
 * and kept in node_modules/.cache/scan-command/, rebuilt whenever it would be stale. Started
 * from TypeScript through tsx, the command spent about 2 s of a quiet machine (far more on a busy
 * one) loading and transforming its modules, once in the main thread and once per extraction
 * thread; from the build, about 0.3 s.
 *
 * It never goes stale: the build is keyed on the content of every source file as esbuild read it
 * (not as it is after the build), on esbuild's version and on this file. Each call hashes those files again
 * (a few milliseconds) and rebuilds when any differs, so an edited, added or checked-out source
 * is always what runs. Packages in node_modules are not bundled: Node loads them as installed.
 * Plain JavaScript, so that it runs without tsx; if the build fails, the sources run through tsx.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'node_modules/.cache/scan-command');
/** The last build: its key and the source files it was built from (relative to ROOT). */
const STAMP = join(CACHE, 'current.json');
/** The entry points: the command and its extraction worker (extract-pool.ts starts `./extract-worker.mjs` beside the command). */
const ENTRIES = ['lib/cli/scan.ts', 'lib/cli/extract-worker.ts'];
/** Builds of older sources are removed once this old (a call still running may be using one). */
const OLD_BUILD_MS = 60 * 60 * 1000;

/** Hash of everything a build depends on: `contents(input)` gives each source's bytes, or
 *  undefined when it is gone (then there is no key). */
function keyOf(esbuildVersion, inputs, contents) {
  const hash = createHash('sha256').update(`${esbuildVersion}\0${readFileSync(fileURLToPath(import.meta.url))}\0`);
  for (const input of inputs) {
    const bytes = contents(input);
    if (bytes === undefined) return undefined;
    hash.update(`${input}\0`).update(bytes).update('\0');
  }
  return hash.digest('hex').slice(0, 24);
}

/** A source's bytes as they are on disk now, or undefined when it is gone. */
function onDisk(input) {
  const path = join(ROOT, input);
  return existsSync(path) ? readFileSync(path) : undefined;
}

/** esbuild's loader for a source file, by its extension. */
function loaderFor(path) {
  const extension = extname(path).slice(1);
  return { ts: 'ts', mts: 'ts', cts: 'ts', tsx: 'tsx', json: 'json', jsx: 'jsx' }[extension] ?? 'js';
}

/** The built command when it is up to date with the sources, else undefined. */
function currentBuild(esbuildVersion) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return undefined;
  }
  const script = join(CACHE, stamp.key ?? '', 'scan.mjs');
  return Array.isArray(stamp.inputs) && keyOf(esbuildVersion, stamp.inputs, onDisk) === stamp.key && existsSync(script) ? script : undefined;
}

/** Builds the command into CACHE/<key>/ and records it; returns the command's path. The key
 *  hashes the sources as esbuild read them (an onLoad hook reads them for it), so a file saved
 *  during the build, or one whose modification time was set back, can never pass for the build
 *  of its new contents: the next call sees a different key and builds again. */
async function build(esbuild) {
  const read = new Map();
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir: join(CACHE, 'pending'),
    outExtension: { '.js': '.mjs' },
    // library.ts finds the seed corpus beside its own source file.
    define: { 'import.meta.dirname': JSON.stringify(join(ROOT, 'lib/cli')) },
    plugins: [
      {
        name: 'hash-what-is-read',
        setup(build) {
          build.onLoad({ filter: /.*/, namespace: 'file' }, (args) => {
            const contents = readFileSync(args.path);
            read.set(relative(ROOT, args.path), contents);
            return { contents, loader: loaderFor(args.path) };
          });
        },
      },
    ],
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const inputs = Object.keys(result.metafile.inputs)
    .map((input) => relative(ROOT, resolve(ROOT, input)))
    .sort();
  const key = keyOf(esbuild.version, inputs, (input) => read.get(input) ?? onDisk(input));
  const dir = join(CACHE, key);
  if (!existsSync(join(dir, 'scan.mjs'))) {
    const pending = `${dir}.${process.pid}`;
    mkdirSync(pending, { recursive: true });
    for (const file of result.outputFiles) writeFileSync(join(pending, basename(file.path)), file.contents);
    try {
      renameSync(pending, dir);
    } catch {
      rmSync(pending, { recursive: true, force: true }); // another call built the same sources first
    }
  }
  writeFileSync(`${STAMP}.${process.pid}`, JSON.stringify({ key, inputs }));
  renameSync(`${STAMP}.${process.pid}`, STAMP);
  removeOldBuilds(key);
  return join(dir, 'scan.mjs');
}

function removeOldBuilds(key) {
  for (const entry of readdirSync(CACHE, { withFileTypes: true })) {
    const path = join(CACHE, entry.name);
    if (entry.isDirectory() && entry.name !== key && Date.now() - statSync(path).mtimeMs > OLD_BUILD_MS) rmSync(path, { recursive: true, force: true });
  }
}

async function builtCommand() {
  // esbuild itself is loaded only to build: reading its version is enough to check a build.
  const { version } = createRequire(import.meta.url)('esbuild/package.json');
  return currentBuild(version) ?? (await build(await import('esbuild')));
}

let script;
try {
  script = await builtCommand();
} catch (error) {
  process.stderr.write(`scan: warning: could not build the command (${error instanceof Error ? error.message : String(error)}); running its sources through tsx\n`);
}
if (script) {
  await import(pathToFileURL(script).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(ROOT, 'lib/cli/scan.ts')).href);
}

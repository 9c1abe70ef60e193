/**
 * bench:cold (issue 13.3): the first check after a service-worker stop, for two (or more)
 * builds of the extension against the same generated library, alternating, so a before/after
 * pair meets the same machine load. bench:browser's figure 3 is the same measurement inside a
 * 13-minute run; here the library is imported once (through the options page, as a user does)
 * into a kept profile and copied per build, so later runs start measuring at once.
 *
 * Every build is loaded from the same folder (`<dir>/extension`, the build copied there before
 * each launch): an unpacked extension's id follows its folder, and the library lives under
 * that id. Each build has its own copy of the profile, so a build that stores its index
 * snapshot in another layout never makes the other rebuild it.
 *
 * Per round: the worker is stopped (DevTools protocol), then a generated news page opened.
 * Printed per build: the verdict from navigation, the worker's part (its "checking" record to
 * its result) and, from the worker's own clock, its start (performance.timeOrigin) to the
 * result; beside warm checks of the same build in the same session. Any `performance.measure`
 * entries the worker holds after a cold check are printed too (none in a shipped build; a
 * local build with temporary marks shows where the time goes).
 *
 * Usage: npx tsx tests/bench/browser/cold-start.ts --dir /tmp/cold-bench \
 *          --builds before=/tmp/cold-bench/before,after=.output/chrome-mv3 [--articles 100000]
 *          [--rounds 5] [--warm 5] [--pairs 2]
 */
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { LibraryStats } from '../../../lib/library/service';
import { launchExtension, type ExtensionHarness } from '../../e2e/harness';
import { sendFromPage } from '../../e2e/library-scale';
import { importThroughOptions } from './options-ui';
import { summarize, type Summary } from './phases';
import { writeLibraryFile } from './library-file';
import { queryPage, VerdictWatch } from './verdicts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    builds: { type: 'string' },
    articles: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '5' },
    warm: { type: 'string', default: '5' },
    pairs: { type: 'string', default: '2' },
  },
});
const whole = (name: 'articles' | 'rounds' | 'warm' | 'pairs') => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number above 0, not "${values[name]}".`);
  return value;
};
if (!values.dir || !values.builds) throw new Error('Give --dir (a folder kept between runs) and --builds label=folder,label=folder.');
const dir = resolve(values.dir);
const builds = values.builds.split(',').map((pair) => {
  const [label, folder] = pair.split('=');
  if (!label || !folder || !existsSync(join(folder, 'manifest.json'))) throw new Error(`--builds: "${pair}" is not label=folder of a built extension.`);
  return { label, folder: resolve(folder) };
});
const articles = whole('articles');
const extensionDir = join(dir, 'extension');
const profileOf = (label: string) => join(dir, `profile-${articles}-${label}`);
const baseProfile = join(dir, `profile-${articles}`);

const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Copies `build` into the one extension folder and launches it with `profileDir`. Chromium keeps
 * an extension's service-worker script with its registration in the profile (a new version in
 * the manifest did not replace it here), so the registration is deleted first: the loaded
 * extension registers the worker again from the copied build. The library is not touched.
 */
async function launch(build: string, profileDir: string): Promise<ExtensionHarness> {
  rmSync(extensionDir, { recursive: true, force: true });
  cpSync(build, extensionDir, { recursive: true });
  rmSync(join(profileDir, 'Default', 'Service Worker'), { recursive: true, force: true });
  return launchExtension({ extensionDir, profileDir });
}

async function stats(harness: ExtensionHarness): Promise<LibraryStats> {
  const options = await harness.openOptions();
  try {
    return await sendFromPage<LibraryStats>(options, { type: 'library/stats' });
  } finally {
    await options.close();
  }
}

/** Imports the generated library into the base profile once, and waits for its words and snapshot. */
async function prepareLibrary(): Promise<void> {
  if (existsSync(baseProfile)) return;
  log(`writing ${articles} articles into ${baseProfile} (once)`);
  const file = await writeLibraryFile(articles);
  const harness = await launch(builds[0].folder, `${baseProfile}.partial`);
  try {
    const imported = await importThroughOptions(harness, file.path, articles, 3_600_000);
    log(`imported in ${(imported.ms / 1000).toFixed(0)} s; waiting for the word index`);
    for (;;) {
      const { wordsPending } = await stats(harness);
      if (wordsPending === 0) break;
      await sleep(5_000);
    }
    await sleep(10_000); // the index snapshot is saved 5 s after the last change
  } finally {
    await harness.close();
    await file.remove();
  }
  cpSync(`${baseProfile}.partial`, baseProfile, { recursive: true });
  rmSync(`${baseProfile}.partial`, { recursive: true, force: true });
}

interface Round {
  verdictMs: number;
  workerMs?: number;
  settledAt: number;
  /** From the worker's start (its timeOrigin) to its stored result. */
  startToResultMs?: number;
  measures: Array<[string, number, number]>;
}

/** The running worker's timeOrigin (its start, on the Date.now() clock) and its performance measures. */
async function workerClock(harness: ExtensionHarness): Promise<{ origin: number; measures: Array<[string, number, number]> }> {
  return harness.inServiceWorker(
    () => ({
      origin: performance.timeOrigin,
      measures: performance.getEntriesByType('measure').map((entry) => [entry.name, Math.round(entry.startTime), Math.round(entry.duration)] as [string, number, number]),
    }),
    undefined,
  );
}

async function measureBuild(build: { label: string; folder: string }, pair: number): Promise<{ cold: Round[]; warm: Round[] }> {
  const harness = await launch(build.folder, profileOf(build.label));
  try {
    const watch = await VerdictWatch.open(harness);
    const visit = async (phase: string, n: number): Promise<Round> => {
      const verdict = await watch.visit(`/${build.label}-${pair}/${phase}/${n}.html`, queryPage(articles, `${phase}-${pair}`, n));
      return { verdictMs: verdict.verdictMs, workerMs: verdict.workerMs, settledAt: verdict.settledAt, measures: [] };
    };
    // The first start may rebuild a snapshot this build cannot use; it saves a fresh one 5 s later.
    const first = await visit('first', 0);
    const { total } = await stats(harness);
    if (total < articles) throw new Error(`The profile holds ${total} entries, not ${articles}.`);
    log(`${build.label}: first check after launch ${first.verdictMs} ms (worker ${first.workerMs} ms)`);
    await sleep(8_000);
    const warm: Round[] = [];
    for (let n = 0; n < whole('warm'); n++) warm.push(await visit('warm', n));
    const cold: Round[] = [];
    for (let n = 0; n < whole('rounds'); n++) {
      await watch.stopWorker();
      await sleep(1_000);
      const round = await visit('cold', n);
      const clock = await workerClock(harness);
      cold.push({ ...round, measures: clock.measures, startToResultMs: round.settledAt - clock.origin });
    }
    await watch.close();
    return { cold, warm };
  } finally {
    await harness.close();
  }
}

const line = (summary: Summary | null) => (summary ? `p50 ${summary.p50.toFixed(0)} ms, max ${summary.max.toFixed(0)} ms (${summary.count})` : 'none');

await prepareLibrary();
for (const { label } of builds) if (!existsSync(profileOf(label))) cpSync(baseProfile, profileOf(label), { recursive: true });
console.log(`bench:cold ${new Date().toISOString()}, ${articles} articles, builds ${builds.map((b) => b.label).join(', ')}`);
const all = new Map(builds.map(({ label }) => [label, { cold: [] as Round[], warm: [] as Round[] }]));
for (let pair = 0; pair < whole('pairs'); pair++) {
  // Alternating which build goes first, so neither always meets the same moment of the load.
  const order = pair % 2 ? [...builds].reverse() : builds;
  for (const build of order) {
    const { cold, warm } = await measureBuild(build, pair);
    all.get(build.label)!.cold.push(...cold);
    all.get(build.label)!.warm.push(...warm);
    log(`${build.label} (pair ${pair}): cold verdict ${cold.map((r) => r.verdictMs).join(', ')} ms; worker's part ${cold.map((r) => r.workerMs).join(', ')} ms; worker start to result ${cold.map((r) => r.startToResultMs?.toFixed(0)).join(', ')} ms; warm verdict ${warm.map((r) => r.verdictMs).join(', ')} ms`);
    for (const [n, round] of cold.entries()) if (round.measures.length > 0) log(`  cold ${n}: ${round.measures.map(([name, start, ms]) => `${name} @${start} +${ms}`).join('; ')}`);
  }
}
console.log(`\nbench:cold, ${articles} articles (${new Date().toISOString()}):`);
for (const [label, { cold, warm }] of all) {
  console.log(`  ${label}: first check after a stop: verdict ${line(summarize(cold.map((r) => r.verdictMs)))}; worker's part ${line(summarize(cold.map((r) => r.workerMs)))}; worker start to result ${line(summarize(cold.map((r) => r.startToResultMs)))}`);
  console.log(`  ${' '.repeat(label.length)}  warm: verdict ${line(summarize(warm.map((r) => r.verdictMs)))}; worker's part ${line(summarize(warm.map((r) => r.workerMs)))}`);
}

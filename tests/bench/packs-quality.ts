/**
 * Pack-only detection quality for bench:packs: the bench:quality cases (../shared/eval-data),
 * once with the library's texts in the engine and once with the same articles present only as
 * pack entries (encoded into a pack and decoded again, so the figures include the format).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceText } from '../../lib/core/types';
import { packEntryOf, type PackEntry } from '../../lib/packs/entry';
import { PackIndex } from '../../lib/packs/match';
import { decodePack, encodePack } from '../../lib/packs/pack';
import { buildBenchmark, DEFAULT_OPTIONS, type BenchmarkOptions } from './cases';
import { loadEvalArticles, loadSeedArticles } from './quality-data';
import { engineMatcher } from './quality-engine-matcher';
import { computeFigures, type Figures } from './quality-metrics';
import { runMatcher, type BenchMatcher } from './quality-runner';
import { Spinner } from './spinner';

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** ../shared beside the checkout, or two levels up from a helper's worktree (/work/wt/NAME). */
const evalDir = [resolve(projectDir, '..', 'shared', 'eval-data'), resolve(projectDir, '..', '..', 'shared', 'eval-data')].find((dir) => existsSync(dir)) ?? resolve(projectDir, '..', 'shared', 'eval-data');

/** Pack entries are collected on `add`, encoded as one pack on the first query, decoded and indexed. */
function packMatcher(): BenchMatcher {
  const pending: PackEntry[] = [];
  let index: PackIndex | undefined;
  return {
    name: 'pack-only',
    add(doc: SourceText) {
      pending.push(packEntryOf(doc));
    },
    async match(query) {
      if (!index) {
        const bytes = encodePack({ name: 'bench', description: '', createdAt: '2026-11-30T00:00:00Z' }, pending);
        const { entries } = await decodePack(bytes);
        index = new PackIndex();
        for (const entry of entries) index.add('bench', entry);
      }
      return index.matchText(query.text);
    },
  };
}

export interface QualityRun {
  notes: string[];
  figures: Figures[];
  variants: string[];
}

export async function packQuality(options: BenchmarkOptions = DEFAULT_OPTIONS): Promise<QualityRun> {
  const loaded = loadEvalArticles(evalDir);
  const notes = loaded.absence ? [loaded.absence] : [];
  const seeds = loadSeedArticles(join(projectDir, 'public', 'corpus'));
  const benchmark = buildBenchmark(loaded.articles, seeds, new Spinner(), options);
  notes.push(`${benchmark.library.length} library entries, ${benchmark.cases.length} cases (seed "${options.seed}")`, ...benchmark.notes);
  const figures: Figures[] = [];
  for (const matcher of [engineMatcher(), packMatcher()]) {
    figures.push(computeFigures(await runMatcher(matcher, benchmark.library, benchmark.cases)));
  }
  return { notes, figures, variants: [...new Set(benchmark.cases.map((c) => c.variant))] };
}

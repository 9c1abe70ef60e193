/**
 * `npm run bench:packs-diff -- --pack FILE.pack`: a pack update from a diff, as the extension
 * applies one, minus IndexedDB (whose writes are those of an import: bench:packs-browser).
 * From the pack given (say bench:packs-browser's million-article pack), a new version: every
 * 500th entry removed, every 1,000th retitled, 1,000 generated articles added; then `diff`
 * (old → new) and the apply pipeline of lib/packs/store-update.ts on streams: the old entries
 * in id order through merge.ts's applyUpdate, each result entry encoded again to compute the
 * checksum checked by update.ts's appliedHeader. Printed: sizes, times, and the process's peak
 * RSS and heap during the apply (sampled every 50 ms), beside reading and checking the whole
 * new pack (the parse an import of it costs) in the same run.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readPackFile, writePackFile } from '../../lib/cli/pack-files';
import { packEntryOf } from '../../lib/packs/entry';
import { applyUpdate, diffPacks, mergePacks } from '../../lib/packs/merge';
import { encodePack, packHeader } from '../../lib/packs/pack';
import { appliedHeader, checkUpdateFits, updateHeader } from '../../lib/packs/update';
import { PackBodyWriter } from '../../lib/packs/writer';
import { packArticle } from './packs-corpus';

const { values } = parseArgs({ options: { pack: { type: 'string' }, added: { type: 'string', default: '1000' } } });
if (!values.pack) throw new Error('Usage: npm run bench:packs-diff -- --pack FILE.pack [--added N]');
const ADDED = Number(values.added);
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

async function timed<T>(label: string, work: () => Promise<T>): Promise<{ value: T; seconds: number; peakRss: number; peakHeap: number }> {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    peakRss = Math.max(peakRss, rss);
    peakHeap = Math.max(peakHeap, heapUsed);
  };
  const timer = setInterval(sample, 50);
  const started = performance.now();
  try {
    const value = await work();
    sample();
    const seconds = (performance.now() - started) / 1000;
    log(`${label}: ${seconds.toFixed(1)} s, peak RSS ${mb(peakRss)}, peak heap ${mb(peakHeap)}, load ${loadavg()[0].toFixed(1)}`);
    return { value, seconds, peakRss, peakHeap };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-packs-diff-'));
  try {
    const old = await readPackFile(values.pack!);
    const articles = old.header.articles;
    log(`old pack: ${articles} articles, ${mb(statSync(values.pack!).size)}`);
    const edited = join(dir, 'edited.pack');
    await timed('new version, edited entries', () =>
      writePackFile(
        edited,
        async (body) => {
          let i = 0;
          for await (const record of old.records) {
            if (record.op !== 'put') continue;
            i++;
            if (i % 500 === 0) continue;
            body.put(i % 1000 === 1 ? { ...record.entry, title: `${record.entry.title ?? ''} (corrected)` } : record.entry);
          }
        },
        (summary) => packHeader(old.header, summary),
      ),
    );
    const added = join(dir, 'added.pack');
    writeFileSync(added, encodePack(old.header, Array.from({ length: ADDED }, (_, k) => packEntryOf(packArticle(articles + 10_000_000 + k)))));
    const next = join(dir, 'next.pack');
    await timed('new version, merged with the added articles', async () => {
      const [a, b] = await Promise.all([readPackFile(edited), readPackFile(added)]);
      return writePackFile(next, (body) => mergePacks([a.records, b.records], body), (summary) => packHeader({ ...old.header, createdAt: '2026-12-01T00:00:00Z' }, summary));
    });
    const update = join(dir, 'update.pack');
    await timed('pack diff', async () => {
      const [a, b] = await Promise.all([readPackFile(values.pack!), readPackFile(next)]);
      return writePackFile(update, (body) => diffPacks(a.records, b.records, body), (summary) => updateHeader(a.header, b.header, summary), { update: true });
    });
    log(`sizes: new pack ${mb(statSync(next).size)}, diff ${mb(statSync(update).size)} (${((100 * statSync(update).size) / statSync(next).size).toFixed(2)} %)`);

    const baseline = await timed('baseline: read and check the whole new pack', async () => {
      const pack = await readPackFile(next);
      let count = 0;
      for await (const record of pack.records) if (record.op === 'put') count++;
      return count;
    });
    const applied = await timed('apply (old entries + diff, result encoded again, checksum checked)', async () => {
      const [a, u] = await Promise.all([readPackFile(values.pack!), readPackFile(update)]);
      checkUpdateFits(u.header, a.header);
      const body = new PackBodyWriter(() => undefined);
      const counts = await applyUpdate(a.records, u.records, (entry) => body.put(entry));
      return { counts, header: appliedHeader(u.header, body.finish()) };
    });
    log(`apply: ${JSON.stringify(applied.value.counts)}, ${applied.value.header.articles} articles (baseline read ${baseline.value}), checksum ${applied.value.header.checksum} as promised`);
    log(`figures: apply ${applied.seconds.toFixed(1)} s beside ${baseline.seconds.toFixed(1)} s to read the new pack; apply peak RSS ${mb(applied.peakRss)} / heap ${mb(applied.peakHeap)}, baseline ${mb(baseline.peakRss)} / ${mb(baseline.peakHeap)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

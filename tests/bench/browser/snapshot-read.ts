/**
 * How long Chromium's IndexedDB takes to read the engine's index snapshot back, in the first
 * layout (float64 postings, 8 bytes), the bucketed one (Uint32 postings, 4 bytes) and the
 * bucketed one with its arrays in one Blob read with arrayBuffer() (as stored since
 * 2026-11-30, lib/library/snapshot-blob.ts), all written by the same extension page from the
 * same generated postings (sorted random 32-bit hashes, random slots: as compressible as a real
 * index) and read in turn from a fresh page of the extension's origin each (a fresh heap), one
 * readonly transaction per read, as a restarted worker does.
 * The restore's checks are not included (bench:engine's `snapshot` lines time them in Node).
 *
 * Usage: npx tsx tests/bench/browser/snapshot-read.ts [--articles 100000] [--rounds 5]
 *        (run `npx wxt build` first)
 */
import { parseArgs } from 'node:util';
import { launchExtension } from '../../e2e/harness';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '5' } } });
const articles = Number(values.articles);
const rounds = Number(values.rounds);
if (!Number.isInteger(articles) || articles < 1 || !Number.isInteger(rounds) || rounds < 1) throw new Error('--articles and --rounds take whole numbers.');
const POSTINGS_PER_ARTICLE = 109;
const DB = 'bench-snapshot-read';

const harness = await launchExtension();
try {
  const origin = `chrome-extension://${harness.extensionId}/options.html#settings`;
  const writer = await harness.context.newPage();
  await writer.goto(origin);
  // tsx keeps function names with an `__name` helper the page does not have.
  await writer.evaluate('globalThis.__name = (target) => target');
  const sizes = await writer.evaluate(
    async ({ n, perArticle, name }) => {
      let state = 0x9e3779b9;
      const next = () => {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return state >>> 0;
      };
      const total = n * perArticle;
      const hashes = new Uint32Array(total);
      const slots = new Uint32Array(total);
      for (let i = 0; i < total; i++) {
        hashes[i] = next();
        slots[i] = next() % n;
      }
      hashes.sort();
      const float64 = new Float64Array(total);
      for (let i = 0; i < total; i++) float64[i] = hashes[i] * 2 ** 21 + slots[i];
      let bits = 10;
      while (2 ** bits < n) bits++;
      const offsets = new Uint32Array(2 ** bits + 1);
      const bucketed = new Uint32Array(total);
      let bucketDone = 0;
      for (let i = 0; i < total; i++) {
        const bucket = Math.floor(hashes[i] / 2 ** (32 - bits));
        while (bucketDone <= bucket) offsets[bucketDone++] = i;
        bucketed[i] = (hashes[i] - bucket * 2 ** (32 - bits)) * 2 ** bits + slots[i];
      }
      while (bucketDone < offsets.length) offsets[bucketDone++] = total;
      const ids = Array.from({ length: n }, (_, i) => `imported-${i.toString(16).padStart(16, '0')}`);
      const common = { ids: ids.join(''), idLengths: Uint32Array.from(ids, (id) => id.length), counts: new Uint32Array(n).fill(perArticle) };
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const open = indexedDB.open(name, 1);
        open.onupgradeneeded = () => open.result.createObjectStore('meta');
        open.onsuccess = () => done(open.result);
        open.onerror = () => fail(open.error);
      });
      const tx = db.transaction('meta', 'readwrite');
      tx.objectStore('meta').put({ version: 3, index: { format: 1, ...common, postings: float64 } }, 'float64');
      tx.objectStore('meta').put({ version: 3, index: { format: 2, ...common, slotBits: bits, offsets, postings: bucketed } }, 'bucketed');
      // As lib/library/snapshot-blob.ts stores it: the four Uint32 arrays one after another in one Blob.
      const lengths = [common.idLengths.length, common.counts.length, offsets.length, bucketed.length];
      tx.objectStore('meta').put({ version: 3, packed: { format: 2, ids: common.ids, slotBits: bits, lengths, arrays: new Blob([common.idLengths, common.counts, offsets, bucketed]) } }, 'blob');
      await new Promise((done, fail) => {
        tx.oncomplete = done;
        tx.onerror = () => fail(tx.error);
      });
      db.close();
      const idBytes = common.ids.length * 2 + common.idLengths.byteLength + common.counts.byteLength;
      return { float64: float64.byteLength + idBytes, bucketed: bucketed.byteLength + offsets.byteLength + idBytes, blob: bucketed.byteLength + offsets.byteLength + idBytes };
    },
    { n: articles, perArticle: POSTINGS_PER_ARTICLE, name: DB },
  );
  await writer.close();

  /** One read of `key` in a fresh page (a fresh heap, as a restarted worker has); with `drop`, the database is deleted after. */
  const readOnce = async (key: string, drop = false): Promise<number> => {
    const page = await harness.context.newPage();
    try {
      await page.goto(origin);
      await page.evaluate('globalThis.__name = (target) => target');
      return await page.evaluate(
        async ({ name, wanted, dropAfter }) => {
          const db = await new Promise<IDBDatabase>((done, fail) => {
            const open = indexedDB.open(name, 1);
            open.onsuccess = () => done(open.result);
            open.onerror = () => fail(open.error);
          });
          const started = performance.now();
          const stored = await new Promise<{ packed?: { arrays: Blob } } | undefined>((done, fail) => {
            const get = db.transaction('meta').objectStore('meta').get(wanted);
            get.onsuccess = () => done(get.result as { packed?: { arrays: Blob } } | undefined);
            get.onerror = () => fail(get.error);
          });
          // The Blob layout is read to the end: its bytes into one ArrayBuffer.
          if (stored?.packed) new Uint32Array(await stored.packed.arrays.arrayBuffer());
          const ms = stored ? performance.now() - started : NaN;
          db.close();
          if (dropAfter) {
            await new Promise((done) => {
              const request = indexedDB.deleteDatabase(name);
              request.onsuccess = request.onerror = request.onblocked = done;
            });
          }
          return ms;
        },
        { name: DB, wanted: key, dropAfter: drop },
      );
    } finally {
      await page.close();
    }
  };
  const layouts = ['float64', 'bucketed', 'blob'] as const;
  const times: Record<(typeof layouts)[number], number[]> = { float64: [], bucketed: [], blob: [] };
  for (let round = 0; round < rounds; round++) {
    // Alternating, the order reversed in odd rounds, so none always reads first.
    const order = round % 2 ? [...layouts].reverse() : layouts;
    for (const [at, key] of order.entries()) times[key].push(await readOnce(key, round === rounds - 1 && at === order.length - 1));
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  console.log(`snapshot read from IndexedDB, ${articles.toLocaleString('en')} articles × ${POSTINGS_PER_ARTICLE} postings, ${rounds} reads each (${new Date().toISOString()}):`);
  for (const key of layouts) {
    console.log(`  ${key.padEnd(8)}  ${(sizes[key] / 1e6).toFixed(1)} MB  median ${median(times[key]).toFixed(0)} ms  (${times[key].map((t) => t.toFixed(0)).join(', ')} ms)`);
  }
} finally {
  await harness.close();
}

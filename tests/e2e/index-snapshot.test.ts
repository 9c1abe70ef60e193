/**
 * The engine's index snapshot in Chromium's own IndexedDB (lib/library/index-snapshot.ts): the
 * worker saves it a few seconds after the library opens, in the bucketed layout (format 2,
 * Uint32 postings) with its arrays in one Blob, and a worker restarted afterwards restores it rather than rebuilding the
 * index: a rebuild would save a fresh snapshot over the record, so a mark put on the stored
 * record survives only a restore.
 */
import { describe, expect, it } from 'vitest';
import { useExtension } from './harness';
import { ExtensionProbe, settled } from './lifecycle-helpers';
import { seed } from './pages/seeds';
import { newsPage } from './pages/site-chrome';

const seed002 = seed('002');

interface SnapshotShape {
  format: unknown;
  arrays: string;
  slotBits: unknown;
  entries: unknown;
  mark: unknown;
}

describe('index snapshot in Chromium', () => {
  const extension = useExtension();

  it('is saved in the bucketed layout and restored by a restarted worker', async () => {
    const harness = extension();
    const probe = await ExtensionProbe.open(harness);
    /** The stored snapshot's shape, read (and marked when `mark` is given) in the options page. */
    const snapshot = (mark?: string) =>
      probe.page.evaluate(async (newMark) => {
        const db = await new Promise<IDBDatabase>((done, fail) => {
          const open = indexedDB.open('recycled-news-library');
          open.onsuccess = () => done(open.result);
          open.onerror = () => fail(open.error);
        });
        try {
          const tx = db.transaction('meta', 'readwrite');
          const meta = tx.objectStore('meta');
          const stored = await new Promise<Record<string, unknown> | undefined>((done, fail) => {
            const get = meta.get('indexSnapshot');
            get.onsuccess = () => done(get.result as Record<string, unknown> | undefined);
            get.onerror = () => fail(get.error);
          });
          if (stored && newMark) meta.put({ ...stored, mark: newMark }, 'indexSnapshot');
          await new Promise((done, fail) => {
            tx.oncomplete = done;
            tx.onerror = () => fail(tx.error);
          });
          if (!stored) return null;
          const packed = stored.packed as Record<string, unknown>;
          return { format: packed.format, arrays: (packed.arrays as object)?.constructor?.name, slotBits: packed.slotBits, entries: stored.entries, mark: stored.mark } as SnapshotShape;
        } finally {
          db.close();
        }
      }, mark);

    // Saved about 5 s after the library opened (generous guard: 60 s).
    await expect.poll(() => snapshot(), { timeout: 60_000, interval: 500 }).not.toBeNull();
    expect(await snapshot('restored, not rebuilt')).toMatchObject({ format: 2, arrays: 'Blob', slotBits: 10, entries: 5 });

    await probe.stopWorkers();
    harness.servePage('/after-restart.html', newsPage({ site: 'Copy Desk', headline: seed002.title, paragraphs: seed002.text.split('\n\n') }));
    const page = await harness.context.newPage();
    await page.goto(harness.url('/after-restart.html'));
    const { result } = await probe.waitForPage(harness.url('/after-restart.html'), settled, 30_000);
    expect(result.status === 'done' && result.matches.map((match) => match.id)).toEqual([seed002.id]);
    // A worker that rebuilt the index would have saved a fresh snapshot by now (5 s after it opened the library).
    await new Promise((done) => setTimeout(done, 7_000));
    expect((await snapshot())?.mark).toBe('restored, not rebuilt');
  });
});

/**
 * Matching and loading pages come first (foreground.ts): background work waits for a running
 * match, and an import's writes also for a page loading in a tab until it reports or its hold
 * runs out.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ForegroundGate } from '../../../lib/library/foreground';
import { article, openService, preparedBatch } from './helpers';

/** Lets pending promise callbacks run (no timers). */
const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

/** Whether `promise` has resolved by now. */
async function resolved(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await settle();
  return done;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the foreground gate', () => {
  test('is idle and quiet at once with nothing running nor held', async () => {
    expect(await resolved(new ForegroundGate().idle())).toBe(true);
    expect(await resolved(new ForegroundGate().quiet())).toBe(true);
  });

  test('a held page does not hold up what waits for matches only', async () => {
    const gate = new ForegroundGate();
    gate.hold(7, 60_000);
    expect(await resolved(gate.idle())).toBe(true);
    expect(await resolved(gate.quiet())).toBe(false);
  });

  test('a held page keeps background work waiting until it is released', async () => {
    const gate = new ForegroundGate();
    gate.hold(7, 60_000);
    const waiting = gate.quiet();
    expect(await resolved(waiting)).toBe(false);
    gate.release(8); // another tab: changes nothing
    expect(await resolved(waiting)).toBe(false);
    gate.release(7);
    expect(await resolved(waiting)).toBe(true);
  });

  test('a hold ends by itself after its time, and holding again restarts it', async () => {
    vi.useFakeTimers();
    const gate = new ForegroundGate();
    gate.hold(1, 3_000);
    const waiting = gate.quiet();
    vi.advanceTimersByTime(2_000);
    gate.hold(1, 3_000); // the tab loads another page: three seconds from now
    vi.advanceTimersByTime(2_500);
    expect(await resolved(waiting)).toBe(false);
    vi.advanceTimersByTime(600);
    expect(await resolved(waiting)).toBe(true);
  });

  test('a key whose hold ran out is not held again until it is released once', async () => {
    vi.useFakeTimers();
    const gate = new ForegroundGate();
    gate.hold(1, 3_000);
    vi.advanceTimersByTime(3_000);
    // The tab reloads without ever reporting (a page no content script reads): no new hold.
    gate.hold(1, 3_000);
    expect(await resolved(gate.quiet())).toBe(true);
    // Once its page reports, its next page is held again.
    gate.release(1);
    gate.hold(1, 3_000);
    expect(await resolved(gate.quiet())).toBe(false);
  });

  test('waits for both a running match and every held page', async () => {
    const gate = new ForegroundGate();
    let finish!: () => void;
    const match = gate.run(() => new Promise<void>((done) => (finish = done)));
    gate.hold(1, 60_000);
    gate.hold(2, 60_000);
    const waiting = gate.quiet();
    finish();
    await match;
    gate.release(1);
    expect(await resolved(waiting)).toBe(false);
    gate.release(2);
    expect(await resolved(waiting)).toBe(true);
  });
});

describe('a page loading during an import', () => {
  test('holds the import’s next batch until the page reports, and the batch is then written', async () => {
    const { service, db } = await openService([]);
    const importId = await service.beginImport('held.ndjson');
    service.pageLoading(3);
    const batch = service.importBatch(importId, await preparedBatch([{ id: 'held-1', title: 'Held back', text: article(1) }]));
    // However long the page takes (within its hold), nothing of the batch is written meanwhile.
    await new Promise((done) => setTimeout(done, 50));
    expect(await db.count('entries')).toBe(0);
    // A match still runs at once.
    expect(await service.match({ id: 'p', text: article(2) })).toEqual([]);
    service.pageReported(3);
    await batch;
    expect(await db.get('entries', 'held-1')).toMatchObject({ title: 'Held back' });
  });
});

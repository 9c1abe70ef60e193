/**
 * Matching and loading pages come first (foreground.ts): background work waits for a running
 * match, and an import's writes also for a page loading in a tab until it reports or its hold
 * runs out.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ForegroundGate } from '../../../lib/library/foreground';
import { IMPORT_GONE } from '../../../lib/library/messages';
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
  const LIMIT = 60_000;

  test('is idle and quiet at once with nothing running nor held', async () => {
    expect(await resolved(new ForegroundGate().idle())).toBe(true);
    expect(await resolved(new ForegroundGate().quiet(LIMIT))).toBe(true);
  });

  test('a held page does not hold up what waits for matches only', async () => {
    const gate = new ForegroundGate();
    gate.hold(7, 60_000);
    expect(await resolved(gate.idle())).toBe(true);
    expect(await resolved(gate.quiet(LIMIT))).toBe(false);
  });

  test('a held page keeps an import waiting until it is released', async () => {
    const gate = new ForegroundGate();
    gate.hold(7, 60_000);
    const waiting = gate.quiet(LIMIT);
    expect(await resolved(waiting)).toBe(false);
    gate.release(8); // another tab: changes nothing
    expect(await resolved(waiting)).toBe(false);
    gate.release(7);
    expect(await resolved(waiting)).toBe(true);
  });

  test('only a report after the page began loading ends its hold, not the late one of the page before', async () => {
    const gate = new ForegroundGate();
    // Report 4 was the last when tab 1 began loading its new page.
    gate.hold(1, 60_000, 4);
    const waiting = gate.quiet(LIMIT);
    gate.release(1, 4); // the page before, whose check was still running, is done
    expect(await resolved(waiting)).toBe(false);
    gate.release(1, 5); // the new page reported
    expect(await resolved(waiting)).toBe(true);
    gate.hold(2, 60_000, 9);
    gate.release(2); // the tab closed
    expect(await resolved(gate.quiet(LIMIT))).toBe(true);
  });

  test('a hold ends by itself after its time; the tab’s next page after a report is held afresh', async () => {
    vi.useFakeTimers();
    const gate = new ForegroundGate();
    gate.hold(1, 3_000);
    const waiting = gate.quiet(LIMIT);
    vi.advanceTimersByTime(2_900);
    expect(await resolved(waiting)).toBe(false);
    vi.advanceTimersByTime(100);
    expect(await resolved(waiting)).toBe(true);
    gate.hold(1, 3_000, 0);
    vi.advanceTimersByTime(2_000);
    gate.release(1, 1);
    gate.hold(1, 3_000, 1); // the next page, after the report
    vi.advanceTimersByTime(2_500);
    expect(await resolved(gate.quiet(LIMIT))).toBe(false);
  });

  test('a tab that keeps reloading without a report holds an import for one hold’s time, then no more', async () => {
    vi.useFakeTimers();
    const gate = new ForegroundGate();
    gate.hold(1, 3_000);
    const first = gate.quiet(LIMIT);
    for (let second = 2; second <= 20; second += 2) {
      vi.advanceTimersByTime(2_000);
      gate.hold(1, 3_000); // reloaded before its hold ran out
      if (second === 2) expect(await resolved(first)).toBe(false);
    }
    expect(await resolved(first)).toBe(true);
    expect(await resolved(gate.quiet(LIMIT))).toBe(true);
    // Once it reports, its next page is held again.
    gate.release(1);
    gate.hold(1, 3_000, 1);
    expect(await resolved(gate.quiet(LIMIT))).toBe(false);
  });

  test('pages of several tabs loading one after another slow an import but never stop it: each wait ends at its limit', async () => {
    vi.useFakeTimers();
    const gate = new ForegroundGate();
    const waits: Array<Promise<void>> = [];
    // Two tabs whose pages report, always one of them loading.
    for (let second = 0; second < 20; second++) {
      const tab = second % 2;
      gate.hold(tab, 3_000, second);
      if (second % 6 === 0 && second <= 12) waits.push(gate.quiet(3_000));
      vi.advanceTimersByTime(500);
      gate.release(1 - tab, second + 1);
      vi.advanceTimersByTime(500);
    }
    expect(await resolved(gate.quiet(3_000))).toBe(false); // a page is still held
    expect(await Promise.all(waits.map(resolved))).toEqual([true, true, true]);
  });

  test('the limit does not let a write past a running match', async () => {
    vi.useFakeTimers();
    const gate = new ForegroundGate();
    let finish!: () => void;
    const match = gate.run(() => new Promise<void>((done) => (finish = done)));
    gate.hold(1, 60_000);
    const waiting = gate.quiet(3_000);
    vi.advanceTimersByTime(5_000);
    expect(await resolved(waiting)).toBe(false);
    finish();
    await match;
    expect(await resolved(waiting)).toBe(true);
  });

  test('waits for both a running match and every held page', async () => {
    const gate = new ForegroundGate();
    let finish!: () => void;
    const match = gate.run(() => new Promise<void>((done) => (finish = done)));
    gate.hold(1, 60_000);
    gate.hold(2, 60_000);
    const waiting = gate.quiet(LIMIT);
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

  test('a batch held while the library is emptied writes nothing into the empty library', async () => {
    const { service, db } = await openService([]);
    const importId = await service.beginImport('held.ndjson');
    service.pageLoading(3);
    const batch = service.importBatch(importId, await preparedBatch([{ id: 'held-2', title: 'Held back', text: article(4) }]));
    batch.catch(() => undefined);
    await new Promise((done) => setTimeout(done, 20));
    await service.clear();
    service.pageReported(3);
    await expect(batch).rejects.toThrow(IMPORT_GONE);
    expect(await db.count('entries')).toBe(0);
    expect((await service.stats()).total).toBe(0);
  });
});

/** The learned-entry cap over more learned entries than one read takes (they are read in chunks,
 *  each record with its text): the same ids go as the rule says, oldest first within each site. */
import { describe, expect, test } from 'vitest';
import { writeEntries } from '../../../lib/library/entry-writes';
import { learnedBeyondCap } from '../../../lib/library/learning';
import { prepareEntry } from '../../../lib/library/prepared';
import type { LibraryEntry } from '../../../lib/library/types';
import { article, openService } from './helpers';

const SITES = { a: 250, b: 150, c: 50 };

/** `tied`: every entry added at the same moment (ties in the index's order cross the reads' chunks). */
async function learnedLibrary(tied = false) {
  const { db } = await openService([]);
  const bySite: Record<string, string[]> = {};
  const entries: LibraryEntry[] = [];
  let n = 0;
  for (const [site, count] of Object.entries(SITES)) {
    bySite[site] = [];
    for (let k = 0; k < count; k++, n++) {
      const id = `learned-${site}-${String(k).padStart(3, '0')}`;
      bySite[site].push(id);
      // Sites interleaved in time: entry k of every site is added before entry k + 1 of any.
      const addedAt = new Date(Date.UTC(2026, 0, 1) + (tied ? 0 : (k * 3 + Object.keys(bySite).length) * 1_000)).toISOString();
      entries.push({ id, title: `Story ${n}`, source: `${site}.example`, url: `https://${site}.example/${k}`, addedAt, origin: 'learned', text: article(n, 2) });
    }
  }
  await writeEntries(db, await Promise.all(entries.map((entry) => prepareEntry(entry))));
  return { db, bySite };
}

describe('the learned-entry cap', () => {
  test('nothing goes while every site is within its share', async () => {
    const { db } = await learnedLibrary();
    expect(await learnedBeyondCap(db, 5_000)).toEqual([]);
  });

  test.each([false, true])('a site beyond its share loses its oldest, then the largest site loses its oldest until the cap holds (all added at once: %s)', async (tied) => {
    const { db, bySite } = await learnedLibrary(tied);
    // Cap 1,000: a site may hold 200; only site a is over, by 50.
    expect((await learnedBeyondCap(db, 1_000)).sort()).toEqual(bySite.a.slice(0, 50).sort());
    // Cap 300: 60 a site; a and b keep their newest 60, c (50) keeps all: 170 remain, under the cap.
    expect((await learnedBeyondCap(db, 300)).sort()).toEqual([...bySite.a.slice(0, 190), ...bySite.b.slice(0, 90)].sort());
    // Cap 100: 20 a site (60 remain), then the largest site's oldest until 100 remain: none more.
    const evicted = await learnedBeyondCap(db, 100);
    expect(evicted).toHaveLength(450 - 60);
    for (const ids of Object.values(bySite)) expect(ids.filter((id) => !evicted.includes(id))).toEqual(ids.slice(-20));
  });
});

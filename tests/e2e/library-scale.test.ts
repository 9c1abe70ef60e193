/**
 * Scale check of behaviour: with thousands of generated entries imported through the options
 * page, every list query of the Library tab gives the right first page. How fast
 * they are is measured by `npm run bench:library-scale`, not here (timings fail at random on a
 * busy machine).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './harness';
import { importGenerated, runListQueries } from './library-scale';

const ENTRIES = 5_000;

let harness: ExtensionHarness;
beforeAll(async () => {
  harness = await launchExtension();
});
afterAll(async () => {
  await harness?.close();
});

it(`answers every list query right with ${ENTRIES} entries`, async () => {
  const options = await harness.openOptions();
  expect((await importGenerated(options, ENTRIES)).added).toBe(ENTRIES);
  const pages = Object.fromEntries((await runListQueries(options)).map(({ name, page }) => [name, page]));

  const dates = pages['date desc, page 1'].items.map((item) => item.publishedAt ?? item.addedAt);
  expect(dates).toHaveLength(50);
  expect([...dates].sort().reverse()).toEqual(dates);
  // Whatever the collation, the first page by title holds only the alphabetically first place.
  const titles = pages['title asc'].items.map((item) => item.title ?? '');
  expect(titles).toHaveLength(50);
  expect(titles.every((title) => title.startsWith('Ashby Cross:'))).toBe(true);
  expect(pages['size desc, origin imported'].items.every((item) => item.origin === 'imported')).toBe(true);
  expect(pages['source'].items).toHaveLength(50);

  const rare = pages['rare word'].items;
  expect(rare).toHaveLength(1);
  expect(rare[0].id).toBe(`gen-${String(ENTRIES / 2).padStart(4, '0')}`);
  expect(pages['common word'].items).toHaveLength(50);
  expect(pages['two words'].items.length).toBeGreaterThan(0);
}, 600_000);

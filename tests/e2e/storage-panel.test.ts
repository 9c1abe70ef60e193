/**
 * The options page's storage panel in the built extension: what takes the space (measured on
 * request) and deleting old learned articles; axe and screenshots in both colour schemes.
 */
import { describe, expect, it } from 'vitest';
import { useExtension } from './harness';
import { runAxe } from './ui-axe';

declare const chrome: typeof import('wxt/browser').browser;

const DAY = 86_400_000;
const learned = (n: number, daysAgo: number) => ({
  id: `learned-${n}`,
  title: `Learned story ${n}`,
  source: 'Courier',
  origin: 'learned',
  addedAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
  text: `The harbour ferry timetable changes again this spring, story ${n}. `.repeat(12),
});

describe('storage panel', () => {
  const extension = useExtension();

  it('says what takes the space and deletes the learned articles older than the chosen age', async () => {
    const harness = extension();
    const options = await harness.openOptions();
    const restored = await options.evaluate(
      (entries) => chrome.runtime.sendMessage({ type: 'library/restore', entries }),
      [learned(1, 200), learned(2, 5)],
    );
    expect(restored).toMatchObject({ ok: true, value: { restored: 2 } });
    await options.goto(`chrome-extension://${harness.extensionId}/options.html#settings`);
    await options.getByRole('button', { name: 'Show what takes the space' }).click();
    const kinds = options.locator('.storage-kinds li');
    await expect.poll(() => kinds.count()).toBe(5);
    expect(await kinds.first().innerText()).toMatch(/^Article texts \(compressed\): .+ \(\d+ %\)$/);
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      const report = await runAxe(options);
      expect(report.severe, colorScheme).toEqual([]);
      await options.locator('.storage-kinds').scrollIntoViewIfNeeded();
      await harness.screenshot(options, `storage-panel-${colorScheme}`, { fullPage: false });
    }
    await options.emulateMedia({ colorScheme: 'light' });

    await options.locator('input[name="reclaim-days"]').fill('30');
    await options.getByRole('button', { name: 'Delete them' }).click();
    await options.getByText('Deleted 1 learned article.').waitFor();
    const left = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'library/list', query: { sort: 'added', origin: 'learned', limit: 10 } }));
    expect(left.value.items.map((item: { id: string }) => item.id)).toEqual(['learned-2']);
  });
});

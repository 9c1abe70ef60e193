/**
 * A one-line JSON array (what JSON.stringify writes) imported through the options page
 * (issue 17 point 1): every article is added, none called a duplicate.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useExtension } from './harness';
import { generatedArticles } from './options-fixtures';

describe('importing a one-line JSON array through the options page', () => {
  const extension = useExtension();

  it('adds every article of the array', async () => {
    const harness = extension();
    const options = await harness.openOptions();
    const path = join(mkdtempSync(join(tmpdir(), 'rn-import-')), 'one-line.json');
    const articles = generatedArticles(40, 'lanternfish', 7);
    const text = JSON.stringify(articles);
    expect(text).not.toContain('\n');
    writeFileSync(path, text);
    await options.locator('a[href="#import"]').click();
    await options.locator('input[type=file]').setInputFiles(path);
    await options.locator('.import-totals').waitFor({ timeout: 60_000 });
    expect(await options.locator('.import-totals').innerText()).toBe('40 added · 0 duplicates skipped · 0 files not imported');
    await harness.screenshot(options, 'options-import-one-line-json');
  });
});

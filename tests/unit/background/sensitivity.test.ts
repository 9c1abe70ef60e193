/** The user's sensitivity per kind reaches the engine: the same page is a copy or not by the setting. */
import { beforeEach, describe, expect, it } from 'vitest';
import { seedEntry } from '../../../lib/library/seed';
import { SEED_FILES } from '../../../lib/extension/seed-files';
import type { TabResult } from '../../../lib/protocol';
import { sensitivitySetting } from '../../../lib/settings';
import { pageWithRun } from '../core/copied-run';
import { fromPage, fromPopup, startTestBackground, valueOf, type TestBackground } from './setup';

const seeds = SEED_FILES.map((file) => seedEntry(file.fileName, file.content, ''));

describe('background sensitivity', () => {
  let background: TestBackground;

  beforeEach(async () => {
    background = await startTestBackground();
  });

  async function check(tabId: number, text: string): Promise<TabResult | null> {
    const url = `https://copier.test/${tabId}`;
    await background.send({ type: 'page/article', article: { url, title: 'A page', text } }, fromPage(tabId, url));
    return valueOf<TabResult | null>(await background.send({ type: 'tab/result', tabId }, fromPopup));
  }
  const kindsOf = (result: TabResult | null) => (result?.status === 'done' ? result.matches.map((match) => [match.id, match.kind]) : null);

  it('a 60-word copied run is a partial copy only when partial copies are set to high', async () => {
    const source = seeds[2];
    const page = pageWithRun(source, 60)!;
    expect(kindsOf(await check(1, page))).toEqual([]);
    await sensitivitySetting.setValue({ verbatim: 'normal', partial: 'high', spun: 'normal' });
    expect(kindsOf(await check(2, page))).toEqual([[source.id, 'partial']]);
  });

  it('a 100-word copied run is left out when partial copies are set to low', async () => {
    const source = seeds[2];
    const page = pageWithRun(source, 100)!;
    expect(kindsOf(await check(1, page))).toEqual([[source.id, 'partial']]);
    await sensitivitySetting.setValue({ verbatim: 'normal', partial: 'low', spun: 'normal' });
    expect(kindsOf(await check(2, page))).toEqual([]);
  });
});

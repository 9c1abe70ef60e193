/** The background entrypoint wires everything: seeds on install, answers messages, badges tabs. */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { SEED_FILES } from '../../../lib/extension/seed-files';
import { seedEntry } from '../../../lib/library/seed';
import type { LibraryEntry } from '../../../lib/library/types';
import { deliver, fromPage, fromPopup, valueOf } from './setup';

describe('background entrypoint', () => {
  it('seeds the library and flags a spun seed page end to end', async () => {
    fakeBrowser.reset();
    // WXT's fake browser has no ports; the import port's handling is tested in tests/unit/library/import-restart.
    vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => undefined);
    // WXT's fake browser does not implement commands: record the shortcut's listener instead.
    const onCommand = vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    background.main();
    expect(onCommand).toHaveBeenCalledOnce();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    const [seed000, seed001] = SEED_FILES.map((file) => seedEntry(file.fileName, file.content, ''));

    const stored = await deliver({ type: 'library/get', id: seed001.id }, fromPopup);
    expect(valueOf<LibraryEntry>(stored)).toMatchObject({ id: seed001.id, origin: 'seed', title: seed001.title });

    const url = 'https://farm.test/story';
    const reply = await deliver({ type: 'page/article', article: { url, title: seed000.title, text: seed000.text } }, fromPage(9, url));
    expect(valueOf(reply)).toEqual({ flagged: true });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 9 })).toBe('SPUN');
  });
});

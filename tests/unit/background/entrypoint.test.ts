/** The background entrypoint wires everything: seeds on install, answers messages, badges tabs. */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { SEED_FILES } from '../../../lib/extension/seed-files';
import { seedEntry } from '../../../lib/library/seed';
import { LibraryService } from '../../../lib/library/service';
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

  it('holds an import from a tab’s "loading" until that page’s report, numbered after it', async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    const loading = vi.spyOn(LibraryService.prototype, 'pageLoading');
    const reported = vi.spyOn(LibraryService.prototype, 'pageReported');
    background.main();
    const url = 'https://news.test/index';
    await deliver({ type: 'page/not-article', url }, fromPage(3, url)); // report 1, another tab
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading' }, { id: 5 } as never);
    await vi.waitFor(() => expect(loading).toHaveBeenCalledWith(5, 1));
    await deliver({ type: 'page/not-article', url }, fromPage(5, url));
    await vi.waitFor(() => expect(reported).toHaveBeenCalledWith(5, 2));
    // The extension's own page, whose address the browser shows, never reports: no hold.
    await fakeBrowser.tabs.onUpdated.trigger(6, { status: 'loading', url: 'chrome-extension://id/options.html' }, { id: 6 } as never);
    await vi.waitFor(() => expect(reported).toHaveBeenCalledWith(6));
    expect(loading).not.toHaveBeenCalledWith(6, expect.anything());
    await fakeBrowser.tabs.onRemoved.trigger(5, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(() => expect(reported).toHaveBeenLastCalledWith(5));
    loading.mockRestore();
    reported.mockRestore();
  });
});

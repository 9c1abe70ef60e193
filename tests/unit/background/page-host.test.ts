/** The content script's host: the first scan waits for the page's load, within a bound, and never after retirement. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { claimPage } from '../../../lib/extension/content/lifecycle';
import { createPageHost, MAX_LOAD_WAIT_MS } from '../../../lib/extension/content/page-host';

/** A window still loading: its load event fires when `load()` is called. */
function loadingWindow() {
  const listeners: Array<() => void> = [];
  const win = {
    document: { readyState: 'loading' },
    location: { href: 'https://gazette.test/orchard' },
    setTimeout: (handler: () => void, timeout?: number) => setTimeout(handler, timeout) as unknown as number,
    clearTimeout: (id: number) => clearTimeout(id),
    setInterval: () => 0,
    clearInterval: () => undefined,
    addEventListener: (type: string, listener: () => void) => type === 'load' && listeners.push(listener),
    performance,
  };
  return { win: win as unknown as Window, load: () => listeners.splice(0).forEach((listener) => listener()) };
}

describe('page host: after load', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('calls back on the load event, once, not before', async () => {
    const { win, load } = loadingWindow();
    const callback = vi.fn();
    createPageHost(win, claimPage({}, () => true)).afterLoad(callback);
    await vi.advanceTimersByTimeAsync(MAX_LOAD_WAIT_MS / 2);
    expect(callback).not.toHaveBeenCalled();
    load();
    await vi.advanceTimersByTimeAsync(MAX_LOAD_WAIT_MS * 2);
    expect(callback).toHaveBeenCalledOnce();
  });

  it('calls back anyway when the load never ends (a hanging resource)', async () => {
    const { win } = loadingWindow();
    const callback = vi.fn();
    createPageHost(win, claimPage({}, () => true)).afterLoad(callback);
    await vi.advanceTimersByTimeAsync(MAX_LOAD_WAIT_MS + 1);
    expect(callback).toHaveBeenCalledOnce();
  });

  it('never calls back once the script is retired', async () => {
    const { win, load } = loadingWindow();
    const callback = vi.fn();
    const lifecycle = claimPage({}, () => true);
    createPageHost(win, lifecycle).afterLoad(callback);
    lifecycle.retire();
    load();
    await vi.advanceTimersByTimeAsync(MAX_LOAD_WAIT_MS + 1);
    expect(callback).not.toHaveBeenCalled();
  });
});

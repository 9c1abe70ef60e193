/**
 * The content script's timers and URL-change notices, in the isolated world, silenced once the
 * script is retired. Nothing here dispatches an event or posts a message the page could see
 * (WXT's location watcher dispatches a window event named after the extension's id).
 */
import type { ContentHost } from './content-scanner';
import type { Lifecycle } from './lifecycle';

/** A page whose load has not ended after this long (a resource that hangs) is scanned anyway. */
export const MAX_LOAD_WAIT_MS = 5_000;

/** Without the Navigation API (Firefox 115), the URL is polled this often. */
export const LOCATION_POLL_MS = 1_000;

interface NavigationLike {
  addEventListener(type: 'currententrychange', listener: () => void): void;
  removeEventListener(type: 'currententrychange', listener: () => void): void;
}

/** Calls `callback` when `win`'s URL changes without a load, until `lifecycle` retires. */
function watchLocation(win: Window, lifecycle: Lifecycle, callback: () => void): void {
  let lastUrl = win.location.href;
  const check = () => {
    if (!lifecycle.alive || win.location.href === lastUrl) return;
    lastUrl = win.location.href;
    callback();
  };
  const navigation = (win as Window & { navigation?: NavigationLike }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    // Fires after pushState, replaceState, back and forward, once the URL has changed.
    navigation.addEventListener('currententrychange', check);
    lifecycle.onRetire(() => navigation.removeEventListener('currententrychange', check));
    return;
  }
  const timer = win.setInterval(check, LOCATION_POLL_MS);
  lifecycle.onRetire(() => win.clearInterval(timer));
}

/** A ContentHost on `win` whose callbacks never run once `lifecycle` is retired. */
export function createPageHost(win: Window, lifecycle: Lifecycle): ContentHost {
  const whileAlive = (handler: () => void) => () => {
    if (lifecycle.alive) handler();
  };
  return {
    setTimeout: (handler, timeout) => win.setTimeout(whileAlive(handler), timeout),
    clearTimeout: (id) => win.clearTimeout(id),
    requestIdleCallback: (callback, options) =>
      typeof win.requestIdleCallback === 'function'
        ? win.requestIdleCallback(whileAlive(callback), options)
        : win.setTimeout(whileAlive(callback), 0),
    afterLoad(callback) {
      if (win.document.readyState === 'complete') {
        win.setTimeout(whileAlive(callback), 0);
        return;
      }
      let called = false;
      const once = whileAlive(() => {
        if (called) return;
        called = true;
        win.clearTimeout(timer);
        callback();
      });
      const timer = win.setTimeout(once, MAX_LOAD_WAIT_MS);
      win.addEventListener('load', once, { once: true });
    },
    onLocationChange: (callback) => watchLocation(win, lifecycle, callback),
    now: () => win.performance.now(),
  };
}

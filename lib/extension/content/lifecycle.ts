/**
 * One live content script per page, retired by signals the page cannot see or forge.
 *
 * WXT's ContentScriptContext retires an old script through a window message and a DOM event
 * that carry the extension's id: every page can read them (and tell the extension is
 * installed) and send them (and switch the checker off). Instead:
 * - a script injected again into the same page (the "Scan this page" button injects it when it
 *   does not answer) finds its predecessor on the isolated world's global object, which page
 *   scripts cannot reach, and retires it;
 * - a script whose extension was reloaded, updated or removed notices that its runtime is gone
 *   (`runtime.id` is undefined in an orphaned content script) and retires itself.
 * Nothing is posted, dispatched or written to the page.
 */

/** Property of the isolated world's global object (a per-extension world: pages never see it). */
const LIVE_SCRIPT_KEY = '__recycledNewsLiveScript';

export interface Lifecycle {
  /** False once retired, and from the moment the extension is gone. */
  readonly alive: boolean;
  /** Calls `callback` once, when retired (at once when already retired). */
  onRetire(callback: () => void): void;
  /** Stops this script: every `onRetire` callback runs. */
  retire(): void;
}

/**
 * Claims the page for a new script: retires the script that held it, if any.
 * `global`: the isolated world's global object; `extensionAlive`: whether the runtime is still there.
 */
export function claimPage(global: object, extensionAlive: () => boolean): Lifecycle {
  const slot = global as Record<string, Lifecycle | undefined>;
  slot[LIVE_SCRIPT_KEY]?.retire();
  const callbacks: Array<() => void> = [];
  let retired = false;
  const lifecycle: Lifecycle = {
    get alive() {
      if (!retired && !extensionAlive()) lifecycle.retire();
      return !retired;
    },
    onRetire(callback) {
      if (retired) callback();
      else callbacks.push(callback);
    },
    retire() {
      if (retired) return;
      retired = true;
      if (slot[LIVE_SCRIPT_KEY] === lifecycle) delete slot[LIVE_SCRIPT_KEY];
      for (const callback of callbacks.splice(0)) callback();
    },
  };
  slot[LIVE_SCRIPT_KEY] = lifecycle;
  return lifecycle;
}

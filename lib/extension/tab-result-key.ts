/**
 * Where a tab's result lives in `storage.session`. Kept apart from the storage code (which
 * needs the browser) so the end-to-end harness, running in Node, can read results directly.
 */
export const TAB_RESULT_PREFIX = 'tab-result:';
export const TAB_LEARNED_PREFIX = 'tab-learned:';

export function tabResultKey(tabId: number): string {
  return `${TAB_RESULT_PREFIX}${tabId}`;
}

export function tabLearnedKey(tabId: number): string {
  return `${TAB_LEARNED_PREFIX}${tabId}`;
}

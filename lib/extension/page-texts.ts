/**
 * The text of each tab's checked page, kept in the service worker's memory rather than in
 * `storage.session` (whose quota, about 10 MB in all, a dozen long articles would fill). The
 * popup needs it only to show passages side by side; after a worker restart it is gone, and
 * the background asks the page to be read again (see background-handlers' 'tab/result').
 */

import type { StoredTabResult, TabResult } from '../protocol';

/** Characters kept in all (UTF-16, so about twice as many bytes): room for dozens of long articles. */
export const PAGE_TEXTS_MAX_CHARS = 40_000_000;

export class PageTexts {
  /** Insertion order is age order: the first key is the oldest text. */
  private readonly texts = new Map<number, { at: number; text: string }>();
  private chars = 0;

  constructor(private readonly maxChars: number = PAGE_TEXTS_MAX_CHARS) {}

  /** Keeps `text` as tab `tabId`'s page checked at `at` (epoch ms), dropping the oldest texts beyond the budget. */
  set(tabId: number, at: number, text: string): void {
    this.forget(tabId);
    this.texts.set(tabId, { at, text });
    this.chars += text.length;
    for (const [oldest, kept] of this.texts) {
      if (this.chars <= this.maxChars || oldest === tabId) break;
      this.texts.delete(oldest);
      this.chars -= kept.text.length;
    }
  }

  /** The text of the check made at `at`, or undefined when it is not kept (any more). */
  get(tabId: number, at: number): string | undefined {
    const kept = this.texts.get(tabId);
    return kept?.at === at ? kept.text : undefined;
  }

  /**
   * A finished check as the popup and the highlighter need it: with its page text. Null for a
   * result that is not finished, or whose text is not kept (any more).
   */
  withText(tabId: number, stored: StoredTabResult | null): Extract<TabResult, { status: 'done' }> | null {
    if (stored?.status !== 'done') return null;
    const text = this.get(tabId, stored.at);
    return text === undefined ? null : { ...stored, text };
  }

  forget(tabId: number): void {
    const kept = this.texts.get(tabId);
    if (!kept) return;
    this.texts.delete(tabId);
    this.chars -= kept.text.length;
  }
}

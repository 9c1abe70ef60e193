/**
 * The one typed way extension pages (popup, options) and the content script talk to the
 * background, so UI code never touches `browser.runtime` directly. The popup receives it as a
 * prop (its tests pass a scripted one); the options views import it (their tests mock this module).
 */
import { browser } from 'wxt/browser';
import type { ContentToBackground, PageToBackground } from '../protocol';
import { unwrapReply } from './reply';

type Protocol = PageToBackground & ContentToBackground;
export type RequestOf<K extends keyof Protocol> = Protocol[K]['request'];
export type ResponseOf<K extends keyof Protocol> = Protocol[K]['response'];

/**
 * Asks the background for `type` with `payload`; resolves with the unwrapped value, or rejects
 * with an Error carrying the background's error message.
 */
export async function sendMessage<K extends keyof Protocol>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = await browser.runtime.sendMessage({ ...payload, type });
  return unwrapReply<ResponseOf<K>>(reply);
}

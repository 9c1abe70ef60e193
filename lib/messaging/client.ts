/**
 * The one typed way extension pages (popup, options) and the content script talk to the
 * background. Tests replace the transport with `setMessageTransport` (or mock this module),
 * so UI code never touches `browser.runtime` directly.
 */
import { browser } from 'wxt/browser';
import type { ContentToBackground, PageToBackground } from '../protocol';
import { unwrapReply } from './reply';

type Protocol = PageToBackground & ContentToBackground;
export type RequestOf<K extends keyof Protocol> = Protocol[K]['request'];
export type ResponseOf<K extends keyof Protocol> = Protocol[K]['response'];

/** Sends one message and resolves with the raw answer (a `Reply`). */
export type MessageTransport = (message: { type: string } & object) => Promise<unknown>;

const runtimeTransport: MessageTransport = (message) => browser.runtime.sendMessage(message);
let transport: MessageTransport = runtimeTransport;

/** Replaces how messages are sent (tests, stories); call with no argument to restore the real one. */
export function setMessageTransport(replacement?: MessageTransport): void {
  transport = replacement ?? runtimeTransport;
}

/**
 * Asks the background for `type` with `payload`; resolves with the unwrapped value, or rejects
 * with an Error carrying the background's error message.
 */
export async function sendMessage<K extends keyof Protocol>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = await transport({ ...payload, type });
  return unwrapReply<ResponseOf<K>>(reply);
}

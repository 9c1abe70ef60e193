/**
 * The `Reply<T>` envelope every background answer travels in (lib/protocol.ts), built and
 * opened in one place so the background and the clients agree on it.
 */
import { t } from '../i18n';
import type { Reply } from '../protocol';

export function ok<T>(value: T): Reply<T> {
  return { ok: true, value };
}

export function fail(error: unknown): Reply<never> {
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}

/**
 * Opens a reply: the value, or an Error carrying the background's message. An answer that is
 * not a Reply at all (no listener, a closed channel) is an error too, never a silent undefined.
 */
export const BACKGROUND_SILENT = t('errorBackgroundSilent');

export function unwrapReply<T>(reply: unknown): T {
  if (typeof reply !== 'object' || reply === null || typeof (reply as Reply<T>).ok !== 'boolean') {
    throw new Error(BACKGROUND_SILENT);
  }
  const typed = reply as Reply<T>;
  if (!typed.ok) throw new Error(typed.error);
  return typed.value;
}

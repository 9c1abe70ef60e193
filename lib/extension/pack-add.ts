/**
 * Adding a pack from an extension page (the options page): the page reads the file or the
 * download itself (so it can show progress and cancel), writes the packs database through
 * lib/packs/store (atomic), then tells the background to rebuild its index.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { sendMessage } from '../messaging/client';
import { importPack } from '../packs/store';
import type { InstalledPack } from '../packs/store-db';
import { getPacksDb } from './pack-access';
import { download, hostPattern, streamChunks } from './pack-download';

export interface AddOptions {
  signal?: AbortSignal;
  /** Bytes read so far. */
  onProgress?(bytes: number): void;
}

/** Installs the pack in `file`. Rejects with a PackImportError naming the file when it is bad or cancelled. */
export async function addPackFile(file: File, options: AddOptions = {}): Promise<InstalledPack> {
  const installed = await importPack(await getPacksDb(), streamChunks(file.stream()), { origin: { kind: 'file', file: file.name }, ...options });
  await sendMessage('packs/changed', {});
  return installed;
}

/**
 * Asks for access to the address's host only (an optional host permission). Call it first
 * thing in a click handler: browsers grant permission requests only during a user gesture.
 */
export function askForHost(url: URL): Promise<boolean> {
  return browser.permissions.request({ origins: [hostPattern(url)] });
}

/** Downloads and installs the pack at `url` (the host permission granted). */
export async function addPackAddress(url: URL, options: AddOptions = {}): Promise<InstalledPack> {
  const fetched = await download(url, { signal: options.signal });
  // No validators were sent, so a 304 is a server's mistake.
  if (fetched.unchanged) throw new Error(t('packsErrorHttp', url.href, '304'));
  const installed = await importPack(await getPacksDb(), fetched.chunks, { origin: fetched.origin, ...options });
  await sendMessage('packs/changed', {});
  return installed;
}

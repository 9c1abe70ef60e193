/**
 * Downloads of packs from https addresses: only the ones the user asked for (adding a pack, or
 * an update check they asked for or scheduled). The host permission for the address is asked
 * for by the options page when the user adds it (optional host permissions), for that host only.
 */
import { t } from '../i18n';
import type { PackOrigin } from '../packs/store-db';

/** The https address the user typed, or an Error in plain words. */
export function packAddress(input: string): URL {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new Error(t('packsErrorAddress'));
  }
  if (url.protocol !== 'https:') throw new Error(t('packsErrorAddress'));
  return url;
}

/** The host permission pattern for an address: that host only ("https://packs.example.org/*"). */
export function hostPattern(url: URL): string {
  return `https://${url.hostname}/*`;
}

/** The size the server announces for the pack (a HEAD request), or undefined when it does not say. */
export async function announcedSize(url: URL, fetchImpl: typeof fetch = fetch): Promise<number | undefined> {
  const response = await fetchImpl(url, { method: 'HEAD', credentials: 'omit', cache: 'no-store' });
  if (!response.ok) throw new Error(t('packsErrorHttp', url.href, String(response.status)));
  const length = Number(response.headers.get('content-length'));
  return Number.isSafeInteger(length) && length > 0 ? length : undefined;
}

/**
 * `fetchImpl(url, init)`, with a failure to reach the server (offline, refused, a redirect to a
 * host the extension may not read) said in plain words with the address, instead of the
 * browser's bare "Failed to fetch". A cancel (the request's signal) is passed on as it is.
 */
async function fetchFrom(url: URL, init: RequestInit, fetchImpl: typeof fetch): Promise<Response> {
  try {
    return await fetchImpl(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new Error(t('packsErrorNetwork', url.href, error instanceof Error ? error.message : String(error)));
  }
}

export type Download =
  | { unchanged: true }
  | { unchanged: false; origin: Extract<PackOrigin, { kind: 'url' }>; size?: number; chunks: AsyncIterable<Uint8Array> };

/**
 * GETs the pack at `url`. With the validators of the copy installed (`known`), a server that
 * answers 304 costs no download (`unchanged`). No cookies are sent.
 */
export async function download(url: URL, options: { signal?: AbortSignal; known?: Extract<PackOrigin, { kind: 'url' }> } = {}, fetchImpl: typeof fetch = fetch): Promise<Download> {
  const headers: Record<string, string> = {};
  if (options.known?.etag) headers['If-None-Match'] = options.known.etag;
  if (options.known?.lastModified) headers['If-Modified-Since'] = options.known.lastModified;
  const response = await fetchFrom(url, { credentials: 'omit', cache: 'no-store', headers, signal: options.signal }, fetchImpl);
  if (response.status === 304) return { unchanged: true };
  if (!response.ok || !response.body) throw new Error(t('packsErrorHttp', url.href, String(response.status)));
  const length = Number(response.headers.get('content-length'));
  const etag = response.headers.get('etag') ?? undefined;
  const lastModified = response.headers.get('last-modified') ?? undefined;
  return {
    unchanged: false,
    origin: { kind: 'url', url: url.href, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) },
    ...(Number.isSafeInteger(length) && length > 0 ? { size: length } : {}),
    chunks: streamChunks(response.body),
  };
}

/**
 * Where a publisher serves the update (a diff made by `pack diff`) from the installed copy whose
 * checksum is `checksum` ("crc32:0123abcd") to the pack at `url`: the pack's address without
 * its query and fragment, then ".diffs/", the checksum's 8 hex digits and ".pack"
 * (https://host/path/news.pack → https://host/path/news.pack.diffs/0123abcd.pack). Plain files
 * beside the pack on the same host: any static hosting serves them, and no other host
 * permission is needed.
 */
export function diffAddress(url: URL, checksum: string): URL {
  const out = new URL(url.href);
  out.search = '';
  out.hash = '';
  out.pathname += `.diffs/${checksum.replace(/^crc32:/, '')}.pack`;
  return out;
}

/**
 * GETs the diff at `url` (diffAddress). Resolves to its bytes, or to undefined when the server
 * has none (404 or 410: the publisher made no diff from that copy); throws an Error in plain
 * words on any other failure. No cookies are sent.
 */
export async function downloadDiff(url: URL, fetchImpl: typeof fetch = fetch): Promise<AsyncGenerator<Uint8Array> | undefined> {
  const response = await fetchFrom(url, { credentials: 'omit', cache: 'no-store' }, fetchImpl);
  if (response.status === 404 || response.status === 410) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.ok || !response.body) throw new Error(t('packsErrorHttp', url.href, String(response.status)));
  return streamChunks(response.body);
}

/** A byte stream as an async iterable (Firefox's ReadableStream is not async-iterable everywhere); left before its end, the stream is cancelled (a download stops). */
export async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let ended = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        ended = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!ended) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

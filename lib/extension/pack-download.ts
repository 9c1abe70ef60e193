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

/** A download whose server sends nothing for this long (no answer, or no more bytes of the
 *  body while they are read) is given up with a plain message: a server that stalls must not
 *  leave an add or an update check (which later checks wait for) under way for ever. */
export const DOWNLOAD_STALL_MS = 60_000;

/**
 * Aborts its signal with a "stalled" Error when a wait on the server (`watch`) lasts `ms`. It
 * runs only while the download waits for the server (its answer, or the next bytes of the
 * body), never while the reader handles what came: a pack waiting for the store's lock or
 * copying installed entries between two reads is not a stalled server.
 */
class StallWatch {
  private readonly controller = new AbortController();

  constructor(
    private readonly url: URL,
    private readonly ms: number,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Runs `wait` (a wait on the server) under the watch. */
  async watch<T>(wait: () => Promise<T>): Promise<T> {
    const timer = setTimeout(() => this.controller.abort(new Error(t('packsErrorStalled', this.url.href, String(Math.round(this.ms / 1000))))), this.ms);
    try {
      return await wait();
    } finally {
      clearTimeout(timer);
    }
  }

  /** A cancel of `signal` (the user's) aborts this one too, with its own reason. */
  follow(signal: AbortSignal): void {
    if (signal.aborted) this.controller.abort(signal.reason);
    else signal.addEventListener('abort', () => this.controller.abort(signal.reason), { once: true });
  }

  /** The stall's Error (or the followed cancel's reason) if it fired, else `error` itself. */
  explain(error: unknown): unknown {
    return this.signal.aborted ? this.signal.reason : error;
  }
}

/** The size the server announces for the pack (a HEAD request), or undefined when it does not
 *  say; gives up after `stallMs` without an answer. */
export async function announcedSize(url: URL, fetchImpl: typeof fetch = fetch, stallMs = DOWNLOAD_STALL_MS): Promise<number | undefined> {
  const response = await fetchFrom(url, { method: 'HEAD', credentials: 'omit', cache: 'no-store' }, fetchImpl, new StallWatch(url, stallMs));
  if (!response.ok) throw new Error(t('packsErrorHttp', url.href, String(response.status)));
  const length = Number(response.headers.get('content-length'));
  return Number.isSafeInteger(length) && length > 0 ? length : undefined;
}

/**
 * `fetchImpl(url, init)`, with a failure to reach the server (offline, refused, a redirect to a
 * host the extension may not read) said in plain words with the address, instead of the
 * browser's bare "Failed to fetch". The request follows `stall`'s signal, which follows the
 * caller's (a cancel): a cancel rejects with its own reason, a stall with the stall's message.
 */
async function fetchFrom(url: URL, init: RequestInit, fetchImpl: typeof fetch, stall: StallWatch): Promise<Response> {
  if (init.signal) stall.follow(init.signal);
  try {
    return await stall.watch(() => fetchImpl(url, { ...init, signal: stall.signal }));
  } catch (error) {
    if (stall.signal.aborted) throw stall.explain(error);
    throw new Error(t('packsErrorNetwork', url.href, error instanceof Error ? error.message : String(error)));
  }
}

export type Download =
  | { unchanged: true }
  | { unchanged: false; origin: Extract<PackOrigin, { kind: 'url' }>; size?: number; chunks: AsyncIterable<Uint8Array> };

/**
 * GETs the pack at `url`. With the validators of the copy installed (`known`), a server that
 * answers 304 costs no download (`unchanged`). No cookies are sent. Gives up, with a plain
 * Error, after `stallMs` (DOWNLOAD_STALL_MS) without an answer or without a byte of the body.
 */
export async function download(
  url: URL,
  options: { signal?: AbortSignal; known?: Extract<PackOrigin, { kind: 'url' }>; stallMs?: number } = {},
  fetchImpl: typeof fetch = fetch,
): Promise<Download> {
  const headers: Record<string, string> = {};
  if (options.known?.etag) headers['If-None-Match'] = options.known.etag;
  if (options.known?.lastModified) headers['If-Modified-Since'] = options.known.lastModified;
  const stall = new StallWatch(url, options.stallMs ?? DOWNLOAD_STALL_MS);
  const response = await fetchFrom(url, { credentials: 'omit', cache: 'no-store', headers, signal: options.signal }, fetchImpl, stall);
  if (response.status === 304) return { unchanged: true };
  if (!response.ok || !response.body) throw new Error(t('packsErrorHttp', url.href, String(response.status)));
  const length = Number(response.headers.get('content-length'));
  const etag = response.headers.get('etag') ?? undefined;
  const lastModified = response.headers.get('last-modified') ?? undefined;
  return {
    unchanged: false,
    origin: { kind: 'url', url: url.href, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) },
    ...(Number.isSafeInteger(length) && length > 0 ? { size: length } : {}),
    chunks: streamChunks(response.body, stall),
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
export async function downloadDiff(url: URL, fetchImpl: typeof fetch = fetch, stallMs = DOWNLOAD_STALL_MS): Promise<AsyncGenerator<Uint8Array> | undefined> {
  const stall = new StallWatch(url, stallMs);
  const response = await fetchFrom(url, { credentials: 'omit', cache: 'no-store' }, fetchImpl, stall);
  if (response.status === 404 || response.status === 410) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.ok || !response.body) throw new Error(t('packsErrorHttp', url.href, String(response.status)));
  return streamChunks(response.body, stall);
}

/**
 * A byte stream as an async iterable (Firefox's ReadableStream is not async-iterable everywhere);
 * left before its end, the stream is cancelled (a download stops). With `stall` (a download's),
 * each read is watched, and a read it cut short throws its plain message.
 */
export async function* streamChunks(stream: ReadableStream<Uint8Array>, stall?: StallWatch): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let ended = false;
  // A stall aborts the request, which errors the body; a body that ignores the abort (a test's
  // stream, a browser that does not pass it on) is cancelled here too.
  const cancelOnStall = () => void reader.cancel(stall?.signal.reason).catch(() => undefined);
  stall?.signal.addEventListener('abort', cancelOnStall);
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = stall ? await stall.watch(() => reader.read()) : await reader.read();
      } catch (error) {
        throw stall ? stall.explain(error) : error;
      }
      if (stall?.signal.aborted) throw stall.signal.reason;
      if (chunk.done) {
        ended = true;
        return;
      }
      yield chunk.value;
    }
  } finally {
    stall?.signal.removeEventListener('abort', cancelOnStall);
    if (!ended) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

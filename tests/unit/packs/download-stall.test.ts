/**
 * A pack server that stalls (no answer, or a body that stops coming) is given up after the stall
 * time with a plain message; a slow but steady download is not; the user's own cancel stays a
 * cancel (lib/extension/pack-download.ts).
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { download, downloadDiff } from '../../../lib/extension/pack-download';

const URL_OF_PACK = new URL('https://packs.example.org/news.pack');
const STALL_MS = 80;

/** A fetch that answers only when `answer` says so, and rejects as a browser does when its request is aborted. */
function fakeFetch(answer: (signal: AbortSignal) => Promise<Response>): typeof fetch {
  return ((_input: RequestInfo | URL, init?: RequestInit) => {
    const signal = init!.signal!;
    return new Promise<Response>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      answer(signal).then(resolve, reject);
    });
  }) as typeof fetch;
}

const never = () => new Promise<Response>(() => {});
const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A body sending `chunks` chunks `everyMs` apart, then ending (or, with `stallAfter`, going silent after that many). */
function body(chunks: number, everyMs: number, stallAfter?: number): { stream: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let sent = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (stallAfter !== undefined && sent >= stallAfter) return new Promise<void>(() => {});
      await wait(everyMs);
      if (sent === chunks) return controller.close();
      sent++;
      controller.enqueue(new Uint8Array([sent]));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, cancelled: () => cancelled };
}

async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<number> {
  let count = 0;
  for await (const _chunk of chunks) count++;
  return count;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('a pack download from a server that stalls', () => {
  test('no answer at all: given up after the stall time, in plain words naming the address', async () => {
    const started = Date.now();
    await expect(download(URL_OF_PACK, { stallMs: STALL_MS }, fakeFetch(never))).rejects.toThrow(
      `The server at ${URL_OF_PACK.href} did not answer or stopped sending: nothing came for 0 seconds. Try again later.`,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(STALL_MS - 5);
  });

  test('a body that stops coming: the read is given up and the download cancelled', async () => {
    const { stream, cancelled } = body(10, 5, 2);
    const fetched = await download(URL_OF_PACK, { stallMs: STALL_MS }, fakeFetch(async () => new Response(stream)));
    if (fetched.unchanged) throw new Error('expected a download');
    await expect(readAll(fetched.chunks)).rejects.toThrow(/stopped sending/);
    expect(cancelled()).toBe(true);
  });

  test('a slow but steady body is read to its end, longer in all than the stall time', async () => {
    const { stream } = body(6, STALL_MS / 2);
    const fetched = await download(URL_OF_PACK, { stallMs: STALL_MS }, fakeFetch(async () => new Response(stream)));
    if (fetched.unchanged) throw new Error('expected a download');
    const started = Date.now();
    expect(await readAll(fetched.chunks)).toBe(6);
    expect(Date.now() - started).toBeGreaterThan(STALL_MS * 2);
  });

  test('time the reader spends on what came (waiting for the store, copying entries) is not a stall', async () => {
    const { stream } = body(3, 1);
    const fetched = await download(URL_OF_PACK, { stallMs: 30 }, fakeFetch(async () => new Response(stream)));
    if (fetched.unchanged) throw new Error('expected a download');
    await wait(100); // the chunks wait for a reader longer than the stall time
    let count = 0;
    for await (const _chunk of fetched.chunks) {
      count++;
      await wait(100); // and each one takes the reader longer than that
    }
    expect(count).toBe(3);
  });

  test('leaves no timer behind, whatever the answer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const refused = fakeFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(download(URL_OF_PACK, { stallMs: 60_000 }, refused)).rejects.toThrow(/could not be reached/);
    await expect(downloadDiff(URL_OF_PACK, refused, 60_000)).rejects.toThrow(/could not be reached/);
    expect(await download(URL_OF_PACK, { stallMs: 60_000 }, fakeFetch(async () => new Response(null, { status: 304 })))).toEqual({ unchanged: true });
    expect(await downloadDiff(URL_OF_PACK, fakeFetch(async () => new Response('gone', { status: 404 })), 60_000)).toBeUndefined();
    const fetched = await download(URL_OF_PACK, { stallMs: 60_000 }, fakeFetch(async () => new Response(new Uint8Array([1, 2, 3]))));
    if (fetched.unchanged) throw new Error('expected a download');
    await fetched.chunks[Symbol.asyncIterator]().return!(undefined); // left before its first chunk
    expect(vi.getTimerCount()).toBe(0);
  });

  test('the user’s cancel is still a cancel, not a stall', async () => {
    const cancel = new AbortController();
    const pending = download(URL_OF_PACK, { stallMs: 10_000, signal: cancel.signal }, fakeFetch(never));
    cancel.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('an update’s diff that stalls is given up the same way', async () => {
    const diffUrl = new URL('https://packs.example.org/news.pack.diffs/0123abcd.pack');
    await expect(downloadDiff(diffUrl, fakeFetch(never), STALL_MS)).rejects.toThrow(`The server at ${diffUrl.href} did not answer or stopped sending`);
    const { stream } = body(10, 5, 1);
    const chunks = await downloadDiff(diffUrl, fakeFetch(async () => new Response(stream)), STALL_MS);
    await expect(readAll(chunks!)).rejects.toThrow(/stopped sending/);
  });
});

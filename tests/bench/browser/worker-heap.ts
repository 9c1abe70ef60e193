/**
 * The service worker's JavaScript heap, read through the DevTools protocol on the worker's own
 * target (Runtime.getHeapUsage, before and after HeapProfiler.collectGarbage). Playwright opens
 * protocol sessions on pages only, so a page's session attaches to the worker target in the
 * protocol's non-flat mode and talks to it through Target.sendMessageToTarget.
 */
import type { CDPSession } from 'playwright-core';
import type { ExtensionHarness } from '../../e2e/harness';

export interface WorkerHeap {
  /** Bytes of live JavaScript objects, as read. */
  usedBytes: number;
  /** The same after a full garbage collection. */
  usedAfterGcBytes: number;
  /** ArrayBuffer backing stores (typed arrays) after the collection, when the browser reports them (outside usedSize). */
  backingStorageBytes?: number;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** Sends protocol commands to the target attached as `sessionId` through `session`. */
function targetSender(session: CDPSession, sessionId: string) {
  let lastId = 0;
  const waiting = new Map<number, (reply: { result?: unknown; error?: { message: string } }) => void>();
  session.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
  });
  return async <T>(method: string): Promise<T> => {
    const id = ++lastId;
    const reply = new Promise<{ result?: unknown; error?: { message: string } }>((done) => waiting.set(id, done));
    await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
    const { result, error } = await reply;
    if (error) throw new Error(`${method} on the service worker: ${error.message}`);
    return result as T;
  };
}

/** The extension's service worker's heap (it must be running: check a page just before). */
export async function workerHeap(harness: ExtensionHarness): Promise<WorkerHeap> {
  const page = await harness.context.newPage();
  const session = await harness.context.newCDPSession(page);
  try {
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${harness.extensionId}/`));
    if (!worker) throw new Error('The extension has no running service worker to measure.');
    const { sessionId } = await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    const send = targetSender(session, sessionId);
    const before = await send<{ usedSize: number }>('Runtime.getHeapUsage');
    await send('HeapProfiler.collectGarbage');
    const after = await send<{ usedSize: number; backingStorageSize?: number }>('Runtime.getHeapUsage');
    await session.send('Target.detachFromTarget', { sessionId });
    return { usedBytes: before.usedSize, usedAfterGcBytes: after.usedSize, ...(after.backingStorageSize !== undefined ? { backingStorageBytes: after.backingStorageSize } : {}) };
  } finally {
    await session.detach();
    await page.close();
  }
}

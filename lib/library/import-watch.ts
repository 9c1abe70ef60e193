/**
 * Ties each import to the options page running it: the page holds a port named IMPORT_PORT
 * open while it imports and posts the id of each import it begins. When the page goes away
 * (closed, reloaded, navigated) the port disconnects and its unfinished imports are aborted
 * at once, so what they wrote does not wait for the next worker start to be deleted.
 */

export const IMPORT_PORT = 'library-import';

/** The part of runtime.Port this needs. */
export interface ImportPort {
  name: string;
  sender?: { id?: string; url?: string };
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/**
 * Handles one connecting port: ignored unless it is IMPORT_PORT from one of the extension's
 * own pages (`origin`: runtime.getURL('/')). `abort` must be harmless for an import already
 * committed or aborted.
 */
export function watchImportPort(port: ImportPort, self: { id: string; origin: string }, abort: (importId: string) => Promise<void>): void {
  if (port.name !== IMPORT_PORT || port.sender?.id !== self.id || !port.sender.url?.startsWith(self.origin)) return;
  const open = new Set<string>();
  port.onMessage.addListener((message) => {
    const importId = (message as { importId?: unknown } | null)?.importId;
    if (typeof importId === 'string' && importId.length <= 100) open.add(importId);
  });
  port.onDisconnect.addListener(() => {
    for (const importId of open) abort(importId).catch((error: unknown) => console.warn('Recycled News: could not drop an import', error));
  });
}

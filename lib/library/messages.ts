/**
 * Library operations the options page (and popup) ask the background for. Part of the
 * protocol in lib/protocol.ts; only extension pages may send them, never content scripts.
 */
import type { LibraryEntry } from './types';

// Owned by the library/options work: add each operation here, e.g.
//   'library/list': { request: {...}; response: {...} };
export interface LibraryMessages {
  'library/get': { request: { id: string }; response: LibraryEntry | null };
}

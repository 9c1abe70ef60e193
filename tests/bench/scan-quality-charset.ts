/** Bytes for pages whose <meta charset> lies: windows-1252 bytes for a page that declares UTF-8. */
import { decodeWindows1252 } from '../../lib/cli/decode';

/** Character → windows-1252 byte, built from the project's own decoding table (one source of truth). */
const WINDOWS_1252_BYTES: Map<string, number> = (() => {
  const all = Uint8Array.from({ length: 256 }, (_, byte) => byte);
  const chars = decodeWindows1252(all);
  return new Map(Array.from(chars, (char, byte) => [char, byte] as const));
})();

/** Whether every character of `text` exists in windows-1252 (so the page can be written in it unchanged). */
export function fitsWindows1252(text: string): boolean {
  for (const char of text) if (!WINDOWS_1252_BYTES.has(char)) return false;
  return true;
}

/** `text` as windows-1252 bytes; call only when fitsWindows1252(text). */
export function encodeWindows1252(text: string): Uint8Array {
  return Uint8Array.from(Array.from(text, (char) => WINDOWS_1252_BYTES.get(char) ?? 0x3f));
}

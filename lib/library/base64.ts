/**
 * Bytes as base64 (RFC 4648, standard alphabet, padded) for extension messaging, which in
 * Chromium is JSON and carries no binary. Browsers with Uint8Array's own base64 methods
 * (Chromium 140, Firefox 133) do it natively, in about a microsecond for a deflated article;
 * elsewhere (older browsers, Node 20) through a binary string and btoa/atob, about 40 µs.
 */

interface NativeBase64 {
  toBase64?: (this: Uint8Array) => string;
}
interface NativeBase64Constructor {
  fromBase64?: (base64: string) => Uint8Array;
}

const nativeToBase64 = (Uint8Array.prototype as NativeBase64).toBase64;
const nativeFromBase64 = (Uint8Array as NativeBase64Constructor).fromBase64;

/** `bytes` in base64. */
export function bytesToBase64(bytes: Uint8Array): string {
  if (nativeToBase64) return nativeToBase64.call(bytes);
  let binary = '';
  // String.fromCharCode takes its arguments on the stack: a chunk at a time.
  for (let at = 0; at < bytes.length; at += 0x2000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x2000));
  return btoa(binary);
}

/** The bytes of a base64 string (ASCII whitespace and missing padding allowed, as atob
 *  allows them). Throws (a SyntaxError, or a DOMException from atob) on any other character. */
export function base64ToBytes(base64: string): Uint8Array {
  if (nativeFromBase64) return nativeFromBase64(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

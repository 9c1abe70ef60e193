import { afterEach, describe, expect, test, vi } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../../lib/library/base64';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('base64 for messaging', () => {
  test('encodes the RFC 4648 test vectors, padded', () => {
    const vectors: Array<[string, string]> = [['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy']];
    for (const [plain, encoded] of vectors) {
      expect(bytesToBase64(bytes(plain))).toBe(encoded);
      expect(base64ToBytes(encoded)).toEqual(bytes(plain));
    }
  });

  test('every byte value, and more bytes than one String.fromCharCode chunk, round-trip', () => {
    const all = Uint8Array.from({ length: 0x2000 * 3 + 7 }, (_, i) => (i * 131 + (i >> 8)) & 0xff);
    expect(base64ToBytes(bytesToBase64(all))).toEqual(all);
    expect(bytesToBase64(all)).toBe(Buffer.from(all).toString('base64'));
  });

  test('a string that is not base64 throws', () => {
    expect(() => base64ToBytes('not base64!')).toThrow();
  });
});

describe('the browser’s own base64, where it has one', () => {
  afterEach(() => {
    vi.resetModules();
    delete (Uint8Array.prototype as { toBase64?: unknown }).toBase64;
    delete (Uint8Array as { fromBase64?: unknown }).fromBase64;
  });

  test('is used instead of btoa and atob (Node 20 has neither method: the fallback is what the tests above check)', async () => {
    const toBase64 = vi.fn(function (this: Uint8Array) {
      return Buffer.from(this).toString('base64');
    });
    const fromBase64 = vi.fn((text: string) => new Uint8Array(Buffer.from(text, 'base64')));
    Object.assign(Uint8Array.prototype, { toBase64 });
    Object.assign(Uint8Array, { fromBase64 });
    vi.resetModules();
    const native = await import('../../../lib/library/base64');
    expect(native.bytesToBase64(bytes('foobar'))).toBe('Zm9vYmFy');
    expect(native.base64ToBytes('Zm9vYmFy')).toEqual(new Uint8Array(bytes('foobar')));
    expect(toBase64).toHaveBeenCalledTimes(1);
    expect(fromBase64).toHaveBeenCalledTimes(1);
  });
});

import { afterEach, describe, expect, test, vi } from 'vitest';

type Base64Module = typeof import('../../../lib/library/base64');
interface Natives {
  toBase64?: unknown;
  fromBase64?: unknown;
}

const prototype = Uint8Array.prototype as Natives;
const constructor = Uint8Array as Natives;
const original = { toBase64: prototype.toBase64, fromBase64: constructor.fromBase64 };

/** Loads base64.ts afresh with the given methods in place of the runtime's own (undefined: none). */
async function loadWith(natives: Natives): Promise<Base64Module> {
  const set = (target: Natives, key: keyof Natives, value: unknown) => {
    if (value === undefined) delete target[key];
    else target[key] = value;
  };
  set(prototype, 'toBase64', natives.toBase64);
  set(constructor, 'fromBase64', natives.fromBase64);
  vi.resetModules();
  return import('../../../lib/library/base64');
}

const bytes = (text: string) => new TextEncoder().encode(text);

afterEach(async () => {
  await loadWith(original);
});

describe('base64 for messaging, through btoa and atob (browsers without their own base64)', () => {
  test('encodes the RFC 4648 test vectors, padded', async () => {
    const { base64ToBytes, bytesToBase64 } = await loadWith({});
    const vectors: Array<[string, string]> = [['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy']];
    for (const [plain, encoded] of vectors) {
      expect(bytesToBase64(bytes(plain))).toBe(encoded);
      expect(base64ToBytes(encoded)).toEqual(bytes(plain));
    }
  });

  test('every byte value, and more bytes than one String.fromCharCode chunk, round-trip', async () => {
    const { base64ToBytes, bytesToBase64 } = await loadWith({});
    const all = Uint8Array.from({ length: 0x2000 * 3 + 7 }, (_, i) => (i * 131 + (i >> 8)) & 0xff);
    expect(base64ToBytes(bytesToBase64(all))).toEqual(all);
    expect(bytesToBase64(all)).toBe(Buffer.from(all).toString('base64'));
  });

  test('a string that is not base64 throws', async () => {
    const { base64ToBytes } = await loadWith({});
    expect(() => base64ToBytes('not base64!')).toThrow();
  });
});

describe('the browser’s own base64, where it has one', () => {
  test('is used instead of btoa and atob', async () => {
    const toBase64 = vi.fn(function (this: Uint8Array) {
      return Buffer.from(this).toString('base64');
    });
    const fromBase64 = vi.fn((text: string) => new Uint8Array(Buffer.from(text, 'base64')));
    const native = await loadWith({ toBase64, fromBase64 });
    expect(native.bytesToBase64(bytes('foobar'))).toBe('Zm9vYmFy');
    expect(native.base64ToBytes('Zm9vYmFy')).toEqual(new Uint8Array(bytes('foobar')));
    expect(toBase64).toHaveBeenCalledTimes(1);
    expect(fromBase64).toHaveBeenCalledTimes(1);
  });
});

/**
 * Byte-level building blocks of the pack format: LEB128 varints (unsigned, at most 2^53),
 * length-prefixed UTF-8 strings and CRC-32 (IEEE 802.3, as in zlib and PNG). The reader
 * checks every length against what is left, so truncated or hostile input ends in a
 * PackFormatError naming the problem, never in a crash or a huge allocation.
 */

/** A pack (or pack update) that cannot be used. The message says what is wrong, in plain words. */
export class PackFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackFormatError';
  }
}

/**
 * An update that is itself readable but does not fit the pack it is applied to (made from
 * another version, removing an id the pack lacks, giving another pack than it promised): the
 * command line names both files for it.
 */
export class PackMisfitError extends PackFormatError {}

/** Growable output buffer. */
export class ByteWriter {
  private buffer = new Uint8Array(1024);
  private length = 0;

  get size(): number {
    return this.length;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  /** Unsigned LEB128: 7 bits per byte, low bits first. */
  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`varint out of range: ${value}`);
    this.reserve(8);
    while (value >= 0x80) {
      this.buffer[this.length++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    this.buffer[this.length++] = value;
  }

  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  /** Varint byte length, then the UTF-8 bytes; the empty string stands for "absent". */
  string(value: string | undefined): void {
    const data = ENCODER.encode(value ?? '');
    this.varint(data.length);
    this.bytes(data);
  }

  /** The bytes written so far (a copy: the writer can go on). */
  toBytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  reset(): void {
    this.length = 0;
  }
}

const ENCODER = new TextEncoder();
const DECODER = new TextDecoder('utf-8', { fatal: true });

/** Reads what ByteWriter wrote; `what` names the structure in error messages. */
export class ByteReader {
  offset = 0;

  constructor(private readonly data: Uint8Array, private readonly what: string) {}

  get remaining(): number {
    return this.data.length - this.offset;
  }

  private truncated(): PackFormatError {
    return new PackFormatError(`${this.what} is truncated (it ends in the middle of a value)`);
  }

  byte(): number {
    if (this.offset >= this.data.length) throw this.truncated();
    return this.data[this.offset++];
  }

  varint(max: number, field: string): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const byte = this.byte();
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) {
        if (value > max) throw new PackFormatError(`${this.what}: ${field} is ${value}, more than the limit of ${max}`);
        return value;
      }
      scale *= 0x80;
    }
    throw new PackFormatError(`${this.what}: ${field} is not a valid number`);
  }

  bytes(length: number): Uint8Array {
    if (length > this.remaining) throw this.truncated();
    const out = this.data.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  /** A string of at most `maxChars` UTF-16 code units (UTF-8 takes at most 3 bytes for each). */
  string(maxChars: number, field: string): string | undefined {
    const length = this.varint(maxChars * 3, `the length of ${field}`);
    if (length === 0) return undefined;
    let text: string;
    try {
      text = DECODER.decode(this.bytes(length));
    } catch (error) {
      if (error instanceof PackFormatError) throw error;
      throw new PackFormatError(`${this.what}: ${field} is not valid UTF-8`);
    }
    if (text.length > maxChars) throw new PackFormatError(`${this.what}: ${field} is too long (${text.length} characters, at most ${maxChars})`);
    return text;
  }
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Running CRC-32: start with `crc32(data)`, continue with `crc32(more, previous)`. Unsigned. */
export function crc32(data: Uint8Array, previous = 0): number {
  let crc = ~previous >>> 0;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

/**
 * Bytes to text for scan inputs. Pages may declare a charset that does not match their bytes
 * (real 2008 crawls do), so the bytes decide first: valid UTF-8 is read as UTF-8 whatever the
 * page says; only bytes that are not UTF-8 use the declared charset, else windows-1252 (what
 * browsers assume for legacy Western pages, and a superset of Latin-1 that never fails).
 */

/** Browsers look for `<meta charset>` in the first 1024 bytes; real pages put it later, so look further. */
const CHARSET_SNIFF_BYTES = 4096;

/**
 * windows-1252's bytes 0x80-0x9F (curly quotes, dashes, the euro sign...). Node 20's
 * TextDecoder('windows-1252') decodes them as C1 control characters, i.e. as ISO-8859-1, so
 * the table is applied by hand. Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as they are, as in browsers.
 */
const WINDOWS_1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';

/** Decodes windows-1252 (what browsers use for latin1, iso-8859-1 and us-ascii labels too). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const chars = new Array<string>(bytes.length);
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index];
    chars[index] = byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  }
  return chars.join('');
}

/** The charset a page declares in `<meta charset>` or `<meta http-equiv="Content-Type">`, lower-case. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = decodeWindows1252(bytes.subarray(0, CHARSET_SNIFF_BYTES));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)/i.exec(head);
  return match?.[1]?.toLowerCase();
}

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label);
  } catch {
    return undefined; // An unknown label, as written by some CMS: fall back.
  }
}

function decodeUtf16(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return undefined;
}

const UTF8 = new TextDecoder('utf-8');

/** Length of the valid UTF-8 sequence (2 to 4 bytes) starting at `at`, or 0 (no overlongs, no surrogates, at most U+10FFFF). */
function utf8SequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at];
  const [length, low, high] =
    lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf]
    : lead === 0xe0 ? [3, 0xa0, 0xbf]
    : lead === 0xed ? [3, 0x80, 0x9f]
    : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf]
    : lead === 0xf0 ? [4, 0x90, 0xbf]
    : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf]
    : lead === 0xf4 ? [4, 0x80, 0x8f]
    : [0, 0, 0];
  if (length === 0 || at + length > bytes.length) return 0;
  if (bytes[at + 1] < low || bytes[at + 1] > high) return 0;
  for (let k = 2; k < length; k++) if (bytes[at + k] < 0x80 || bytes[at + k] > 0xbf) return 0;
  return length;
}

/**
 * UTF-8 where the bytes form valid UTF-8 sequences and windows-1252 for every byte that does
 * not, or undefined when such bytes outnumber the multi-byte sequences (then the page is
 * windows-1252, and the rare "sequence" is two accented characters side by side). Crawled pages
 * mix the two: a UTF-8 article in a template whose footer or ad was pasted in windows-1252.
 * Decoding the whole page as windows-1252 would turn every curly quote of the article into "â€™".
 */
export function decodeMixedUtf8(bytes: Uint8Array): string | undefined {
  const chars: string[] = [];
  let sequences = 0;
  let strays = 0;
  for (let at = 0; at < bytes.length; ) {
    const byte = bytes[at];
    if (byte < 0x80) {
      chars.push(String.fromCharCode(byte));
      at++;
      continue;
    }
    const length = utf8SequenceLength(bytes, at);
    if (length > 0) {
      chars.push(UTF8.decode(bytes.subarray(at, at + length)));
      sequences++;
      at += length;
    } else {
      chars.push(decodeWindows1252(bytes.subarray(at, at + 1)));
      strays++;
      at++;
    }
  }
  return sequences > strays ? chars.join('') : undefined;
}

/**
 * Decodes page or text bytes: a UTF-16 byte-order mark wins, then strict UTF-8, then the
 * declared charset (when `html` and it is not UTF-8, which the bytes just disproved, nor
 * windows-1252), then UTF-8 mixed with stray windows-1252 bytes, then windows-1252.
 */
export function decodeBytes(bytes: Uint8Array, { html }: { html: boolean }): string {
  const utf16 = decodeUtf16(bytes);
  if (utf16 !== undefined) return utf16;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: fall through to the page's own declaration.
  }
  const declared = html ? decoderFor(declaredCharset(bytes)) : undefined;
  const usable = declared && declared.encoding !== 'utf-8' && declared.encoding !== 'windows-1252';
  if (usable) return declared.decode(bytes);
  return decodeMixedUtf8(bytes) ?? decodeWindows1252(bytes);
}

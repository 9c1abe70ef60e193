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

/**
 * Decodes page or text bytes: a UTF-16 byte-order mark wins, then strict UTF-8, then the
 * declared charset (when `html` and it is not UTF-8, which the bytes just disproved), then
 * windows-1252.
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
  return usable ? declared.decode(bytes) : decodeWindows1252(bytes);
}

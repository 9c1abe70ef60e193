/**
 * How the `texts` store keeps an article's text: deflated (RFC 1951, by fflate) once it is long
 * enough for that to pay, plain below. News prose deflates to about half its UTF-8 size;
 * inflating one article for the popup takes well under a millisecond.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { bytesToBase64 } from './base64';

/** A `texts` record. Exactly one of `text` and `deflated` is present; records written before
 *  version 3 of the database (and short texts) hold `text`. */
export interface StoredText {
  id: string;
  text?: string;
  /** The text's UTF-8 bytes, deflated. */
  deflated?: Uint8Array;
}

/** Below this many characters deflate's header and untrained dictionary save too little. */
export const DEFLATE_FROM_CHARS = 200;
/** The fastest level: on 129 real news articles (newspaper3k's tests, 4 KB on average) it
 *  deflates them to 0.49 of their UTF-8 size, level 6 to 0.475, for more time. */
const LEVEL = 1;

export function packText(id: string, text: string): StoredText {
  if (text.length < DEFLATE_FROM_CHARS) return { id, text };
  return { id, deflated: deflateSync(strToU8(text), { level: LEVEL }) };
}

/** The text of a `texts` record of any version. Throws on a record of neither shape. */
export function unpackText(stored: StoredText): string {
  if (typeof stored.text === 'string') return stored.text;
  if (stored.deflated instanceof Uint8Array) return strFromU8(inflateSync(stored.deflated));
  throw new Error(`The stored text of ${stored.id} is unreadable`);
}

/** Bytes the record's text takes as stored (UTF-16 code units count 2 for plain strings,
 *  as the structured clone of a non-Latin-1 string does; an estimate for Latin-1 ones). */
export function storedTextBytes(stored: StoredText): number {
  return stored.deflated ? stored.deflated.byteLength : (stored.text?.length ?? 0) * 2;
}

/**
 * A text's packed form as it crosses extension messaging (JSON: no binary): the deflated bytes
 * of packText in base64, or undefined for a text short enough to be stored plain. The options
 * page computes it for each article it imports, so the service worker does not deflate.
 */
export function packForMessage(text: string): string | undefined {
  const { deflated } = packText('', text);
  return deflated && bytesToBase64(deflated);
}


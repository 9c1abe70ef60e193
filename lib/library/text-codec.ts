/**
 * How the library keeps an article's text (an entry's `body`, db.ts): deflated (RFC 1951, by
 * fflate) once it is long enough for that to pay, plain below. News prose deflates to about half its UTF-8 size;
 * inflating one article for the popup takes well under a millisecond.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { bytesToBase64 } from './base64';

/** A packed text. Exactly one of `text` and `deflated` is present; short texts (and those
 *  stored before version 3 of the database) hold `text`. */
export interface PackedText {
  text?: string;
  /** The text's UTF-8 bytes, deflated. */
  deflated?: Uint8Array;
}

/** A record of the `texts` store of database versions 1-4 (read by the upgrade to version 5). */
export interface StoredText extends PackedText {
  id: string;
}

/** Below this many characters deflate's header and untrained dictionary save too little. */
export const DEFLATE_FROM_CHARS = 200;
/** The fastest level: on 129 real news articles (newspaper3k's tests, 4 KB on average) it
 *  deflates them to 0.49 of their UTF-8 size, level 6 to 0.475, for more time. */
const LEVEL = 1;

export function packText(text: string): PackedText {
  if (text.length < DEFLATE_FROM_CHARS) return { text };
  return { deflated: deflateSync(strToU8(text), { level: LEVEL }) };
}

/** The text of a packed text of any version. Throws on a value of neither shape. */
export function unpackText(packed: PackedText): string {
  if (typeof packed.text === 'string') return packed.text;
  if (packed.deflated instanceof Uint8Array) return strFromU8(inflateSync(packed.deflated));
  throw new Error('A stored text is unreadable');
}

/** The text of a packed text, or undefined when it cannot be read (a damaged record: the
 *  callers that go through every entry skip it rather than stop). */
export function readableText(packed: PackedText | undefined): string | undefined {
  if (packed === undefined) return undefined;
  try {
    return unpackText(packed);
  } catch {
    return undefined;
  }
}

/**
 * A text's packed form as it crosses extension messaging (JSON: no binary): the deflated bytes
 * of packText in base64, or undefined for a text short enough to be stored plain. The options
 * page computes it for each article it imports, so the service worker does not deflate.
 */
export function packForMessage(text: string): string | undefined {
  const { deflated } = packText(text);
  return deflated && bytesToBase64(deflated);
}


/**
 * English function words: the tokens synonym spinners leave alone (they have no synonyms
 * worth swapping), so n-grams over them survive spinning (Stamatatos 2011; DSpin's
 * "immutables"). Deliberately strict: adverbs and connectives that spinners do swap
 * ("also" → "additionally", "while" → "whereas", "nearly" → "almost") are left out.
 */
import { hashString } from './hash';

const FUNCTION_WORDS = `
a an the this that these those
i me my we us our you your he him his she her it its they them their
who whom whose which what where when why how
am is are was were be been being have has had having do does did
will would shall should can could may might must
of in on at by for with to from into onto upon about over under between through during
before after above below up down out off
and or nor so if then than as not no
there here all any both each few more most other some such only own same too
s t don't it's i'm he's she's that's there's won't can't didn't doesn't isn't wasn't aren't
`;

/**
 * Open-addressing set of the function words' hashes. A plain Set would box most 32-bit
 * hashes (they exceed V8's small-integer range) on every lookup, once per token.
 */
const TABLE_BITS = 10;
const table = new Int32Array(1 << TABLE_BITS);
const used = new Uint8Array(1 << TABLE_BITS);
for (const word of FUNCTION_WORDS.split(/\s+/)) {
  if (word.length === 0) continue;
  const id = hashString(word);
  let slot = id >>> (32 - TABLE_BITS);
  while (used[slot] && table[slot] !== id) slot = (slot + 1) & ((1 << TABLE_BITS) - 1);
  table[slot] = id;
  used[slot] = 1;
}

/** Is the token with this id (tokenize's hash of the normalized word) a function word? */
export function isFunctionWord(id: number): boolean {
  let slot = id >>> (32 - TABLE_BITS);
  while (used[slot]) {
    if (table[slot] === id) return true;
    slot = (slot + 1) & ((1 << TABLE_BITS) - 1);
  }
  return false;
}

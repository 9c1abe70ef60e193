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

/** Hashes of the function words, as the tokenizer computes them. */
export const STOPWORD_HASHES: ReadonlySet<number> = new Set(
  FUNCTION_WORDS.split(/\s+/)
    .filter((word) => word.length > 0)
    .map(hashString),
);

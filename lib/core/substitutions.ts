/**
 * The differences inside aligned passages, as a spinner's swaps: every stretch between two
 * equal runs where both sides have words is a substitution (source wording → page wording),
 * multi-word when the spinner swapped a phrase ("last year" → "final 12 months").
 * Stretches where numbers or names differ on BOTH sides are "hard": spinners leave those
 * alone, so they point at a different story told with the same template (earnings tables,
 * dividend notices), not at spinning.
 */
import type { AlignedPassage } from './align';
import { normalizeText } from './normalize';
import { TokenFlag, type Tokens } from './tokenize';
import type { Substitution } from './types';

/** A differing stretch: page tokens [pageStart, pageEnd) replaced source tokens [sourceStart, sourceEnd). */
export interface Hunk {
  pageStart: number;
  pageEnd: number;
  sourceStart: number;
  sourceEnd: number;
}

export interface SubstitutionSummary {
  /** Grouped by normalized wording, most frequent first (ties: source wording). */
  substitutions: Substitution[];
  /** Short substitutions found (counting repeats), hard ones included. */
  count: number;
  /** Of which change numbers or names on both sides. */
  hard: number;
  /** Source tokens replaced by short substitutions. */
  sourceTokens: number;
}

/** The stretches between consecutive equal runs of a passage. */
export function passageHunks(passage: AlignedPassage): Hunk[] {
  const hunks: Hunk[] = [];
  for (let b = 1; b < passage.blocks.length; b++) {
    const prev = passage.blocks[b - 1];
    const next = passage.blocks[b];
    const hunk = {
      pageStart: prev.page + prev.length,
      pageEnd: next.page,
      sourceStart: prev.source + prev.length,
      sourceEnd: next.source,
    };
    if (hunk.pageEnd > hunk.pageStart || hunk.sourceEnd > hunk.sourceStart) hunks.push(hunk);
  }
  return hunks;
}

export function summarizeSubstitutions(
  passages: readonly AlignedPassage[],
  page: Tokens,
  pageText: string,
  source: Tokens,
  sourceText: string,
  maxWords: number,
): SubstitutionSummary {
  const groups = new Map<string, Substitution>();
  let count = 0;
  let hard = 0;
  let sourceTokens = 0;
  for (const passage of passages) {
    for (const hunk of passageHunks(passage)) {
      const pageWords = hunk.pageEnd - hunk.pageStart;
      const sourceWords = hunk.sourceEnd - hunk.sourceStart;
      if (pageWords === 0 || sourceWords === 0 || pageWords > maxWords || sourceWords > maxWords) continue;
      count++;
      sourceTokens += sourceWords;
      if (hasFixedToken(source, hunk.sourceStart, hunk.sourceEnd) && hasFixedToken(page, hunk.pageStart, hunk.pageEnd)) {
        hard++;
        continue;
      }
      const from = sourceText.slice(source.starts[hunk.sourceStart], source.ends[hunk.sourceEnd - 1]);
      const to = pageText.slice(page.starts[hunk.pageStart], page.ends[hunk.pageEnd - 1]);
      const key = `${normalizeText(from)}\u0000${normalizeText(to)}`;
      const group = groups.get(key);
      if (group) group.count++;
      else groups.set(key, { from, to, count: 1 });
    }
  }
  const substitutions = [...groups.values()].sort(
    (a, b) => b.count - a.count || (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : 1),
  );
  return { substitutions, count, hard, sourceTokens };
}

/** Does tokens[from..to) hold a number, or a capitalized word that does not start a sentence (a name)? */
function hasFixedToken(tokens: Tokens, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const flags = tokens.flags[i];
    if (flags & TokenFlag.Numeric) return true;
    if ((flags & (TokenFlag.Capitalized | TokenFlag.SentenceStart)) === TokenFlag.Capitalized) return true;
  }
  return false;
}

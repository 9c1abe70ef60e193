/**
 * What a tab's result means for the reader, decided once for the badge and the popup: the
 * page copies a library article (spun, verbatim or partly), is copied by one, or is clean.
 */
import type { MatchKind } from '../core/types';
import type { MatchView, StoredTabResult } from '../protocol';
import type { SpinHint } from '../spin/types';

export type Verdict =
  | { kind: 'copy'; match: MatchView; copyKind: MatchKind }
  | { kind: 'copied-by'; matches: MatchView[] }
  | { kind: 'clean' };

/**
 * A page that is a verbatim copy of X and a spun copy of Y is, at heart, Y spun (X is the
 * same spun text): spinning says most about where a text came from, then a whole copy, then
 * a partial one. Within a kind the engine's order (best first) holds.
 */
const KIND_RANK: Record<MatchKind, number> = { spun: 0, verbatim: 1, partial: 2 };

/** Both sides almost wholly shared: the library holds this very article, not a source of it. */
const SAME_ARTICLE_COVERAGE = 0.9;

export function isSameArticle(match: MatchView): boolean {
  return match.kind === 'verbatim' && match.coverage >= SAME_ARTICLE_COVERAGE && match.sourceCoverage >= SAME_ARTICLE_COVERAGE;
}

function worstCopy(copies: MatchView[]): Verdict {
  const [worst] = [...copies].sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.score - a.score);
  return { kind: 'copy', match: worst, copyKind: worst.kind };
}

/**
 * Copies of other articles come first; when the library holds this very article, what it
 * says about copies made of it (copied-by) is the news, and "same text as X" comes last.
 */
export function verdictOf(matches: readonly MatchView[]): Verdict {
  const copies = matches.filter((match) => match.direction === 'copies');
  const realCopies = copies.filter((match) => !isSameArticle(match));
  if (realCopies.length > 0) return worstCopy(realCopies);
  const copiedBy = matches.filter((match) => match.direction === 'copied-by');
  if (copiedBy.length > 0) return { kind: 'copied-by', matches: copiedBy };
  return copies.length > 0 ? worstCopy(copies) : { kind: 'clean' };
}

/** The matches in the order the popup lists them: the one the verdict names first. */
export function orderForDisplay(matches: readonly MatchView[]): MatchView[] {
  const verdict = verdictOf(matches);
  const lead = verdict.kind === 'copy' ? [verdict.match] : verdict.kind === 'copied-by' ? verdict.matches : [];
  const rest = matches
    .filter((match) => !lead.includes(match))
    .sort((a, b) => Number(isSameArticle(a)) - Number(isSameArticle(b)) || KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.score - a.score);
  return [...lead, ...rest];
}

export function verdictOfResult(result: StoredTabResult | null): Verdict | null {
  return result?.status === 'done' ? verdictOf(result.matches) : null;
}

/** The flagged spin hint of a finished check (text alone, lib/spin), or null. */
export function spinHintOf(result: StoredTabResult | null): SpinHint | null {
  return result?.status === 'done' && result.spin?.flagged ? result.spin : null;
}

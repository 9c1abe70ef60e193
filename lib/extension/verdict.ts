/**
 * What a tab's result means for the reader, decided once for the badge and the popup: the
 * page copies a library article (spun, verbatim or partly), is copied by one, or is clean.
 */
import type { MatchKind } from '../core/types';
import type { MatchView, TabResult } from '../protocol';

export type Verdict =
  | { kind: 'copy'; match: MatchView; copyKind: MatchKind }
  | { kind: 'copied-by'; matches: MatchView[] }
  | { kind: 'clean' };

/** Spun and verbatim copies outrank partial ones; within a kind the engine's order (best first) holds. */
const KIND_RANK: Record<MatchKind, number> = { spun: 0, verbatim: 0, partial: 1 };

export function verdictOf(matches: readonly MatchView[]): Verdict {
  const copies = matches.filter((match) => match.direction === 'copies');
  if (copies.length > 0) {
    const worst = [...copies].sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.score - a.score)[0];
    return { kind: 'copy', match: worst, copyKind: worst.kind };
  }
  const copiedBy = matches.filter((match) => match.direction === 'copied-by');
  return copiedBy.length > 0 ? { kind: 'copied-by', matches: copiedBy } : { kind: 'clean' };
}

export function verdictOfResult(result: TabResult | null): Verdict | null {
  return result?.status === 'done' ? verdictOf(result.matches) : null;
}

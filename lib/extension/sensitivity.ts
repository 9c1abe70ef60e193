/**
 * The user's sensitivity per kind of copy (lib/settings.ts), applied to the engine's matches.
 * The engine already decides what is a match; a lower sensitivity asks for stronger evidence
 * on top of that. The engine has no looser mode per request, so `high` reports exactly what
 * the engine reports, like `normal`, until it grows one.
 */
import type { MatchKind } from '../core/types';
import type { Sensitivity, SensitivityByKind } from '../settings';

/** Lowest score kept per sensitivity (scores are 0..1, comparable across the kinds). */
export const MIN_SCORE: Record<Sensitivity, number> = { low: 0.7, normal: 0, high: 0 };

export function applySensitivity<M extends { kind: MatchKind; score: number }>(matches: M[], sensitivity: SensitivityByKind): M[] {
  return matches.filter((match) => match.score >= MIN_SCORE[sensitivity[match.kind]]);
}

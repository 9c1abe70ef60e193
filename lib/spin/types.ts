/** Shapes of the spin hint (../shared/docs/SCAN-CONTRACT.md, "The spin hint"). */

/** How readily the hint is given: `off` never, `cautious` on strong evidence only, `normal` on lighter evidence. */
export type SpinSensitivity = 'off' | 'cautious' | 'normal';
export const SPIN_SENSITIVITIES: readonly SpinSensitivity[] = ['off', 'cautious', 'normal'];

/** Which method found a piece of evidence. */
export type SpinEvidenceKind = 'phrase' | 'rare-synonym' | 'lower-case-name';

/** One odd word or phrase, at one place in the text. */
export interface SpinEvidence {
  /** The text as it stands at [start, end). */
  text: string;
  /** Character offsets into the text the hint was computed on (end exclusive, UTF-16 units). */
  start: number;
  end: number;
  /** The wording it most likely replaced, when known. */
  likely?: string;
  /** How many times the same (lower-case) word or phrase is evidence in this text. */
  count: number;
  kind: SpinEvidenceKind;
  /** How telling one occurrence is (larger is stronger). */
  weight: number;
}

export interface SpinHint {
  /** The text shows signs of a synonym spinner, at the sensitivity asked for. */
  flagged: boolean;
  /** Strength of the evidence, 0..1, whatever the sensitivity. */
  score: number;
  /** Every occurrence, most telling word or phrase first, then in text order. */
  evidence: SpinEvidence[];
}

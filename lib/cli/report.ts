/**
 * Output of the scan command: one JSON line per input (--json, the stable interface of
 * ../shared/docs/SCAN-CONTRACT.md), or a readable report for people.
 */
import type { Match } from '../core/types';
import { distinctSpinEvidence, NO_SPIN_HINT, type SpinHint } from '../spin';
import type { PackMatch } from '../packs/match';

export interface ScanResult {
  input: string;
  title: string;
  matches: Match[];
  /** Titles of library articles by id, for the matches. */
  titles: ReadonlyMap<string, string | undefined>;
  /** The spin hint judged from the input's own text (absent when it could not be read: reported as not flagged). */
  spin?: SpinHint;
  /** Set when the input could not be read. */
  error?: string;
  /** Matches with fingerprint pack entries (no text: no passages or substitutions). */
  packMatches?: PackMatch[];
}

/** A pack match as a JSON line's match: the contract's fields (empty passages and substitutions) plus `pack`, `url`, `source`. */
function packMatchJson(match: PackMatch) {
  const { id, title, kind, score, coverage, sourceCoverage, direction, reason, pack, url, source, publishedAt } = match;
  return { id, ...(title ? { title } : {}), kind, score: round(score), coverage: round(coverage), sourceCoverage: round(sourceCoverage), direction, reason, substitutions: [], passages: [], pack, ...(url ? { url } : {}), ...(source ? { source } : {}), ...(publishedAt ? { publishedAt } : {}) };
}

/** Scores and shares are rounded: six digits keep the order of any two distinct scores that matter. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The contract's JSON line (extra fields: sourceCoverage, reason, and error for unreadable inputs). */
export function formatJsonLine(result: ScanResult): string {
  const matches = result.matches.map((match) => ({
    id: match.id,
    ...(result.titles.get(match.id) ? { title: result.titles.get(match.id) } : {}),
    kind: match.kind,
    score: round(match.score),
    coverage: round(match.coverage),
    sourceCoverage: round(match.sourceCoverage),
    direction: match.direction,
    reason: match.reason,
    substitutions: match.substitutions.map(({ from, to, count }) => ({ from, to, count })),
    passages: match.passages.map(({ inputStart, inputEnd, sourceStart, sourceEnd }) => ({ inputStart, inputEnd, sourceStart, sourceEnd })),
  }));
  const hint = result.spin ?? NO_SPIN_HINT;
  const spin = {
    flagged: hint.flagged,
    score: round(hint.score),
    // One item per occurrence; `occurrences` is how often the same wording stands in the whole text
    // (not a multiplier of this item, unlike a substitution's `count`).
    evidence: hint.evidence.map(({ text, start, end, likely, count }) => ({ text, start, end, ...(likely ? { likely } : {}), occurrences: count })),
  };
  // Best first across library and packs (stable: at equal scores the library comes first).
  const all = [...matches, ...(result.packMatches ?? []).map(packMatchJson)].sort((a, b) => b.score - a.score);
  return JSON.stringify({ input: result.input, title: result.title, matches: all, spin, ...(result.error ? { error: result.error } : {}) });
}

const KIND_WORDS: Record<string, string> = { verbatim: 'Verbatim copy', partial: 'Partial copy', spun: 'Spun copy' };

/** How many substitutions the readable report shows per match (the JSON has them all). */
const SHOWN_SUBSTITUTIONS = 8;

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A few lines a person can read: the verdict for one input. */
export function formatReadableReport(result: ScanResult): string {
  const lines = [`${result.input}${result.title ? `: “${result.title}”` : ''}`];
  if (result.error) {
    lines.push(`  Could not read it: ${result.error}`);
  } else if (result.matches.length === 0 && !result.packMatches?.length) {
    lines.push('  No recycled text found.');
  }
  const spinLines = readableSpinHint(result.spin);
  result.matches.forEach((match, index) => {
    const title = result.titles.get(match.id);
    const name = `${title ? `“${title}” ` : ''}[${match.id}]`;
    const relation = match.direction === 'copied-by' ? `has been copied by ${name}` : `copies ${name}`;
    lines.push(
      `  ${index + 1}. ${KIND_WORDS[match.kind] ?? match.kind}: this text ${relation}`,
      `     score ${match.score.toFixed(2)}; ${percent(match.coverage)} of this text, ${percent(match.sourceCoverage)} of the library article; ${match.passages.length} shared passage(s)`,
      `     ${match.reason}`,
    );
    if (match.substitutions.length > 0) {
      const shown = match.substitutions.slice(0, SHOWN_SUBSTITUTIONS).map((swap) => `${swap.from} → ${swap.to}${swap.count > 1 ? ` (×${swap.count})` : ''}`);
      const more = match.substitutions.length - shown.length;
      lines.push(`     substitutions: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`);
    }
  });
  result.packMatches?.forEach((match, index) => {
    const name = `${match.title ? `“${match.title}” ` : ''}[${match.id}]${match.source ? ` (${match.source})` : ''}`;
    lines.push(
      `  ${result.matches.length + index + 1}. ${KIND_WORDS[match.kind] ?? match.kind}: this text copies ${name}, from the pack “${match.pack}”`,
      `     about ${percent(match.coverage)} of this text, ${percent(match.sourceCoverage)} of the original; the text itself is not available${match.url ? `: open the original at ${match.url}` : ''}`,
      `     ${match.reason}`,
    );
  });
  lines.push(...spinLines);
  return lines.join('\n');
}

/** How many distinct odd words the readable report names (the JSON has every occurrence). */
const SHOWN_SPIN_EVIDENCE = 8;

function readableSpinHint(hint: SpinHint | undefined): string[] {
  if (!hint?.flagged) return [];
  const shown = distinctSpinEvidence(hint.evidence).slice(0, SHOWN_SPIN_EVIDENCE);
  const words = shown.map((e) => `“${e.text}”${e.likely ? ` (probably “${e.likely}”)` : ''}${e.count > 1 ? ` ×${e.count}` : ''}`);
  return [`  Hint: this text shows signs of machine rewording (score ${hint.score.toFixed(2)}): ${words.join('; ')}`];
}

/**
 * Scores reported substitutions against the spinner's record, with the comparison rules of
 * ../shared/docs/SCAN-CONTRACT.md: entries expanded by `count` and compared as multisets; sides
 * equal after NFKC, lower-casing, straight quotes, collapsed spaces, trimmed punctuation and
 * dropping words identical at the start or end of both sides; adjacent swaps (no unchanged word
 * between them) may be reported one by one or as one merged entry.
 */
import type { Substitution } from '../../lib/core/types';

/** One recorded swap, with offsets into the library-side text (`from`) and the page-side text (`to`). */
export interface TruthSwap {
  fromStart: number;
  fromEnd: number;
  toStart: number;
  toEnd: number;
}

export interface SubstitutionTruth {
  /** The library article's text, where `from` offsets point. */
  fromText: string;
  /** The page's text, where `to` offsets point. */
  toText: string;
  /** In text order. */
  swaps: TruthSwap[];
}

export interface SubstitutionScore {
  /** Reported entries (after count expansion) that match a recorded swap or merged run. */
  correct: number;
  reported: number;
  /** Recorded swaps covered by a correct entry. */
  recalled: number;
  recorded: number;
  /** For diagnosis: reported pairs that matched nothing, and recorded swaps nobody reported ("from → to"). */
  wrong: string[];
  missed: string[];
}

/** Merged runs longer than this are not considered: a real report would not merge a whole paragraph. */
const MAX_MERGED_RUN = 8;

/** The contract's normalization of one side, before the identical-word trimming of the pair. */
export function normalizeSide(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');
}

/** The comparison key of a pair: both sides normalized, words identical at both ends dropped. */
export function pairKey(from: string, to: string): string {
  const a = splitWords(normalizeSide(from));
  const b = splitWords(normalizeSide(to));
  while (a.length > 0 && b.length > 0 && a[0] === b[0]) {
    a.shift();
    b.shift();
  }
  while (a.length > 0 && b.length > 0 && a[a.length - 1] === b[b.length - 1]) {
    a.pop();
    b.pop();
  }
  return `${a.join(' ')}\u0000${b.join(' ')}`;
}

function readable(key: string): string {
  return key.replace('\u0000', ' → ');
}

function splitWords(text: string): string[] {
  return text.length === 0 ? [] : text.split(' ');
}

/** A positive integer count, else 1, as the contract scores it. */
function expandedCount(count: unknown): number {
  return typeof count === 'number' && Number.isInteger(count) && count > 0 ? count : 1;
}

export function scoreSubstitutions(truth: SubstitutionTruth, reported: readonly Substitution[]): SubstitutionScore {
  const swaps = truth.swaps;
  const recalled = new Uint8Array(swaps.length);
  const singles = new Map<string, number[]>();
  swaps.forEach((swap, i) => {
    const key = pairKey(truth.fromText.slice(swap.fromStart, swap.fromEnd), truth.toText.slice(swap.toStart, swap.toEnd));
    push(singles, key, i);
  });
  const merged = mergedRuns(truth);

  const expanded: string[] = [];
  for (const entry of reported) {
    const key = pairKey(String(entry.from ?? ''), String(entry.to ?? ''));
    for (let n = expandedCount(entry.count); n > 0; n--) expanded.push(key);
  }

  // Greedy in three passes, so that a position-bound merged entry is not starved by a single
  // entry that could have matched another occurrence: entries that can only be merged runs
  // first, then single swaps, then the leftovers as merged runs.
  let correct = 0;
  const wrong: string[] = [];
  const claimRun = (key: string): boolean => {
    const run = merged.get(key)?.find((members) => members.every((i) => !recalled[i]));
    if (!run) return false;
    for (const i of run) recalled[i] = 1;
    correct++;
    return true;
  };
  const singleEntries: string[] = [];
  for (const key of expanded) {
    if (singles.has(key) || !claimRun(key)) singleEntries.push(key);
  }
  for (const key of singleEntries) {
    const index = takeFree(singles.get(key), recalled);
    if (index !== undefined) {
      recalled[index] = 1;
      correct++;
    } else if (!claimRun(key)) wrong.push(readable(key));
  }
  const missed = swaps.flatMap((swap, i) =>
    recalled[i] ? [] : [`${truth.fromText.slice(swap.fromStart, swap.fromEnd)} → ${truth.toText.slice(swap.toStart, swap.toEnd)}`],
  );
  return { correct, reported: expanded.length, recalled: swaps.length - missed.length, recorded: swaps.length, wrong, missed };
}

/** Keys of every contiguous run (2..MAX_MERGED_RUN) of swaps with no unchanged word between them. */
function mergedRuns(truth: SubstitutionTruth): Map<string, number[][]> {
  const runs = new Map<string, number[][]>();
  const { swaps, fromText, toText } = truth;
  for (let start = 0; start < swaps.length; start++) {
    for (let end = start + 1; end < swaps.length && end - start < MAX_MERGED_RUN; end++) {
      const gap = fromText.slice(swaps[end - 1].fromEnd, swaps[end].fromStart);
      if (/[\p{L}\p{N}]/u.test(gap)) break;
      const key = pairKey(fromText.slice(swaps[start].fromStart, swaps[end].fromEnd), toText.slice(swaps[start].toStart, swaps[end].toEnd));
      push(runs, key, Array.from({ length: end - start + 1 }, (_, k) => start + k));
    }
  }
  return runs;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function takeFree(candidates: number[] | undefined, taken: Uint8Array): number | undefined {
  return candidates?.find((i) => !taken[i]);
}

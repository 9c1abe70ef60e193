/**
 * A shared passage as text segments for the popup's side-by-side view, differing words
 * marked: the engine's own alignment (lib/core/passage-words) turned into text to render.
 */
import { passageWords, type WordRun } from '../core/passage-words';
import type { Passage } from '../core/types';

export interface DiffSegment {
  text: string;
  changed: boolean;
}

export interface PassageDiff {
  page: DiffSegment[];
  source: DiffSegment[];
  /** True when the passage was longer than what is shown. */
  cut: boolean;
}

/** Words shown per side: whole passages of a few paragraphs, while a huge one stays quick to render. */
export const SHOWN_WORDS = 400;

const segments = (text: string, runs: WordRun[]): DiffSegment[] =>
  runs.map((run) => ({ text: text.slice(run.start, run.end), changed: run.changed }));

export function diffPassage(pageText: string, sourceText: string, passage: Passage): PassageDiff {
  const words = passageWords(pageText, sourceText, passage, SHOWN_WORDS);
  return { page: segments(pageText, words.page), source: segments(sourceText, words.source), cut: words.cut };
}

/**
 * The engine's public data shapes. Everything here is plain, serializable data so that
 * results can cross extension messaging and be printed by the scan command unchanged.
 */

/** An article as the engine sees it: the library's truth, or a page being checked. */
export interface SourceText {
  /** Library id (for a page: any stable label, e.g. its URL). */
  id: string;
  /** Article body without the headline; paragraphs separated by a blank line. */
  text: string;
  title?: string;
  /** ISO 8601 date, when known: helps to tell which side copied the other. */
  publishedAt?: string;
}

export type MatchKind = 'verbatim' | 'partial' | 'spun';

/** `copies`: the page reuses the library article. `copied-by`: the library article reuses the page. */
export type Direction = 'copies' | 'copied-by';

/** A shared passage, as character offsets (end exclusive) into the page text and the library text. */
export interface Passage {
  inputStart: number;
  inputEnd: number;
  sourceStart: number;
  sourceEnd: number;
}

/** A spinner's swap: `from` as written in the library article, `to` as written on the page. */
export interface Substitution {
  from: string;
  to: string;
  count: number;
}

export interface Match {
  /** Library article id. */
  id: string;
  kind: MatchKind;
  /** 0..1, comparable between the matches of one page. */
  score: number;
  /** Share of the page's article text aligned with the library article (0..1). */
  coverage: number;
  /** Share of the library article's text aligned with the page (0..1). */
  sourceCoverage: number;
  direction: Direction;
  /** One short sentence a person can read: why this is a match of this kind. */
  reason: string;
  /** Most frequent first. Empty unless kind is `spun` (or a verbatim copy with a few swaps). */
  substitutions: Substitution[];
  /** In page order. */
  passages: Passage[];
}

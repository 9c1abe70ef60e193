/** The library's record types: the truth the engine's index is derived from. */

/** How an entry got into the library. */
export type EntryOrigin = 'seed' | 'imported' | 'page' | 'pasted' | 'learned';

export interface LibraryEntry {
  /** Stable id: from the import file, the seed file name, or generated on add. */
  id: string;
  title: string;
  /** A short label for where it came from: site name, host, or the import file name. */
  source: string;
  url?: string;
  /** ISO 8601, when the article states it. */
  publishedAt?: string;
  /** ISO 8601: when it entered the library. */
  addedAt: string;
  origin: EntryOrigin;
  /** ISO 8601: when its text was dropped to reclaim space (text-drop.ts); `text` is then empty,
   *  and copies are recognised from the fingerprints kept. */
  textDroppedAt?: string;
  /** Article body without the headline; paragraphs separated by a blank line. */
  text: string;
}

/** One line of the NDJSON library format (../shared/docs/SCAN-CONTRACT.md). */
export interface LibraryLine {
  id: string;
  text: string;
  title?: string;
  url?: string;
  publishedAt?: string;
}

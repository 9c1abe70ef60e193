/**
 * Marks the words that differ between the two sides of a shared passage, for the popup's
 * side-by-side view (a spun passage then shows its swaps in place). Only the opening of a
 * long passage is compared and shown: the work stays small whatever the passage's length.
 */

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

/** Words shown per side. */
export const SHOWN_WORDS = 90;
/** Words compared per side: more than shown, so the source side can be cut where the page side ends. */
const COMPARED_WORDS = 130;

const comparable = (word: string) => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** Longest common subsequence of two word lists: for each page word, its source partner or -1. */
function partners(page: string[], source: string[]): number[] {
  const a = page.map(comparable);
  const b = source.map(comparable);
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const partner = new Array<number>(a.length).fill(-1);
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) partner[i++] = j++;
    else if (lengths[i + 1][j] >= lengths[i][j + 1]) i++;
    else j++;
  }
  return partner;
}

/** Adjacent words with the same mark joined into one segment; the space between two segments
 *  goes to the unmarked one, so a marked segment holds only words. */
function segments(words: string[], changed: (index: number) => boolean): DiffSegment[] {
  const result: DiffSegment[] = [];
  words.forEach((word, index) => {
    const mark = changed(index);
    const last = result.at(-1);
    if (last && last.changed === mark) last.text += ` ${word}`;
    else if (!last) result.push({ text: word, changed: mark });
    else if (last.changed) result.push({ text: ` ${word}`, changed: mark });
    else {
      last.text += ' ';
      result.push({ text: word, changed: mark });
    }
  });
  return result;
}

export function diffPassage(pageText: string, sourceText: string): PassageDiff {
  const pageWords = pageText.split(/\s+/).filter(Boolean);
  const sourceWords = sourceText.split(/\s+/).filter(Boolean);
  const partner = partners(pageWords.slice(0, COMPARED_WORDS), sourceWords.slice(0, COMPARED_WORDS));
  const shownPage = pageWords.slice(0, SHOWN_WORDS);
  // The source side ends where the shown page words' last partner is, so both show the same stretch.
  const lastPartner = Math.max(-1, ...partner.slice(0, shownPage.length));
  const sourceEnd = shownPage.length < pageWords.length && lastPartner >= 0 ? lastPartner + 1 : Math.min(sourceWords.length, SHOWN_WORDS);
  const shownSource = sourceWords.slice(0, sourceEnd);
  const matched = new Set(partner.filter((index) => index >= 0));
  return {
    page: segments(shownPage, (index) => partner[index] === -1),
    source: segments(shownSource, (index) => !matched.has(index)),
    cut: shownPage.length < pageWords.length || shownSource.length < sourceWords.length,
  };
}

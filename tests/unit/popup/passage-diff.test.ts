/** Marking the words that differ between the two sides of a shared passage, as text to render. */
import { describe, expect, it } from 'vitest';
import { diffPassage, SHOWN_WORDS, type DiffSegment } from '../../../lib/extension/passage-diff';

const changedWords = (segments: DiffSegment[]) => segments.filter((segment) => segment.changed).map((segment) => segment.text);
const shownText = (segments: DiffSegment[]) => segments.map((segment) => segment.text).join('');
/** The whole of both texts as one passage. */
const wholeTexts = (page: string, source: string) => ({ inputStart: 0, inputEnd: page.length, sourceStart: 0, sourceEnd: source.length });

describe('diffPassage', () => {
  it('marks nothing on identical wording, whatever the case, punctuation and apostrophe style', () => {
    const page = 'The minister said, “Yes.” Korea’s bank agreed.';
    const source = "the minister said \"yes\" Korea's bank agreed";
    const diff = diffPassage(page, source, wholeTexts(page, source));
    expect(changedWords(diff.page)).toEqual([]);
    expect(changedWords(diff.source)).toEqual([]);
    expect(shownText(diff.page)).toBe(page);
    expect(shownText(diff.source)).toBe(source);
  });

  it('marks swapped words and phrases on each side, slicing the passage out of the whole texts', () => {
    const pageCopy = 'Putin obtained the diplomat in japanese Ukraine final 12 months';
    const sourceCopy = 'Putin received the diplomat in eastern Ukraine last year';
    const page = `Before the passage. ${pageCopy}. After it.`;
    const source = `${sourceCopy}, the source goes on.`;
    const inputStart = page.indexOf(pageCopy);
    const diff = diffPassage(page, source, { inputStart, inputEnd: inputStart + pageCopy.length, sourceStart: 0, sourceEnd: sourceCopy.length });
    expect(changedWords(diff.page)).toEqual(['obtained', 'japanese', 'final 12 months']);
    expect(changedWords(diff.source)).toEqual(['received', 'eastern', 'last year']);
    expect(shownText(diff.page)).toBe(pageCopy);
    expect(shownText(diff.source)).toBe(sourceCopy);
    expect(diff.cut).toBe(false);
  });

  it('shows a passage of a few hundred words whole, with a swap near its end marked', () => {
    const words = Array.from({ length: SHOWN_WORDS - 10 }, (_, index) => `word${index}`);
    const source = [...words];
    source.splice(words.length - 5, 1, 'swapped');
    const diff = diffPassage(words.join(' '), source.join(' '), wholeTexts(words.join(' '), source.join(' ')));
    expect(diff.cut).toBe(false);
    expect(changedWords(diff.source)).toEqual(['swapped']);
    expect(changedWords(diff.page)).toEqual([`word${words.length - 5}`]);
  });

  it('cuts a longer passage on both sides at the same place', () => {
    const words = Array.from({ length: SHOWN_WORDS * 3 }, (_, index) => `word${index}`);
    const source = [...words];
    source.splice(10, 1, 'swapped');
    const diff = diffPassage(words.join(' '), source.join(' '), wholeTexts(words.join(' '), source.join(' ')));
    expect(diff.cut).toBe(true);
    const pageShown = shownText(diff.page).split(' ');
    const sourceShown = shownText(diff.source).split(' ');
    expect(pageShown.length).toBe(SHOWN_WORDS);
    expect(sourceShown.at(-1)).toBe(pageShown.at(-1));
    expect(changedWords(diff.source)).toEqual(['swapped']);
  });
});

/** Marking the words that differ between the two sides of a shared passage. */
import { describe, expect, it } from 'vitest';
import { diffPassage, SHOWN_WORDS } from '../../../lib/extension/passage-diff';

const changedWords = (segments: { text: string; changed: boolean }[]) =>
  segments.filter((segment) => segment.changed).map((segment) => segment.text);

describe('diffPassage', () => {
  it('marks nothing on identical passages, whatever the case and punctuation around words', () => {
    const diff = diffPassage('The minister said, “Yes.”', 'the minister said “yes”');
    expect(changedWords(diff.page)).toEqual([]);
    expect(changedWords(diff.source)).toEqual([]);
    expect(diff.page.map((segment) => segment.text).join('')).toBe('The minister said, “Yes.”');
  });

  it('marks swapped words and phrases on each side', () => {
    const diff = diffPassage('Putin obtained the diplomat in japanese Ukraine final 12 months', 'Putin received the diplomat in eastern Ukraine last year');
    expect(changedWords(diff.page)).toEqual(['obtained', 'japanese', 'final 12 months']);
    expect(changedWords(diff.source)).toEqual(['received', 'eastern', 'last year']);
    expect(diff.page.map((segment) => segment.text).join('')).toBe('Putin obtained the diplomat in japanese Ukraine final 12 months');
  });

  it('cuts a long passage on both sides at the same place', () => {
    const words = Array.from({ length: 300 }, (_, index) => `word${index}`);
    const source = [...words];
    source.splice(10, 1, 'swapped');
    const diff = diffPassage(words.join(' '), source.join(' '));
    expect(diff.cut).toBe(true);
    const pageShown = diff.page.map((segment) => segment.text).join('').split(' ');
    const sourceShown = diff.source.map((segment) => segment.text).join('').split(' ');
    expect(pageShown.length).toBe(SHOWN_WORDS);
    expect(sourceShown.at(-1)).toBe(pageShown.at(-1));
    expect(changedWords(diff.source)).toEqual(['swapped']);
  });
});

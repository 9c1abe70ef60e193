/** Equal and changed wording inside one shared passage, as the engine aligns it. */
import { describe, expect, it } from 'vitest';
import { compare } from '../../../lib/core/engine';
import { passageWords, type WordRun } from '../../../lib/core/passage-words';
import { tokenize } from '../../../lib/core/tokenize';
import type { Passage } from '../../../lib/core/types';
import { loadSeeds, ORIGINAL, SPUN } from './seeds';

const changed = (text: string, runs: WordRun[]) => runs.filter((run) => run.changed).map((run) => text.slice(run.start, run.end));

/** The runs cover [from, to) with no hole and no overlap. */
function expectContiguous(runs: WordRun[], from: number, to: number) {
  expect(runs[0].start).toBe(from);
  for (let i = 1; i < runs.length; i++) expect(runs[i].start).toBe(runs[i - 1].end);
  expect(runs.at(-1)!.end).toBe(to);
}

/** A passage around `pageCopy` inside `page` and `sourceCopy` inside `source`. */
function passageOf(page: string, pageCopy: string, source: string, sourceCopy: string): Passage {
  const inputStart = page.indexOf(pageCopy);
  const sourceStart = source.indexOf(sourceCopy);
  return { inputStart, inputEnd: inputStart + pageCopy.length, sourceStart, sourceEnd: sourceStart + sourceCopy.length };
}

describe('passageWords', () => {
  it('marks nothing where only the typography differs: curly vs straight apostrophes, case, quote marks', () => {
    const pageCopy = 'South Korea’s central bank said on Monday that “inflation” would ease.';
    const sourceCopy = "south Korea's Central Bank said on Monday that \"inflation\" would ease";
    const page = `Other news first.\n\n${pageCopy}\n\nMore below.`;
    const source = `Seoul (Reuters) - ${sourceCopy}`;
    const passage = passageOf(page, pageCopy, source, sourceCopy);
    const words = passageWords(page, source, passage);
    expect(changed(page, words.page)).toEqual([]);
    expect(changed(source, words.source)).toEqual([]);
    expect(words.cut).toBe(false);
    expectContiguous(words.page, passage.inputStart, passage.inputEnd);
    expectContiguous(words.source, passage.sourceStart, passage.sourceEnd);
  });

  it('marks a swapped word and phrase on both sides, at offsets into the whole texts', () => {
    const pageCopy = 'Putin obtained the diplomat in japanese Ukraine final 12 months, officials said.';
    const sourceCopy = 'Putin received the diplomat in eastern Ukraine last year, officials said.';
    const page = `Headline here.\n\n${pageCopy}`;
    const source = `MOSCOW - ${sourceCopy}\n\nEnd.`;
    const words = passageWords(page, source, passageOf(page, pageCopy, source, sourceCopy));
    expect(changed(page, words.page)).toEqual(['obtained', 'japanese', 'final 12 months']);
    expect(changed(source, words.source)).toEqual(['received', 'eastern', 'last year']);
    expect(words.page.map((run) => page.slice(run.start, run.end)).join('')).toBe(pageCopy);
    expect(words.source.map((run) => source.slice(run.start, run.end)).join('')).toBe(sourceCopy);
  });

  it('keeps the engine’s view of a real spun copy: equal runs read the same on both sides, changed runs start and end on words', () => {
    const seeds = new Map(loadSeeds().map((seed) => [seed.id, seed.text]));
    const page = seeds.get(SPUN)!;
    const source = seeds.get(ORIGINAL)!;
    const match = compare({ id: 'page', text: page }, { id: ORIGINAL, text: source })!;
    let swaps = 0;
    for (const passage of match.passages) {
      const words = passageWords(page, source, passage);
      expectContiguous(words.page, passage.inputStart, passage.inputEnd);
      expectContiguous(words.source, passage.sourceStart, passage.sourceEnd);
      // Punctuation between words may differ; the equal words may not.
      const equalWords = (text: string, runs: WordRun[]) => {
        const tokens = tokenize(runs.filter((run) => !run.changed).map((run) => text.slice(run.start, run.end)).join(' '));
        return Array.from(tokens.ids.subarray(0, tokens.count));
      };
      expect(equalWords(page, words.page)).toEqual(equalWords(source, words.source));
      for (const text of changed(page, words.page)) expect(text).toMatch(/^[\p{L}\p{N}].*[\p{L}\p{N}]$|^[\p{L}\p{N}]$/su);
      swaps += changed(page, words.page).length;
    }
    // The engine reports this pair's swaps; the side-by-side view must show them too.
    expect(swaps).toBeGreaterThanOrEqual(match.substitutions.length);
  });

  it('aligns a long passage whole, and cuts both sides at the same word when asked', () => {
    const words = Array.from({ length: 1200 }, (_, index) => `word${index}`);
    const pageWords = [...words];
    pageWords.splice(1000, 1, 'swapped');
    pageWords.splice(300, 0, 'inserted');
    const page = pageWords.join(' ');
    const source = words.join(' ');
    const passage = { inputStart: 0, inputEnd: page.length, sourceStart: 0, sourceEnd: source.length };
    const whole = passageWords(page, source, passage);
    expect(whole.cut).toBe(false);
    expect(changed(page, whole.page)).toEqual(['inserted', 'swapped']);
    expect(changed(source, whole.source)).toEqual(['word1000']);

    const shown = passageWords(page, source, passage, 400);
    expect(shown.cut).toBe(true);
    const pageShown = page.slice(0, shown.page.at(-1)!.end).split(' ');
    const sourceShown = source.slice(0, shown.source.at(-1)!.end).split(' ');
    expect(pageShown.length).toBe(400);
    expect(sourceShown.at(-1)).toBe(pageShown.at(-1));
    expect(sourceShown.length).toBe(399);
    expect(changed(page, shown.page)).toEqual(['inserted']);
  });
});

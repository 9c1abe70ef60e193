import { describe, expect, it } from 'vitest';
import { normalizeSide, pairKey, scoreSubstitutions, type SubstitutionTruth } from '../../bench/quality-substitutions';

/** A truth record built from an original and a list of (word index → replacement) swaps. */
function truthFor(original: string, swaps: Record<number, string>): SubstitutionTruth {
  const words = original.split(' ');
  let fromOffset = 0;
  let toText = '';
  const records = [];
  for (let i = 0; i < words.length; i++) {
    if (i > 0) {
      fromOffset += 1;
      toText += ' ';
    }
    const replacement = swaps[i];
    if (replacement !== undefined) {
      records.push({ fromStart: fromOffset, fromEnd: fromOffset + words[i].length, toStart: toText.length, toEnd: toText.length + replacement.length });
      toText += replacement;
    } else toText += words[i];
    fromOffset += words[i].length;
  }
  return { fromText: original, toText, swaps: records };
}

describe('substitution comparison rules', () => {
  it('normalizes NFKC, case, quotes, spaces and edge punctuation', () => {
    expect(normalizeSide('  “Ｄon’t”,  Stop ')).toBe('don\'t", stop');
    expect(normalizeSide('Year.')).toBe('year');
  });

  it('drops words identical at both ends of the pair', () => {
    expect(pairKey('surface area', 'surface region')).toBe(pairKey('area', 'region'));
    expect(pairKey('the big dog', 'the large dog')).toBe(pairKey('big', 'large'));
    expect(pairKey('said', 'mentioned')).not.toBe(pairKey('said', 'stated'));
  });

  it('scores a perfect report as precision 1 and recall 1', () => {
    const truth = truthFor('he said the war was over last week', { 1: 'mentioned', 3: 'warfare' });
    const score = scoreSubstitutions(truth, [
      { from: 'said', to: 'mentioned', count: 1 },
      { from: 'War', to: 'Warfare', count: 1 },
    ]);
    expect(score).toMatchObject({ correct: 2, reported: 2, recalled: 2, recorded: 2 });
  });

  it('expands counts into a multiset, and a wrong count costs precision', () => {
    const truth = truthFor('said a said b said c', { 0: 'mentioned', 2: 'mentioned', 4: 'mentioned' });
    expect(scoreSubstitutions(truth, [{ from: 'said', to: 'mentioned', count: 3 }])).toMatchObject({ correct: 3, reported: 3, recalled: 3 });
    expect(scoreSubstitutions(truth, [{ from: 'said', to: 'mentioned', count: 5 }])).toMatchObject({ correct: 3, reported: 5, recalled: 3 });
    // A count that is not a positive integer counts as one.
    expect(scoreSubstitutions(truth, [{ from: 'said', to: 'mentioned', count: 0 }])).toMatchObject({ correct: 1, reported: 1 });
  });

  it('accepts adjacent swaps merged into one entry, but not a merge across an unchanged word', () => {
    const truth = truthFor('the major nations met in the city', { 1: 'main', 2: 'countries', 6: 'metropolis' });
    const merged = scoreSubstitutions(truth, [
      { from: 'major nations', to: 'main countries', count: 1 },
      { from: 'city', to: 'metropolis', count: 1 },
    ]);
    expect(merged).toMatchObject({ correct: 2, reported: 2, recalled: 3, recorded: 3 });
    const acrossUnchanged = scoreSubstitutions(truth, [{ from: 'nations met in the city', to: 'countries met in the metropolis', count: 1 }]);
    expect(acrossUnchanged.correct).toBe(0);
  });

  it('gives a merged entry its own occurrence when the same single swap also occurs elsewhere', () => {
    const truth = truthFor('very good and very simple', { 0: 'extremely', 3: 'extremely', 4: 'elementary' });
    const score = scoreSubstitutions(truth, [
      { from: 'very', to: 'extremely', count: 1 },
      { from: 'very simple', to: 'extremely elementary', count: 1 },
    ]);
    expect(score).toMatchObject({ correct: 2, recalled: 3 });
  });

  it('lists wrong and missed pairs for diagnosis', () => {
    const truth = truthFor('the war ended', { 1: 'warfare' });
    const score = scoreSubstitutions(truth, [{ from: 'ended', to: 'finished', count: 1 }]);
    expect(score.wrong).toEqual(['ended → finished']);
    expect(score.missed).toEqual(['war → warfare']);
  });
});

import { describe, expect, it } from 'vitest';
import { compare } from '../../../lib/core/engine';
import { TokenFlag, tokenize } from '../../../lib/core/tokenize';

/** A library article whose second and third paragraphs are one quote running over two paragraphs (opened in each, closed in the last). */
const ARTICLE = [
  'The water company will replace the old mains under the market square this summer, closing the square to traffic for nine weeks from the middle of June.',
  '"We know the works will cause disruption for traders and for the people who live around the square, and we have planned them for the quietest weeks of the year.',
  '"Our crews will work in short sections so that every shop can stay open, and we will pay for extra signs on the ring road," the company\'s regional director said.',
  'The pipes under the square were laid in the 1890s and have burst four times in the last three years, flooding cellars and cutting the supply to about two thousand homes for a day at a time.',
  'Engineers will lay the new plastic mains in the old trenches where they can, which the company says will halve the time needed compared with digging new ones along the edge of the square.',
  'Market traders will move to the car park beside the library while the work goes on, and the council has agreed to waive their pitch fees for the whole of the closure.',
].join('\n\n');

describe('quoted speech: an odd number of straight quotes in a paragraph', () => {
  it('ends the quote with its paragraph, so a copy of the paragraphs after it is found', () => {
    const sourceParagraphs = ARTICLE.split('\n\n');
    const page = [
      'Residents of the old town have been warned to expect nine weeks of roadworks this summer, in a short notice on the council website.',
      sourceParagraphs[1],
      sourceParagraphs[3],
      sourceParagraphs[4],
      'More details will be posted on the council website once the contractor has confirmed its dates.',
    ].join('\n\n');
    const match = compare({ id: 'page', text: page }, { id: 'library', text: ARTICLE });
    expect(match?.kind).toBe('partial');
  });

  it('does not let a stray straight quote make the rest of a text without paragraph breaks quoted', () => {
    const oneBlock = `A 12" pipe burst on Monday. ${ARTICLE.split('\n\n').slice(3).join(' ')} ${ARTICLE.split('\n\n').slice(3).join(' ')}`;
    const tokens = tokenize(oneBlock);
    expect(tokens.flags[tokens.count - 1] & TokenFlag.Quoted).toBe(0);
    // …while a real quote of ordinary length stays quoted to its close.
    const quote = tokenize('He said: "We will lay the new mains in the old trenches. It halves the time." Then he left.');
    expect(quote.flags[4] & TokenFlag.Quoted).toBeTruthy();
    expect(quote.flags[17] & TokenFlag.Quoted).toBe(0);
  });
});

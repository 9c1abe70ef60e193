import { describe, expect, it } from 'vitest';
import { compareDates } from '../../../lib/core/direction';
import { compare } from '../../../lib/core/engine';
import type { SourceText } from '../../../lib/core/types';

/** A story of our own, in prose paragraphs. */
const STORY = [
  'Engineers closed the old river bridge at Millbrook on Monday after inspectors found cracks in two of its steel supports, forcing thousands of commuters onto a detour that adds about twenty minutes to the trip into the city.',
  'The county transport office said the bridge, built in 1958, would stay shut for at least six weeks while crews install temporary braces and divers examine the piers below the waterline for further damage.',
  'Local business owners warned that the closure could hurt trade on both banks. The bakery owner on Station Road said her morning customers had already dropped by a third since the barriers went up.',
  'Officials plan to run a free shuttle bus every fifteen minutes between the two railway stations, and the ferry operator has agreed to add three evening crossings until the bridge reopens to traffic.',
  'The council had set aside money for a full replacement in its budget for next year, but the leader of the council admitted that the design work was behind schedule and that the final cost was still unknown.',
  'Residents packed the village hall on Tuesday evening to question transport managers about the detour, the noise from night work and the safety of the footpath that runs under the bridge along the towpath.',
  'Inspectors will publish their full report next month. Until then, the transport office asked drivers to plan their journeys ahead, to share cars where they can and to follow the yellow diversion signs.',
];

const CAPTIONS = [
  'Jane Porter/for Millbrook Gazette Workers fence off the old river bridge at Millbrook. Previous Next',
  'Enlarge',
  '(File 2019/The Associated Press) Traffic queues on the approach road to the bridge during rush hour in the spring.',
  'Photo: Mark Ellis/Getty Images A shuttle bus waits outside the railway station on the north bank of the river.',
];

const OWN_PARAGRAPHS = [
  'Our readers have sent dozens of letters about the state of the county roads this winter, and several of them asked why repairs promised two years ago never started on the southern ring road.',
  'The newspaper asked the transport office for the inspection records of every bridge in the county. The office said it would answer the request within twenty working days, as the law requires.',
  'A petition calling for a second crossing further upstream has gathered more than four thousand signatures, its organisers said, and will be handed to the council at its meeting in the spring.',
];

const page = (text: string, publishedAt?: string): SourceText => ({ id: 'page', text, publishedAt });
const library = (text: string, publishedAt?: string): SourceText => ({ id: 'library', text, publishedAt });
/** `extra` paragraphs spread through the story, as a library article holding the page plus more would have them. */
const interleaved = (extra: readonly string[]) => STORY.flatMap((paragraph, i) => (i % 2 === 0 && extra[i / 2] ? [extra[i / 2], paragraph] : [paragraph])).join('\n\n');

describe('direction of a verbatim copy whose library side holds more', () => {
  const storyText = STORY.join('\n\n');

  it('calls the page a partial copy when the library holds prose paragraphs of its own and nothing is dated', () => {
    // The page could be a shortened copy of the article as well as its original: verbatim
    // needs ~90% of the original's words, and without dates the original is the library's.
    const match = compare(page(storyText), library(interleaved(OWN_PARAGRAPHS)));
    expect(match?.kind).toBe('partial');
    expect(match?.direction).toBe('copies');
  });

  it('takes the library to copy the page verbatim when the dates say the page came first', () => {
    const match = compare(page(storyText, '2004-08-30'), library(interleaved(OWN_PARAGRAPHS), '2004-09-03T12:00:00Z'));
    expect(match?.kind).toBe('verbatim');
    expect(match?.direction).toBe('copied-by');
  });

  it('does not take captions, photo credits and gallery controls for text of its own', () => {
    const match = compare(page(storyText), library(interleaved(CAPTIONS)));
    expect(match?.kind).toBe('verbatim');
    expect(match?.direction).toBe('copies');
  });

  it('never contradicts a date the library article alone carries', () => {
    const match = compare(page(storyText), library(interleaved(OWN_PARAGRAPHS), '2004-09-03T12:00:00Z'));
    expect(match?.kind).toBe('partial');
    expect(match?.direction).toBe('copies');
  });
});

describe('direction of a lightly spun copy, nothing dated', () => {
  /** Swaps whose odder wording is on the page (a spinner's choice)… */
  const pageOdder: Record<string, string> = { said: 'stated', found: 'discovered', hurt: 'damage', money: 'funding', packed: 'crammed', plan: 'intend' };
  /** …and swaps whose odder wording is the library's: a mixed, weak vote. */
  const libraryOdder: Record<string, string> = { forcing: 'making', temporary: 'short', examine: 'check', customers: 'buyers', operator: 'owner', admitted: 'said', question: 'ask' };
  const spin = (text: string, swaps: Record<string, string>) =>
    Object.entries(swaps).reduce((spun, [from, to]) => spun.replace(new RegExp(`\\b${from}\\b`), to), text);

  it('keeps the default (the page copies) when the swaps vote only a little either way', () => {
    const storyText = STORY.join('\n\n');
    const spun = spin(spin(storyText, pageOdder), libraryOdder);
    const match = compare(page(spun), library(storyText));
    expect(match?.kind).toBe('spun');
    expect(match?.direction).toBe('copies');
  });

  it('still takes the library for the spun copy when its side is the odd wording throughout', () => {
    const storyText = STORY.join('\n\n');
    // The plain wordings on the page, the odd ones in the library.
    const match = compare(page(spin(storyText, libraryOdder)), library(spin(storyText, pageOdder)));
    expect(match?.kind).toBe('spun');
    expect(match?.direction).toBe('copied-by');
  });
});

describe('direction of a spun copy whose spinner picked shorter words, nothing dated', () => {
  /** A story of our own in common words… */
  const ORIGINAL = [
    'The famous restaurant on Harbour Street closed its doors on Friday after inspectors found the old building it stands in was dangerous, and the owners said they expected to reopen in a new place by the spring.',
    'Staff were told to collect their things quickly, and several of them said they were nervous about their jobs. The owners promised that everyone would be paid while the kitchen stays shut.',
    'A reporter who visited the neighborhood on Saturday found a terrible mess of ladders and scaffolding in front of the building, with a notice asking customers to mention their booking when they call.',
    'The council said it would answer questions from neighbours at a meeting next week, and that rooms in the town hall were available for the families who had to leave the flats above the kitchen.',
    'Inspectors said the roof had to be cleared immediately, and that the work was prepared in a hurry because the weather was expected to turn before the end of the month.',
    'The restaurant has served fish from the harbour for more than forty years. Its owners said the famous dining room would be rebuilt as it was, down to the old tiles on the floor.',
  ].join('\n\n');
  /** …spun into rare synonyms that are all SHORTER than the words they replace, so word length alone points the wrong way. */
  const SHORTER: Record<string, string> = {
    famous: 'famed', restaurant: 'eatery', dangerous: 'unsafe', expected: 'awaited', collect: 'amass', quickly: 'apace',
    nervous: 'uneasy', reporter: 'newsman', neighborhood: 'vicinity', terrible: 'dire', mention: 'cite',
    questions: 'queries', available: 'usable', immediately: 'forthwith', prepared: 'readied',
  };
  const SPUN = Object.entries(SHORTER).reduce((text, [from, to]) => text.replace(new RegExp(`\\b${from}\\b`, 'g'), to), ORIGINAL);

  it('has only shorter replacements (the premise: a length vote would call the original the copy)', () => {
    for (const [from, to] of Object.entries(SHORTER)) expect(to.length).toBeLessThan(from.length);
  });

  it('still recognises the page as the spun copy', () => {
    const match = compare(page(SPUN), library(ORIGINAL));
    expect(match?.kind).toBe('spun');
    expect(match?.direction).toBe('copies');
  });

  it('says copied-by when the library holds the spun copy', () => {
    const match = compare(page(ORIGINAL), library(SPUN));
    expect(match?.kind).toBe('spun');
    expect(match?.direction).toBe('copied-by');
  });
});

describe('direction: dates at the precision both have', () => {
  const text = STORY.join('\n\n');

  it('takes a calendar date on the same day as a library date-time as no evidence', () => {
    expect(compare(page(text, '2025-03-11'), library(text, '2025-03-11T09:00:00Z'))?.direction).toBe('copies');
    expect(compare(page(text, '2025-03-11T09:00:00Z'), library(text, '2025-03-11'))?.direction).toBe('copies');
  });

  it('still reads calendar dates a few days apart, either way', () => {
    expect(compare(page(text, '2025-03-01'), library(text, '2025-03-11T09:00:00Z'))?.direction).toBe('copied-by');
    expect(compare(page(text, '2025-03-20'), library(text, '2025-03-11'))?.direction).toBe('copies');
    expect(compare(page(text, '2005-05-14'), library(text, '2005-06-02'))?.direction).toBe('copied-by');
  });
});

describe('compareDates', () => {
  it('compares date-times as instants and calendar dates by day, with a date-time spanning its possible local days', () => {
    expect(compareDates('2025-03-11T08:00:00Z', '2025-03-11T09:00:00Z')).toBe(-1);
    expect(compareDates('2025-03-11', '2025-03-11T23:30:00Z')).toBe(0);
    expect(compareDates('2025-03-12', '2025-03-11T23:30:00Z')).toBe(0);
    expect(compareDates('2025-03-13', '2025-03-11T23:30:00Z')).toBe(1);
    expect(compareDates('2025-03-10', '2025-03-11')).toBe(-1);
    expect(compareDates(undefined, '2025-03-11')).toBe(0);
  });
});

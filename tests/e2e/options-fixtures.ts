/**
 * Data for the options-page end-to-end test, all generated or written here: a library file of
 * generated articles, and an original story with a spun copy of it (synonym swaps as a
 * content farm's spinner makes them) for the learn-while-reading check.
 */
import { seededNumbers } from '../bench/quality-prng';


const PLACES = ['Northbridge', 'Lower Halden', 'Carrow Bay', 'Westmere', 'Ashby Cross', 'Fenwick', 'Stallard', 'Port Ilsey'];
const SUBJECTS = ['the council', 'the water board', 'a local charity', 'the rail operator', 'the hospital trust', 'the harbour authority'];
const ACTIONS = ['approved plans for', 'postponed a decision on', 'opened a consultation about', 'published a report on', 'set aside money for'];
const OBJECTS = ['a new footbridge', 'longer library hours', 'a flood barrier', 'school bus routes', 'a solar farm', 'street lighting', 'a market hall'];
const DETAILS = [
  'Residents are invited to comment before the end of the month.',
  'Critics said the cost had been underestimated by a wide margin.',
  'The work is expected to take about eighteen months to finish.',
  'A public meeting will be held in the town hall next Tuesday evening.',
  'Officials said the money would come from reserves rather than higher charges.',
  'Local businesses welcomed the news but asked for clearer timetables.',
];

export interface GeneratedArticle {
  id: string;
  title: string;
  url: string;
  publishedAt: string;
  text: string;
}

/** `count` distinct articles; article `markerIndex` carries the word `marker` in its text. */
export function generatedArticles(count: number, marker: string, markerIndex: number): GeneratedArticle[] {
  const next = seededNumbers(20250101);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  return Array.from({ length: count }, (_, i) => {
    const place = pick(PLACES);
    const paragraphs = Array.from({ length: 3 + (i % 3) }, (_, p) => {
      const figure = Math.floor(next() * 900) + 100;
      return `In ${place}, ${pick(SUBJECTS)} ${pick(ACTIONS)} ${pick(OBJECTS)} on item ${i}-${p}, with ${figure} thousand pounds at stake. ${pick(DETAILS)} ${pick(DETAILS)}`;
    });
    if (i === markerIndex) paragraphs.push(`The ${marker} committee will report back in the spring.`);
    const day = String(1 + (i % 28)).padStart(2, '0');
    return {
      id: `gen-${String(i).padStart(4, '0')}`,
      title: `${place}: ${pick(OBJECTS)} (${i})`,
      url: `https://local-news.invalid/stories/${i}`,
      publishedAt: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${day}T09:00:00Z`,
      text: paragraphs.join('\n\n'),
    };
  });
}

export const ORIGINAL_STORY = {
  headline: 'Lighthouse keepers’ cottages to become a maritime museum',
  publishedAt: '2025-06-10T07:00:00Z',
  paragraphs: [
    'The row of keepers’ cottages beside the old lighthouse at Skerry Point will be turned into a small maritime museum, the county heritage trust said on Monday, after a fundraising appeal reached its target two months early.',
    'The trust bought the cottages last year from the lighthouse authority, which no longer needs them since the light was automated in the nineteen eighties. The buildings have stood empty for a decade and the roofs of two of them have partly collapsed.',
    'Builders will start work in the autumn by repairing the roofs and the chimneys, and the trust said the first rooms should open to visitors in the spring of next year. The work will cost about four hundred thousand pounds in total.',
    'Most of the money came from small donations by people who grew up along the coast, the trust said. A grant from the national lottery fund paid for the rest, and a local boatyard has offered to restore the keepers’ old rowing boat for free.',
    'The museum will tell the story of the families who kept the light burning through two world wars and many winter storms. Letters, log books and photographs given by their descendants will be shown in the largest cottage.',
    'One of the last keepers, who is now ninety years old and lives in the village, said he was delighted that the cottages would be saved. He said he still remembers carrying paraffin up the spiral stairs every evening as a boy.',
    'The trust also plans a garden behind the cottages where visitors can sit and watch the sea. It said the museum will be free for children and for people who live in the parish, and that volunteers will be needed to welcome visitors.',
  ],
};

/** A spinner's swaps: each word or phrase of the original and the wording a spinner puts instead. */
const SWAPS: Array<[RegExp, string]> = [
  [/\bcottages\b/g, 'bungalows'],
  [/\bsmall\b/g, 'little'],
  [/\bsaid\b/g, 'stated'],
  [/\bold\b/g, 'aged'],
  [/\bbought\b/g, 'purchased'],
  [/\blast year\b/g, 'final 12 months'],
  [/\bbuildings\b/g, 'structures'],
  [/\bempty\b/g, 'vacant'],
  [/\bstart\b/g, 'commence'],
  [/\brepairing\b/g, 'fixing'],
  [/\bvisitors\b/g, 'guests'],
  [/\bmoney\b/g, 'funds'],
  [/\bpeople\b/g, 'folks'],
  [/\bgrew up\b/g, 'were raised'],
  [/\brestore\b/g, 'refurbish'],
  [/\bstory\b/g, 'tale'],
  [/\bfamilies\b/g, 'households'],
  [/\bmany\b/g, 'numerous'],
  [/\bshown\b/g, 'displayed'],
  [/\blargest\b/g, 'biggest'],
  [/\bdelighted\b/g, 'thrilled'],
  [/\bremembers\b/g, 'recalls'],
  [/\bevening\b/g, 'night'],
  [/\bplans\b/g, 'intends'],
  [/\bwatch\b/g, 'observe'],
  [/\bneeded\b/g, 'required'],
  [/\bwelcome\b/g, 'greet'],
  [/\bstarted\b/g, 'began'],
  [/\bwork\b/g, 'job'],
  [/\bcost\b/g, 'price'],
];

export function spin(paragraphs: readonly string[]): string[] {
  return paragraphs.map((paragraph) => SWAPS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), paragraph));
}

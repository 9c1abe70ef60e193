/** Test pages that copy a run of a library article's words amid reporting of their own. */
import type { SourceText } from '../../../lib/core/types';

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** The page's own reporting, on a topic no seed touches. */
export const OWN_REPORTING = [
  'Our correspondent spent the week in the capital speaking to shopkeepers about prices, rents and the cost of heating their premises through another long winter.',
  'Most said they had cut their opening hours and several had let staff go, while a few had moved their business online and now sell mainly to customers abroad.',
  'A baker near the station said the price of flour had doubled since the spring and that she now bakes half as many loaves each morning as she did a year ago.',
  'The city administration has promised grants for small businesses, but traders said the forms were long and that the money, when it came, arrived months late.',
  'At the covered market, stallholders pointed to empty pitches that had been let for decades and are now boarded up, waiting for tenants who never call back.',
  'A shoe repairer who has worked in the same arcade for thirty years said customers now mend what they used to replace, which has kept his workshop busy all year.',
  'Several landlords have agreed to freeze rents until the summer, though owners of the larger shopping centres have so far declined to follow their example.',
  'The chamber of commerce will publish its quarterly survey next month, and its chairman said he expected it to show the weakest confidence in ten years.',
];

/**
 * The first run of `length` consecutive words of the source that copies no two consecutive
 * paragraphs (nearly) whole and holds no quotation, so that only the run's length can make it
 * a partial copy; set amid own text with its paragraph breaks kept.
 */
export function pageWithRun(source: SourceText, length: number): string | undefined {
  const paragraphs = source.text.split('\n\n').map(words);
  const flat = paragraphs.flatMap((paragraph, index) => paragraph.map((word) => ({ word, index })));
  for (let start = 0; start + length <= flat.length; start++) {
    const run = flat.slice(start, start + length);
    const touched = [...new Set(run.map((w) => w.index))];
    const copied = touched.map((index) => run.filter((w) => w.index === index).map((w) => w.word));
    const whole = copied.map((part, i) => paragraphs[touched[i]].length - part.length < 10);
    if (whole.some((isWhole, i) => isWhole && whole[i - 1]) || run.some(({ word }) => /["“”]/.test(word))) continue;
    return [...OWN_REPORTING.slice(0, 3), ...copied.map((part) => part.join(' ')), ...OWN_REPORTING.slice(3)].join('\n\n');
  }
  return undefined;
}

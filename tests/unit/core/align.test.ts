import { describe, expect, it } from 'vitest';
import { compare } from '../../../lib/core/engine';
import { normalizeText } from '../../../lib/core/normalize';
import { loadSeeds, ORIGINAL, SPUN } from './seeds';

const article = [
  'The city council voted on Tuesday to expand the river park by forty hectares, ending a dispute that had run for more than a decade between residents and the developers who owned the land along the northern bank.',
  'Under the agreement, the developers will hand over the land in three stages, while the council pays for new paths, lighting and a footbridge linking the park to the old market district on the other side of the water.',
  'Residents who had campaigned for the expansion welcomed the vote but warned that the council still had to show where the money for maintenance would come from once the construction work was finished next spring.',
  'The mayor said the first stage would open to the public in the summer and that the council would publish a detailed budget for the project before the end of the month, after consulting the neighbourhood associations.',
].join('\n\n');

describe('alignment offsets', () => {
  it('slice to the same words on both sides for a copy inside other text', () => {
    const page = `Breaking: weather warnings across the region tonight.\n\n${article.split('\n\n').slice(1, 3).join('\n\n')}\n\nSubscribe to our newsletter for more local news.`;
    const match = compare({ id: 'page', text: page }, { id: 'src', text: article })!;
    expect(match.kind).toBe('partial');
    expect(match.passages.length).toBeGreaterThan(0);
    for (const p of match.passages) {
      expect(normalizeText(page.slice(p.inputStart, p.inputEnd))).toBe(normalizeText(article.slice(p.sourceStart, p.sourceEnd)));
    }
    const copiedStart = page.indexOf('Under the agreement');
    expect(match.passages[0].inputStart).toBe(copiedStart);
    expect(match.passages[0].sourceStart).toBe(article.indexOf('Under the agreement'));
  });

  it('start and end on words of the spun pair, in page order', () => {
    const seeds = new Map(loadSeeds().map((s) => [s.id, s]));
    const page = seeds.get(SPUN)!.text;
    const source = seeds.get(ORIGINAL)!.text;
    const match = compare({ id: 'page', text: page }, { id: ORIGINAL, text: source })!;
    let previous = -1;
    for (const p of match.passages) {
      expect(p.inputStart).toBeGreaterThan(previous);
      previous = p.inputStart;
      for (const [text, start, end] of [
        [page, p.inputStart, p.inputEnd],
        [source, p.sourceStart, p.sourceEnd],
      ] as const) {
        expect(text.slice(start, start + 1)).toMatch(/[\p{L}\p{N}]/u);
        expect(text.slice(end - 1, end)).toMatch(/[\p{L}\p{N}]/u);
      }
    }
  });

  it('finds a verbatim copy with a changed headline line and page furniture', () => {
    const page = `Council says yes to bigger park\n\nBy A. Reporter\n\n${article}\n\nShare this article`;
    const match = compare({ id: 'page', text: page }, { id: 'src', text: article })!;
    expect(match.kind).toBe('verbatim');
    expect(match.sourceCoverage).toBe(1);
  });

  it('does not count a short excerpt with a "Read more" link', () => {
    const excerpt = article.split('\n\n')[0].split(',')[0];
    const page = `Other news of the day, written here in our own words about something else entirely.\n\n${excerpt}. Read more`;
    expect(compare({ id: 'page', text: page }, { id: 'src', text: article })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { slowdown } from '../relative-time';
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

describe('alignment robustness', () => {
  const seeds = loadSeeds();
  const paragraphs = seeds.flatMap((s) => s.text.split('\n\n'));

  /** A deterministic shuffle-and-repeat of real paragraphs: overlapping, repeated and reordered passages. */
  function scrambled(seed: number, count: number): string {
    let state = seed;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    return Array.from({ length: count }, () => paragraphs[Math.floor(next() * paragraphs.length)]).join('\n\n');
  }

  it('never throws and keeps passages inside both texts, whatever the repetition and order', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const page = scrambled(seed, 30);
      const source = scrambled(seed + 100, 20);
      const match = compare({ id: 'page', text: page }, { id: 'src', text: source });
      for (const p of match?.passages ?? []) {
        expect(0 <= p.inputStart && p.inputStart < p.inputEnd && p.inputEnd <= page.length).toBe(true);
        expect(0 <= p.sourceStart && p.sourceStart < p.sourceEnd && p.sourceEnd <= source.length).toBe(true);
      }
    }
  });

  it('handles interleaved passages (sentences from two places of the article, alternating)', () => {
    const source = seeds.find((s) => s.id === ORIGINAL)!.text;
    const sentences = source.split(/(?<=[.!?])\s+/).filter((s) => s.split(' ').length >= 8);
    const half = Math.floor(sentences.length / 2);
    const page = Array.from({ length: 8 }, (_, i) => `${sentences[i]} ${sentences[half + i]}`).join(' ');
    const match = compare({ id: 'page', text: page }, { id: 'src', text: source });
    expect(match?.kind).toBe('partial');
    const words = (text: string) => normalizeText(text).split(' ');
    for (const p of match!.passages) {
      // Each passage starts and ends on equal words (what lies between may be inserted text).
      const onPage = words(page.slice(p.inputStart, p.inputEnd));
      const inSource = words(source.slice(p.sourceStart, p.sourceEnd));
      expect(onPage.slice(0, 3)).toEqual(inSource.slice(0, 3));
      expect(onPage.slice(-3)).toEqual(inSource.slice(-3));
    }
  });

  it('finds a page that repeats the article twice as a copy of it', () => {
    const text = seeds[2].text;
    const match = compare({ id: 'page', text: `${text}\n\n${text}` }, { id: 'src', text });
    expect(match).not.toBeNull();
    expect(match!.sourceCoverage).toBe(1);
  });
});

describe('classification of short articles', () => {
  const wire =
    'The board of Harbour Mills approved a new dividend policy on Tuesday that will pay shareholders twice a year instead of once, the company said in a statement. The first payment is due in March.';
  const otherText =
    'Elsewhere in the region, farmers reported a late harvest after weeks of rain, and the county fair was moved to the first week of October. Schools will reopen on Monday after the floods, officials said, although two bridges remain closed to traffic until engineers finish their inspections.';

  it('calls a whole short wire item inside a longer page a partial copy', () => {
    const page = `${otherText}\n\n${wire}\n\n${otherText.split('.')[0]}.`;
    expect(compare({ id: 'page', text: page }, { id: 'wire', text: wire })?.kind).toBe('partial');
  });

  it('does not match a templated item with another company and other figures', () => {
    const other =
      'The board of Coastal Foods approved a new dividend policy on Friday that will pay shareholders four times a year instead of twice, the company said in a statement. The first payment is due in June.';
    expect(compare({ id: 'page', text: `${otherText}\n\n${other}` }, { id: 'wire', text: wire })).toBeNull();
  });
});

describe('bounded work', () => {
  it('compares 1 MB of one repeated word with a short and a long text in bounded time', () => {
    const huge = 'news '.repeat(200_000);
    expect(() => compare({ id: 'page', text: huge }, { id: 'short', text: 'news '.repeat(1000) })).not.toThrow();
    expect(compare({ id: 'page', text: huge }, { id: 'seed', text: loadSeeds()[1].text })).toBeNull();
    // 50 times the input on both sides: linear work is about 50 times slower, quadratic about 2,500 times.
    const small = 'news '.repeat(4_000);
    expect(
      slowdown(
        () => compare({ id: 'page', text: small }, { id: 'long', text: small }),
        () => compare({ id: 'page', text: huge }, { id: 'long', text: huge }),
      ),
    ).toBeLessThan(500);
  });
});

describe('quoted speech', () => {
  const interview = [
    'The mayor spoke to reporters on Monday about the new tram line.',
    '“We will open the first section in spring, and the whole line will run by the end of next year, with trams every five minutes at peak hours,” she said.',
    '“The money is there, the contracts are signed, and the residents along the route have been consulted twice,” she added.',
    '“Nobody should expect the works to be painless, but we have planned detours for every street we close,” the mayor said.',
  ].join('\n\n');

  it('counts a verbatim copy of an article made mostly of quotes', () => {
    const match = compare({ id: 'page', text: `Tram news\n\n${interview}` }, { id: 'src', text: interview });
    expect(match?.kind).toBe('verbatim');
  });

  it('does not count the same quotes re-attributed in other words', () => {
    const quotes = interview.match(/“[^”]+”/g)!;
    const page = [
      `City officials gave an update on the tram project this week. ${quotes[0]} the mayor told a press briefing.`,
      `Asked about funding, she was confident. ${quotes[1]} she told journalists.`,
      `Shop owners worry about the disruption. ${quotes[2]} was her answer to them.`,
    ].join('\n\n');
    expect(compare({ id: 'page', text: page }, { id: 'src', text: interview })).toBeNull();
  });
});

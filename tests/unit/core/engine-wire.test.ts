import { describe, expect, it } from 'vitest';
import { compare, Engine } from '../../../lib/core/engine';
import type { SourceText } from '../../../lib/core/types';

/** Reuters-style earnings tables and dividend notices: one template, each company's own figures. */
const COMPANIES = ['Acme Corp', 'Birch Industries Inc', 'Cobalt Mining Ltd', 'Delta Freight Co', 'Ember Foods Inc', 'Falcon Tools Corp'];

function earnings(company: string, i: number): string {
  const n = (base: number) => base + i * 7;
  return [
    `${company} 4th qtr net`,
    `Shr ${n(21)} cts vs ${n(18)} cts`,
    `Net ${n(4)}.${i} mln vs ${n(3)}.${i + 1} mln`,
    `Revs ${n(120)}.${i} mln vs ${n(101)}.${i} mln`,
    `Year shr ${n(80)} cts vs ${n(66)} cts`,
    `Net ${n(16)}.${i} mln vs ${n(12)}.${i} mln`,
    `Revs ${n(470)}.${i} mln vs ${n(400)}.${i} mln`,
  ].join('\n\n');
}

function dividend(company: string, i: number): string {
  return `${company} said its board declared a quarterly dividend of ${10 + i} cts per share, payable ${i + 1} June to shareholders of record on ${15 + i} May. The company paid ${8 + i} cts in the same quarter a year ago.`;
}

describe('engine on formulaic wire items', () => {
  const library: SourceText[] = COMPANIES.flatMap((company, i) => [
    { id: `earnings-${i}`, text: earnings(company, i) },
    { id: `dividend-${i}`, text: dividend(company, i) },
  ]);
  const byId = new Map(library.map((doc) => [doc.id, doc]));
  const engine = new Engine();
  for (const doc of library) engine.add(doc);
  const match = (text: string) => engine.match({ id: 'page', text }, (id) => byId.get(id));
  const furniture = (body: string) => `Markets | Companies | Earnings\n\n${body}\n\nMore company news`;

  it('finds the very table a page copies, and no other table of the same template', async () => {
    const matches = await match(furniture(earnings(COMPANIES[3], 3)));
    expect(matches.map((m) => [m.id, m.kind])).toEqual([['earnings-3', 'verbatim']]);
  });

  it('finds the very dividend notice a page copies, and no other notice', async () => {
    const matches = await match(dividend(COMPANIES[2], 2));
    expect(matches.map((m) => m.id)).toEqual(['dividend-2']);
  });

  it('matches nothing for another company reported with the same templates', async () => {
    const page = `${earnings('Granite Homes Inc', 9)}\n\n${dividend('Granite Homes Inc', 9)}`;
    expect(await match(page)).toEqual([]);
  });
});

describe('text the library repeats', () => {
  const footer = [
    'Harbour Gazette is published daily by Harbour Media Group, with offices in Portsmouth, Plymouth and Falmouth, and reaches readers in forty coastal towns every morning.',
    'Our newsroom follows the editors code of practice; to report an error or to send us a story, write to the desk through the contact page, and follow the Gazette on social media.',
  ].join('\n\n');
  const topics = ['harbour', 'school', 'transport', 'housing', 'parks', 'budget', 'health', 'libraries', 'markets', 'ferries', 'fishing', 'tourism', 'culture', 'sports', 'waste', 'water', 'roads', 'lighting', 'planning', 'licensing', 'events', 'museums'];
  /** A story of its own per topic: its words differ from every other story's. */
  const story = (topic: string) =>
    `Members of the ${topic} panel, chaired by ${topic} spokesperson Alex ${topic.toUpperCase()}, voted on the ${topic} ` +
    `plan after ${topic.length} hours of debate about ${topic} funding, ${topic} staff and ${topic} targets for the ${topic} service.`;

  it('ignores a footer many library articles carry when the page shares it with one of them', async () => {
    // Retrieval would already drop this short excerpt: let every candidate through to test the verdict.
    const engine = new Engine({ minSharedHashes: 1 });
    const library = new Map<string, SourceText>();
    for (const topic of topics) {
      const more = `The ${topic} plan also names ${topic} partners, sets a ${topic} budget line for next year and asks ${topic} volunteers to join a ${topic} forum that will meet every month in the ${topic} hall.`;
      const doc = { id: `gazette-${topic}`, text: `${story(topic)}\n\n${more}\n\n${footer}` };
      library.set(doc.id, doc);
      engine.add(doc);
    }
    // A short excerpt of one article (not reuse on its own) beside the shared footer.
    const page =
      'Flights will resume next week, the airport operator said on Tuesday, after engineers cleared the runway. ' +
      'Passengers whose trips were cancelled can rebook free of charge until the end of the month, and the operator ' +
      `will publish a new timetable on Friday.\n\n${story('harbour')}\n\n${footer}`;
    const matches = await engine.match({ id: 'page', text: page }, (id) => library.get(id));
    expect(matches).toEqual([]);
    // The same page against the one article, without the library's knowledge, is a partial copy.
    expect(compare({ id: 'page', text: page }, library.get('gazette-harbour')!)?.kind).toBe('partial');
  });
});

describe('wire tables whatever their line layout', () => {
  /** The lines of a company's table; each library layout keeps them, joined its own way. */
  const lines = (company: string, i: number) => earnings(company, i).split('\n\n');
  const headline = (company: string) => `${company.toUpperCase()} 4TH QTR NET`;

  async function found(libraryJoin: string, page: (company: string, i: number) => string, i: number) {
    const library = COMPANIES.map((company, c): SourceText => ({ id: `earnings-${c}`, text: lines(company, c).join(libraryJoin) }));
    const byId = new Map(library.map((doc) => [doc.id, doc]));
    const engine = new Engine();
    for (const doc of library) engine.add(doc);
    const matches = await engine.match({ id: 'page', text: page(COMPANIES[i], i) }, (id) => byId.get(id));
    return matches.map((m) => [m.id, m.kind]);
  }

  it('finds a table stored as one block of lines when the page gives a paragraph per line', async () => {
    const page = (company: string, i: number) => [headline(company), ...lines(company, i)].join('\n\n');
    for (const i of COMPANIES.keys()) expect(await found('\n', page, i)).toEqual([[`earnings-${i}`, 'verbatim']]);
  });

  it('finds a table stored a paragraph per line when the page gives one block of lines', async () => {
    const page = (company: string, i: number) => `${headline(company)}\n\n${lines(company, i).join('\n')}`;
    for (const i of COMPANIES.keys()) expect(await found('\n\n', page, i)).toEqual([[`earnings-${i}`, 'verbatim']]);
  });
});

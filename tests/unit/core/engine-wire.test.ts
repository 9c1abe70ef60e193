import { describe, expect, it } from 'vitest';
import { Engine } from '../../../lib/core/engine';
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

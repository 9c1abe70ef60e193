/** "Check this page anyway": a forced read skips the "is this an article?" guess, and only that. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readPage, type IdleScheduler } from '../../../lib/extension/content/read-page';

/** Runs idle work at once (the scheduling itself is tested with the content scanner). */
const immediately: IdleScheduler = { idle: async (work) => work(), now: () => performance.now() };

const PARAGRAPHS = [
  'Volunteers from the Eastfield Allotment Society spent the weekend planting more than two hundred fruit trees on the old goods yard beside the river, a site that has stood empty since the last freight sidings closed.',
  'The society leased the three-acre plot from the county for a nominal sum after a two-year campaign. Its chair said the group had raised the money for the trees through plant sales and a sponsored walk.',
  'Apples, pears and plums went in first, with a row of cherries along the old loading platform. Schools nearby have asked to adopt a tree each, and the society plans open days through the summer.',
  'The county said the lease runs for twenty-five years and can be renewed. Neighbours who had complained about rubbish dumped on the yard welcomed the change and several joined the planting.',
];

/** An article at an address that looks like a search page: the cheap guess says "not an article". */
function articleAtSearchAddress(url: string): Document {
  const body = PARAGRAPHS.map((text) => `<p>${text}</p>`).join('');
  return new JSDOM(`<!doctype html><html><head><title>Orchard on the goods yard</title></head><body><article><h1>Orchard on the goods yard</h1>${body}</article></body></html>`, { url }).window.document;
}

describe('readPage', () => {
  const url = 'https://news.test/search/orchard?q=orchard';

  it('calls an article behind a search-like address "not an article" by default', async () => {
    expect((await readPage(articleAtSearchAddress(url), url, immediately)).type).toBe('page/not-article');
  });

  it('reads it when the reader asks for the page to be checked anyway', async () => {
    const report = await readPage(articleAtSearchAddress(url), url, immediately, { force: true });
    expect(report.type).toBe('page/article');
    if (report.type === 'page/article') expect(report.request.article.text).toContain('Eastfield Allotment Society');
  });

  it('still finds nothing on a forced read of a page without text', async () => {
    const empty = new JSDOM('<!doctype html><html><body><nav><a href="/">Home</a></nav></body></html>', { url }).window.document;
    expect((await readPage(empty, url, immediately, { force: true })).type).toBe('page/not-article');
  });
});

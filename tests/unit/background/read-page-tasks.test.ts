/**
 * The content script's read of a page is cut into tasks: each step of the extraction runs in an
 * idle task of its own, so no task holds the page much longer than Readability's own parse
 * (issue 13.5). Counted, not timed.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readPage, type IdleScheduler } from '../../../lib/extension/content/read-page';
import { extractArticle, extractionSteps, type ExtractionStep } from '../../../lib/extract/extract-article';
import { pageSize } from '../../../lib/extract/page-size';
import { GARDEN_ARTICLE } from '../../e2e/pages/articles';
import { newsPage } from '../../e2e/pages/site-chrome';

const url = 'https://gazette.test/orchard';
const articlePage = () => new JSDOM(newsPage({ site: 'Eastfield Gazette', ...GARDEN_ARTICLE }), { url }).window.document;

/** Runs idle work at once, and records for each idle task the extraction step it ran (if any). */
function recordingScheduler() {
  const tasks: Array<ExtractionStep | undefined> = [];
  const scheduler: IdleScheduler = {
    async idle(work) {
      const result = work();
      const step = result as Partial<IteratorResult<unknown>> | undefined;
      tasks.push(step?.done === false && typeof step.value === 'string' ? (step.value as ExtractionStep) : undefined);
      return result;
    },
    now: () => performance.now(),
  };
  return { scheduler, tasks };
}

describe('extractionSteps', () => {
  it('yields after each step and ends with the same article as extractArticle', () => {
    const doc = articlePage();
    const steps = extractionSteps(doc, { url });
    const names: ExtractionStep[] = [];
    let step = steps.next();
    for (; !step.done; step = steps.next()) names.push(step.value);
    expect(names).toEqual(['measure', 'clone', 'prune', 'story-links', 'readability', 'paragraphs', 'date']);
    expect(step.value).toEqual(extractArticle(doc, { url }));
    expect(step.value?.text).toContain(GARDEN_ARTICLE.paragraphs[0]);
  });

  it('skips the measure when the caller measured the page', () => {
    const doc = articlePage();
    expect(extractionSteps(doc, { url, size: pageSize(doc) }).next().value).toBe('clone');
  });
});

describe('readPage', () => {
  it('runs each step of the extraction in an idle task of its own', async () => {
    const doc = articlePage();
    const expected = [...extractionSteps(doc, { url, size: pageSize(doc) })];
    const { scheduler, tasks } = recordingScheduler();
    expect((await readPage(doc, url, scheduler)).type).toBe('page/article');
    // Every step of the extraction, in order, one task each.
    expect(tasks.filter((step) => step !== undefined)).toEqual(expected);
    // Besides: the measure (one slice on this small page), the cheap check, the extraction's end.
    expect(tasks.length).toBe(expected.length + 3);
  });
});

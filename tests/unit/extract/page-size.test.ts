import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isTooLargeToCheck, measurePage, pageSize } from '../../../lib/extract/page-size';
import { MAX_PAGE_TEXT_CHARS, MAX_PAGE_TEXT_NODES } from '../../../lib/extract/tuning';

const page = (body: string) => new JSDOM(`<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`).window.document;

describe('page size', () => {
  it('counts the text a reader reads, not scripts, styles or empty elements', () => {
    const size = pageSize(page(`<p>Twelve chars</p>${'<span></span>'.repeat(5_000)}<script>var x = "not read";</script><style>p{}</style>\n<p> </p>`));
    expect(size.textChars).toBe('Twelve chars'.length + 2);
    expect(size.textNodes).toBe(1);
    expect(isTooLargeToCheck(size)).toBe(false);
  });

  it('is too large past the text cap, and stops measuring there', () => {
    const doc = page(`<p>${'a'.repeat(MAX_PAGE_TEXT_CHARS + 1)}</p>${'<p>more</p>'.repeat(1_000)}`);
    const measure = measurePage(doc);
    expect(measure.step(10)).toBe(true);
    expect(isTooLargeToCheck(measure.size)).toBe(true);
    expect(measure.size.textNodes).toBe(1);
  });

  it('is too large past the cap on pieces of text, measured step by step', () => {
    const measure = measurePage(page('<b>x</b>'.repeat(MAX_PAGE_TEXT_NODES + 1)));
    let steps = 0;
    while (!measure.step(1_000)) steps++;
    expect(steps).toBeGreaterThan(MAX_PAGE_TEXT_NODES / 1_000 - 2);
    expect(isTooLargeToCheck(measure.size)).toBe(true);
  }, 60_000);
});

import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { describe, expect, it, vi } from 'vitest';
import { extractArticle } from '../../../lib/extract/extract-article';
import { MAX_DEPTH_TO_PARSE, MAX_ELEMENTS_TO_PARSE, MAX_PAGE_TEXT_CHARS } from '../../../lib/extract/tuning';

const PROSE = [
  'The council approved the new cycle lanes on Wednesday evening after a debate that lasted almost four hours, with most of the objections coming from shop owners on the high street who fear losing parking spaces.',
  'Work will begin in the autumn and should take about eight months. The lanes will be separated from traffic by a low kerb, and the junction by the station will get its own traffic lights for cyclists.',
  'A review after the first year will look at accident figures and at how many people use the lanes, the council said, and the parking spaces lost on the high street will be replaced in a new car park behind the library.',
];

function page(body: string, head = '<title>Cycle lanes approved</title>'): Document {
  return new JSDOM(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, { url: 'https://news.example/a' }).window.document;
}

function articleBody(extra = ''): string {
  return `<article><h1>Cycle lanes approved</h1>${PROSE.map((text) => `<p>${text}</p>`).join(extra)}</article>`;
}

describe('extractArticle', () => {
  it('leaves the page it reads unchanged', () => {
    const doc = page(`<nav><a href="/">Home</a></nav>${articleBody('<div class="ad">Advertisement</div>')}<script>var x = 1;</script>`);
    const before = doc.documentElement.outerHTML;
    expect(extractArticle(doc)?.text).toBe(PROSE.join('\n\n'));
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('drops furniture placed between paragraphs of the article', () => {
    const furniture = [
      '<p>ADVERTISEMENT</p>',
      '<p>Story continues below advertisement</p>',
      '<p><a href="/x">Share on Facebook</a> | <a href="/y">Tweet</a> | <a href="/z">Email</a></p>',
      '<p>Read more: <a href="/other">Bus fares to rise in January</a></p>',
    ];
    const body = `<article><h1>Cycle lanes approved</h1><p>${PROSE[0]}</p>${furniture.join('')}<p>${PROSE[1]}</p><h3>Related articles</h3><p><a href="/1">Bus fares to rise</a></p><p><a href="/2">Station car park to close</a></p><p>${PROSE[2]}</p></article>`;
    expect(extractArticle(page(body))?.text).toBe(PROSE.join('\n\n'));
  });

  it('keeps prose that merely mentions advertisements, cookies or comments', () => {
    const mentions = 'Shop owners said they would advertise the new lanes, hand out cookies to the first cyclists and collect comments from customers for the review.';
    const doc = page(articleBody().replace('</article>', `<p>${mentions}</p></article>`));
    expect(extractArticle(doc)?.text.split('\n\n')).toEqual([...PROSE, mentions]);
  });

  it('returns null for an empty page and for a page beyond the page budget, without throwing', () => {
    expect(extractArticle(page(''))).toBeNull();
    const overPageBudget = `${articleBody()}<div class="comments">${'x'.repeat(MAX_PAGE_TEXT_CHARS)}</div>`;
    expect(extractArticle(page(overPageBudget))).toBeNull();
  });

  it('reads an article padded with hidden and empty elements beyond the Readability budget', () => {
    // Past Readability's element budget (jsdom is slow: the 46,000-element page is tested in Chromium, tests/e2e/content-heavy).
    const hidden = `<div style="display:none">${'<span></span>'.repeat(MAX_ELEMENTS_TO_PARSE)}</div>`;
    const empty = `<div class="pad">${'<i> </i>'.repeat(100)}</div>`;
    const elsewhere = '<div><p>Elsewhere in the county, the annual flower show drew a record crowd of visitors on Saturday, with prizes for roses, dahlias and the largest marrow grown this year in any garden.</p></div>';
    // Padding changes nothing: the page reads exactly as it does without it.
    const unpadded = extractArticle(page(`${articleBody()}${elsewhere}`));
    expect(unpadded?.text).toContain(PROSE.join('\n\n'));
    expect(extractArticle(page(`${empty}${articleBody()}${elsewhere}${hidden}`))).toEqual(unpadded);
  }, 30_000);

  it('reads the pruned page as it is when it is beyond the Readability budget', () => {
    // Line breaks are not padding (they separate lines of text): the clone stays over the budget.
    const tagSoup = `${articleBody()}<div>${'<br>'.repeat(MAX_ELEMENTS_TO_PARSE + 1)}</div><p class="share-links"><a href="/x">Share on Facebook</a></p>`;
    expect(extractArticle(page(tagSoup))?.text).toBe(PROSE.join('\n\n'));
  }, 30_000);

  it('reads a page nested beyond the depth budget without running Readability on it', () => {
    // Readability's time grows steeply with depth (seconds at 1,000 levels in jsdom): the budget
    // exists to skip it. Counted, not timed: a busy machine cannot fail this.
    const parse = vi.spyOn(Readability.prototype, 'parse');
    try {
      const flat = page(articleBody());
      expect(extractArticle(flat)?.text).toBe(PROSE.join('\n\n'));
      expect(parse).toHaveBeenCalledTimes(1);
      parse.mockClear();
      const depth = MAX_DEPTH_TO_PARSE * 5;
      const deep = page(`${'<div>'.repeat(depth)}${articleBody()}${'</div>'.repeat(depth)}`);
      expect(extractArticle(deep)?.text).toBe(PROSE.join('\n\n'));
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('does not count scripts and icons against the Readability budget', () => {
    const icons = `<svg>${'<path d="M0 0"/>'.repeat(MAX_ELEMENTS_TO_PARSE + 1)}</svg>`;
    expect(extractArticle(page(`${icons}${articleBody()}`))?.text).toBe(PROSE.join('\n\n'));
  });

  it('returns null rather than throwing when handed something that is not a document', () => {
    expect(extractArticle({} as Document)).toBeNull();
  });

  it('falls back to the page host for the site name when the page does not give one', () => {
    expect(extractArticle(page(articleBody()))?.siteName).toBe('news.example');
  });
});

/**
 * Every page in tests/fixtures/pages/*.html against the expectations written beside it in
 * <name>.json: { isArticle, url?, article?: null | { title, paragraphs, publishedAt?, byline?,
 * siteName?, lang? } }. The paragraphs are the article as its author wrote it, so the
 * extracted text must be exactly those paragraphs, separated by a blank line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../../lib/cli/html-document';
import { extractArticle } from '../../../lib/extract/extract-article';
import { isProbablyArticle } from '../../../lib/extract/is-probably-article';

interface ExpectedArticle {
  title: string;
  paragraphs: string[];
  publishedAt?: string;
  byline?: string;
  siteName?: string;
  lang?: string;
}

interface Expectation {
  description: string;
  url?: string;
  isArticle: boolean;
  /** Absent: not checked. null: extraction must find nothing. */
  article?: ExpectedArticle | null;
}

const PAGES = resolve(import.meta.dirname, '../../fixtures/pages');
const names = readdirSync(PAGES)
  .filter((file) => file.endsWith('.html'))
  .map((file) => file.replace(/\.html$/, ''));

describe.each(names)('fixture page %s', (name) => {
  const expectation = JSON.parse(readFileSync(join(PAGES, `${name}.json`), 'utf8')) as Expectation;
  const load = () => parseHtmlDocument(readFileSync(join(PAGES, `${name}.html`), 'utf8'), expectation.url ?? `https://pages.example/${name}`);

  it(`is ${expectation.isArticle ? '' : 'not '}an article`, () => {
    expect(isProbablyArticle(load())).toBe(expectation.isArticle);
  });

  if (expectation.article === undefined) return;
  const expected = expectation.article;

  it(expected ? 'extracts exactly the article' : 'extracts nothing', () => {
    const article = extractArticle(load());
    if (expected === null) {
      expect(article).toBeNull();
      return;
    }
    expect(article).not.toBeNull();
    expect(article!.title).toBe(expected.title);
    expect(article!.text.split('\n\n')).toEqual(expected.paragraphs);
    for (const field of ['publishedAt', 'byline', 'siteName', 'lang'] as const) {
      if (expected[field] !== undefined) expect(article![field]).toBe(expected[field]);
    }
  });
});

it('has an expectation beside every fixture page', () => {
  const expectations = readdirSync(PAGES).filter((file) => file.endsWith('.json'));
  expect(expectations.map((file) => file.replace(/\.json$/, '')).sort()).toEqual([...names].sort());
});

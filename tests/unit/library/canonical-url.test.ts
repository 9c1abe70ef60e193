import { describe, expect, test } from 'vitest';
import { canonicalUrl, sameArticleAddress } from '../../../lib/library/canonical-url';

describe('canonical URL normalization', () => {
  const article = 'https://news.example.org/world/2025/harbour-strike';
  test.each([
    ['utm parameters', `${article}?utm_source=newsletter&utm_medium=email&utm_campaign=x`],
    ['a click id', `${article}?fbclid=IwAR0abc`],
    ['a fragment', `${article}#comments`],
    ['a trailing slash', `${article}/`],
    ['www and http', 'http://www.news.example.org/world/2025/harbour-strike'],
    ['an AMP path segment', `${article}/amp`],
    ['an AMP path segment with slash', `${article}/amp/`],
    ['an amp subdomain', 'https://amp.news.example.org/world/2025/harbour-strike'],
    ['an amp switch', `${article}?amp=1`],
    ['an outputType switch', `${article}?outputType=amp`],
    ['upper-case host', 'https://NEWS.Example.ORG/world/2025/harbour-strike'],
  ])('%s names the same article', (_what, variant) => {
    expect(canonicalUrl(variant)).toBe(canonicalUrl(article));
  });

  test('an .amp.html page is the .html page', () => {
    expect(canonicalUrl('https://a.example/story.amp.html')).toBe(canonicalUrl('https://a.example/story.html'));
  });

  test.each([
    ['another path', 'https://news.example.org/world/2025/harbour-strike-2'],
    ['another host', 'https://other.example.org/world/2025/harbour-strike'],
    ['a meaningful parameter', 'https://news.example.org/article?id=42'],
    ['a path case change', 'https://news.example.org/World/2025/harbour-strike'],
  ])('%s is another article', (_what, other) => {
    expect(canonicalUrl(other)).not.toBe(canonicalUrl('https://news.example.org/world/2025/harbour-strike'));
  });

  test('meaningful parameters are kept and their order does not matter', () => {
    expect(canonicalUrl('https://a.example/read?id=7&page=2&utm_source=x')).toBe(canonicalUrl('https://a.example/read?page=2&id=7'));
    expect(canonicalUrl('https://a.example/read?id=7')).not.toBe(canonicalUrl('https://a.example/read?id=8'));
  });

  test('anything but an http(s) URL has no canonical form', () => {
    expect(canonicalUrl('not a url')).toBeUndefined();
    expect(canonicalUrl('file:///tmp/a.html')).toBeUndefined();
    expect(sameArticleAddress('file:///a', ['file:///a'])).toBe(false);
  });

  test('sameArticleAddress compares against every given address', () => {
    expect(sameArticleAddress('https://a.example/x/', [undefined, 'https://b.example/y', 'https://a.example/x?utm_medium=rss'])).toBe(true);
    expect(sameArticleAddress('https://a.example/x', ['https://b.example/x'])).toBe(false);
  });
});

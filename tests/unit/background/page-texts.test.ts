/** Page texts kept in the worker's memory: a budget with the oldest dropped first, and results joined with their text. */
import { describe, expect, it } from 'vitest';
import { PageTexts } from '../../../lib/extension/page-texts';
import type { StoredTabResult } from '../../../lib/protocol';

const done = (at: number): StoredTabResult => ({ status: 'done', url: 'https://a.test/', at, article: { title: 'T' }, matches: [] });

describe('PageTexts', () => {
  it('drops the oldest texts beyond its budget, never the one just kept', () => {
    const texts = new PageTexts(10);
    texts.set(1, 100, 'aaaaaa');
    texts.set(2, 200, 'bbbbbb');
    expect(texts.get(1, 100)).toBeUndefined();
    expect(texts.get(2, 200)).toBe('bbbbbb');
    texts.set(3, 300, 'c'.repeat(20));
    expect(texts.get(3, 300)).toHaveLength(20);
    expect(texts.get(2, 200)).toBeUndefined();
  });

  it('joins a finished result with the text of that very check, and nothing else', () => {
    const texts = new PageTexts();
    texts.set(4, 100, 'the page');
    expect(texts.withText(4, done(100))).toMatchObject({ status: 'done', at: 100, text: 'the page' });
    expect(texts.withText(4, done(200))).toBeNull(); // a later check whose text is not kept
    expect(texts.withText(4, { status: 'checking', url: 'https://a.test/', at: 100 })).toBeNull();
    expect(texts.withText(4, null)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { slowdown } from '../relative-time';
import { tokenize, TokenFlag, type Tokens } from '../../../lib/core/tokenize';

const words = (text: string, tokens: Tokens = tokenize(text)) =>
  Array.from({ length: tokens.count }, (_, i) => text.slice(tokens.starts[i], tokens.ends[i]));

describe('tokenize', () => {
  it('gives no tokens for empty or punctuation-only text', () => {
    expect(tokenize('').count).toBe(0);
    expect(tokenize(' \n\n—…!? “” ').count).toBe(0);
  });

  it('gives one token for one word, with its offsets', () => {
    const tokens = tokenize('  Hello. ');
    expect(tokens.count).toBe(1);
    expect([tokens.starts[0], tokens.ends[0]]).toEqual([2, 7]);
  });

  it('keeps offsets into the original text, slicing back to each word', () => {
    const text = 'Putin’s “brotherly regard” — 11,000 troops; café, NAÏVE.';
    expect(words(text)).toEqual(['Putin’s', 'brotherly', 'regard', '11,000', 'troops', 'café', 'NAÏVE']);
  });

  it('folds case, accents, curly apostrophes and full-width forms into one identity', () => {
    const a = tokenize("Korea's Café NAIVE ＡＢＣ");
    const b = tokenize('korea’s cafe naïve abc');
    expect(a.count).toBe(4);
    expect(Array.from(a.ids.subarray(0, a.count))).toEqual(Array.from(b.ids.subarray(0, b.count)));
  });

  it('tokenizes Cyrillic, Greek, Arabic and Hebrew (RTL) words', () => {
    const text = 'Новости дня, Ελλάδα; مرحبا بالعالم שלום עולם';
    expect(words(text)).toEqual(['Новости', 'дня', 'Ελλάδα', 'مرحبا', 'بالعالم', 'שלום', 'עולם']);
    expect(tokenize('НОВОСТИ').ids[0]).toBe(tokenize('новости').ids[0]);
  });

  it('splits Chinese and Japanese into one token per character, beside Latin words', () => {
    const text = '東京都は2024年にAI规划を発表';
    const found = words(text);
    expect(found).toContain('東');
    expect(found).toContain('AI');
    expect(found).toContain('2024');
    expect(found.filter((w) => w.length === 1).length).toBeGreaterThanOrEqual(10);
  });

  it('treats emoji as separators, including astral ones between words', () => {
    expect(words('good😀news 👍🏽 today')).toEqual(['good', 'news', 'today']);
  });

  it('flags quoted words, numbers, names and sentence starts', () => {
    const text = 'He met Kim in 2024. “We agree,” Kim said.';
    const tokens = tokenize(text);
    const flagOf = (word: string) => tokens.flags[words(text, tokens).indexOf(word)];
    expect(flagOf('Kim') & TokenFlag.Capitalized).toBeTruthy();
    expect(flagOf('Kim') & TokenFlag.SentenceStart).toBeFalsy();
    expect(flagOf('2024') & TokenFlag.Numeric).toBeTruthy();
    expect(flagOf('We') & TokenFlag.Quoted).toBeTruthy();
    expect(flagOf('agree') & TokenFlag.Quoted).toBeTruthy();
    expect(flagOf('said') & TokenFlag.Quoted).toBeFalsy();
    expect(flagOf('He') & TokenFlag.SentenceStart).toBeTruthy();
    expect(flagOf('in') & TokenFlag.Function).toBeTruthy();
  });

  it('flags a quote that opens a paragraph, and ends an unclosed quote with its paragraph', () => {
    const text = 'He spoke.\n\n“We are ready,” he said. “And willing\n\nThey left.';
    const tokens = tokenize(text);
    const quoted = words(text, tokens).filter((_, i) => tokens.flags[i] & TokenFlag.Quoted);
    expect(quoted).toEqual(['We', 'are', 'ready', 'And', 'willing']);
  });

  it('numbers paragraphs separated by blank lines', () => {
    const tokens = tokenize('one two\n\nthree\nfour\n\n\nfive');
    expect(Array.from(tokens.paragraphs.subarray(0, tokens.count))).toEqual([0, 0, 1, 1, 2]);
  });

  it('handles 1 MB of one word repeated in linear time', () => {
    const text = 'news '.repeat(200_000);
    const tokens = tokenize(text);
    expect(tokens.count).toBe(200_000);
    expect(new Set(tokens.ids.subarray(0, tokens.count)).size).toBe(1);
    // 50 times the input: linear work is about 50 times slower, quadratic about 2,500 times.
    expect(slowdown(() => tokenize('news '.repeat(4_000)), () => tokenize(text))).toBeLessThan(500);
  });
});

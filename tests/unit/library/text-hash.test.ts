import { describe, expect, test } from 'vitest';
import { normalizeForDuplicates, textHash } from '../../../lib/library/records';

/** The rule normalizeForDuplicates keeps for spacing: every run of whitespace is one space. */
const collapsed = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the duplicate check’s normalization and hash', () => {
  test('any run of whitespace, of any kind, becomes one space', () => {
    const cases = ['a b', 'a  b', 'a\tb', 'a \tb', 'a\t b', 'a\n\nb', ' a b ', 'a\u00a0b', 'a \u00a0 b', 'a\u2028b', 'a\r\n b\t', '\ta', 'a\u3000\u3000b', 'end \n'];
    for (const text of cases) expect(normalizeForDuplicates(text)).toBe(collapsed(text));
  });

  test('agrees with the plain rule on random mixes of letters and whitespace', () => {
    const alphabet = ['a', 'b', ' ', ' ', '\t', '\n', '\r', '\u00a0', '\u2009', '\ufeff', '\u3000'];
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 2_000; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 24) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(normalizeForDuplicates(text)).toBe(collapsed(text));
    }
  });

  test('texts differing only in case, quotes, dashes and spacing hash the same; the hash is SHA-256 in hex', async () => {
    expect(await textHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await textHash('“Rates  rise” – said the bank.\n')).toBe(await textHash('"rates rise" - Said the bank.'));
    expect(await textHash('Rates rise.')).not.toBe(await textHash('Rates fall.'));
  });
});

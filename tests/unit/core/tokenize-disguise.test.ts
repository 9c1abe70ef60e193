import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../lib/core/normalize';
import { queryWords, searchWords } from '../../../lib/library/search-words';
import { tokenize, TokenFlag, type Tokens } from '../../../lib/core/tokenize';

const words = (text: string, tokens: Tokens = tokenize(text)) =>
  Array.from({ length: tokens.count }, (_, i) => text.slice(tokens.starts[i], tokens.ends[i]));
const ids = (text: string) => {
  const tokens = tokenize(text);
  return Array.from(tokens.ids.subarray(0, tokens.count));
};

/** Characters that change the bytes, not the text a reader sees. */
const INVISIBLE = {
  'soft hyphen': '\u00ad',
  'zero-width space': '\u200b',
  'zero-width non-joiner': '\u200c',
  'zero-width joiner': '\u200d',
  'left-to-right mark': '\u200e',
  'right-to-left embedding': '\u202b',
  'pop directional formatting': '\u202c',
  'first strong isolate': '\u2068',
  'word joiner': '\u2060',
  'byte-order mark': '\ufeff',
  'variation selector 16': '\ufe0f',
  'combining grapheme joiner': '\u034f',
  'Arabic letter mark': '\u061c',
};

describe('tokenize: text that only looks the same', () => {
  const clean = 'The regional government approved funding for the tram extension.';

  for (const [name, char] of Object.entries(INVISIBLE)) {
    it(`ignores the ${name} inside and between words, keeping offsets into the original`, () => {
      const disguised = `The regio${char}nal govern${char}ment ${char}approved fun${char}ding for the tram exten${char}sion.${char}`;
      expect(ids(disguised)).toEqual(ids(clean));
      const sliced = words(disguised);
      expect(sliced[1]).toBe(`regio${char}nal`);
      expect(sliced[sliced.length - 1]).toBe(`exten${char}sion`);
    });
  }

  it('ignores Arabic tatweel (kashida) however many stretch a word', () => {
    const plain = 'أعلنت الحكومة عن مشروع جديد لتحلية المياه';
    const stretched = 'أعلـــنت الحكـومة عن مشـــروع جديـد لتحليـة المـياه';
    expect(ids(stretched)).toEqual(ids(plain));
    expect(words(stretched)[0]).toBe('أعلـــنت');
  });

  it('ignores the invisible characters in a non-Latin word too', () => {
    expect(ids('Но\u00adвости\u200b дня')).toEqual(ids('Новости дня'));
  });

  it('reads Cyrillic and Greek look-alike letters inside Latin words as Latin', () => {
    // Cyrillic а, е, о, р, с; Greek Ρ (Rho), ο (omicron); a word wholly in look-alikes.
    const disguised = 'Тhе Ρresident sаid the соmpany would ехpand, а spokesmаn for Aсme tοld reporters.';
    const plain = 'The President said the company would expand, a spokesman for Acme told reporters.';
    expect(ids(disguised)).toEqual(ids(plain));
    const tokens = tokenize(disguised);
    expect(tokens.flags[1] & TokenFlag.Capitalized).toBeTruthy();
  });

  it('keeps Russian and Greek words apart from each other (the look-alike mapping is one-to-one per script)', () => {
    const russian = ids('кот код кто рот сок мех');
    expect(new Set(russian).size).toBe(russian.length);
    const greek = ids('κόσμος καιρός μέρα νύχτα');
    expect(new Set(greek).size).toBe(greek.length);
    expect(ids('Новости')).toEqual(ids('новости'));
  });

  it('joins a word hyphenated across a line break, as in text from print', () => {
    const printed = 'The government has app-\nroved funding for an exten-\n  sion of the network.';
    expect(ids(printed)).toEqual(ids('The government has approved funding for an extension of the network.'));
    expect(words(printed)).toContain('app-\nroved');
    expect(words(printed)).toContain('exten-\n  sion');
  });

  it('joins it when the line break became a space', () => {
    expect(ids('clea- ring the way for the exten- sion')).toEqual(ids('clearing the way for the extension'));
  });

  it('keeps ordinary hyphens, suspended hyphens, numbers, capitals and paragraph ends apart', () => {
    expect(words('a well-known man')).toEqual(['a', 'well', 'known', 'man']);
    expect(words('pre- and post-war')).toEqual(['pre', 'and', 'post', 'war']);
    expect(words('Ein- und Ausgang')).toEqual(['Ein', 'und', 'Ausgang']);
    expect(words('in 2019-\n2020')).toEqual(['in', '2019', '2020']);
    expect(words('the Anglo-\nSaxon kings')).toEqual(['the', 'Anglo', 'Saxon', 'kings']);
    expect(words('it ended-\n\nthen it')).toEqual(['it', 'ended', 'then', 'it']);
    expect(words('a pause - then more')).toEqual(['a', 'pause', 'then', 'more']);
  });

  it('normalizes whole texts the same way for equality checks', () => {
    expect(normalizeText('соm\u00adpany\u200b')).toBe(normalizeText('company'));
  });

  it('lets the library search find words written with invisible characters', () => {
    expect(searchWords('Tram', 'the exten\u00adsion of the Harwick\u200b network')).toEqual(
      searchWords('Tram', 'the extension of the Harwick network'),
    );
    expect(queryWords('ex\u00adtension')).toEqual(['extension']);
  });
});

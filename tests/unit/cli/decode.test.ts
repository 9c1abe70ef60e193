import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeBytes } from '../../../lib/cli/decode';

const latin1 = (text: string) => Uint8Array.from(Array.from(text, (char) => char.charCodeAt(0)));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeBytes', () => {
  it('reads valid UTF-8 as UTF-8 even when the page declares another charset', () => {
    const page = '<meta charset="iso-8859-1"><p>Café — “quoted” 東京</p>';
    expect(decodeBytes(utf8(page), { html: true })).toBe(page);
  });

  it('falls back to the declared charset when the bytes are not UTF-8', () => {
    const bytes = latin1('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2"><p>\xb1</p>');
    expect(decodeBytes(bytes, { html: true })).toContain('<p>ą</p>');
  });

  it('falls back to windows-1252 when the page declares UTF-8 but the bytes are not', () => {
    const bytes = latin1('<meta charset="utf-8"><p>\x93Caf\xe9\x94 \x96 na\xefve</p>');
    expect(decodeBytes(bytes, { html: true })).toContain('<p>“Café” – naïve</p>');
  });

  it('falls back to windows-1252 for an unknown declared charset and for non-UTF-8 text files', () => {
    expect(decodeBytes(latin1('<meta charset="x-made-up"><p>caf\xe9</p>'), { html: true })).toContain('café');
    expect(decodeBytes(latin1('<meta charset="iso-8859-2">caf\xb1'), { html: false })).toBe('<meta charset="iso-8859-2">caf±');
  });

  it('reads a UTF-8 page with a few stray windows-1252 bytes as UTF-8, and only those bytes as windows-1252', () => {
    const article = utf8('<p>It’s “news” – café</p>');
    const footer = latin1('<p>\xa9 2008 Caf\xe9</p>');
    const bytes = Uint8Array.from([...article, ...footer]);
    expect(decodeBytes(bytes, { html: true })).toBe('<p>It’s “news” – café</p><p>© 2008 Café</p>');
  });

  it('reads a windows-1252 page as windows-1252 even when two of its characters happen to form a UTF-8 sequence', () => {
    // "É" then a no-break space is also the UTF-8 encoding of "ɠ"; the page's other accents are not UTF-8.
    const bytes = latin1('<p>L\x27\xc9T\xc9\xa0! Caf\xe9, na\xefve, r\xe9sum\xe9</p>');
    expect(decodeBytes(bytes, { html: true })).toBe('<p>L\x27ÉTÉ\xa0! Café, naïve, résumé</p>');
  });

  it('honours a UTF-16 byte-order mark and drops a UTF-8 one', () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]);
    expect(decodeBytes(utf16, { html: false })).toBe('Hi');
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x48, 0x69]), { html: false })).toBe('Hi');
  });
});

describe('declaredCharset', () => {
  it('finds <meta charset> and http-equiv declarations, lower-cased', () => {
    expect(declaredCharset(utf8('<META CHARSET=Windows-1251>'))).toBe('windows-1251');
    expect(declaredCharset(utf8(`<meta http-equiv='content-type' content='text/html;charset=Shift_JIS'>`))).toBe('shift_jis');
    expect(declaredCharset(utf8('<p>no declaration</p>'))).toBeUndefined();
  });
});

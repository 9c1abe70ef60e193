import { describe, expect, it } from 'vitest';
import {
  formatLibraryLine,
  LibraryFormatError,
  MAX_LIBRARY_LINE_CHARS,
  parseLibraryLine,
  parseLibraryText,
} from '../../../lib/library/format';

const where = { file: 'lib.ndjson', line: 7 };

function errorOf(run: () => unknown): LibraryFormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof LibraryFormatError) return error;
    throw error;
  }
  throw new Error('expected a LibraryFormatError');
}

describe('parseLibraryLine', () => {
  it('reads the required and optional fields', () => {
    const line = JSON.stringify({
      id: 'a1',
      title: 'A title',
      url: 'https://example.invalid/a1',
      publishedAt: '2025-10-27T08:00:00Z',
      text: 'First.\n\nSecond.',
    });
    expect(parseLibraryLine(line, where)).toEqual({
      id: 'a1',
      title: 'A title',
      url: 'https://example.invalid/a1',
      publishedAt: '2025-10-27T08:00:00Z',
      text: 'First.\n\nSecond.',
    });
  });

  it('treats null and empty optional fields as absent and ignores unknown keys', () => {
    const parsed = parseLibraryLine('{"id":"x","text":"t","title":null,"url":"","extra":[1,2]}', where);
    expect(parsed).toEqual({ id: 'x', text: 't' });
  });

  it('names the file and line in every error', () => {
    const error = errorOf(() => parseLibraryLine('{"id": "x"}', where));
    expect(error.message).toBe('lib.ndjson:7: missing "text"');
    expect(error.file).toBe('lib.ndjson');
    expect(error.line).toBe(7);
  });

  it.each([
    ['not JSON', '{id: x}', /not valid JSON/],
    ['an array', '[{"id":"x","text":"t"}]', /expected a JSON object/],
    ['a string', '"hello"', /expected a JSON object/],
    ['null', 'null', /expected a JSON object/],
    ['a numeric id', '{"id": 3, "text": "t"}', /"id" must be a string, not a number/],
    ['an object text', '{"id": "x", "text": {"p": 1}}', /"text" must be a string, not an object/],
    ['an empty text', '{"id": "x", "text": "   "}', /"text" is empty/],
    ['a missing id', '{"text": "t"}', /missing "id"/],
    ['a numeric title', '{"id": "x", "text": "t", "title": 5}', /"title" must be a string/],
    ['an array date', '{"id": "x", "text": "t", "publishedAt": ["2025"]}', /"publishedAt" must be a string, not an array/],
  ])('rejects %s', (_label, line, message) => {
    expect(errorOf(() => parseLibraryLine(line, where)).reason).toMatch(message);
  });

  it('never lets __proto__ keys through or pollutes prototypes', () => {
    const parsed = parseLibraryLine('{"id":"x","text":"t","__proto__":{"polluted":true,"title":"evil"}}', where);
    expect(parsed).toEqual({ id: 'x', text: 't' });
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not take required fields from a __proto__ key', () => {
    const error = errorOf(() => parseLibraryLine('{"id":"x","__proto__":{"text":"t"}}', where));
    expect(error.reason).toBe('missing "text"');
  });

  it('rejects a huge line before parsing it', () => {
    const huge = `{"id":"x","text":"${'a'.repeat(MAX_LIBRARY_LINE_CHARS)}"}`;
    expect(errorOf(() => parseLibraryLine(huge, where)).reason).toMatch(/too long/);
  });

  it('turns absurdly deep nesting into a format error', () => {
    const deep = `{"id":"x","text":"t","n":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    // Either V8 parses it (and the extra key is ignored) or it overflows: never a crash.
    const outcome = (() => {
      try {
        return parseLibraryLine(deep, where);
      } catch (error) {
        return error;
      }
    })();
    if (outcome instanceof Error) expect(outcome).toBeInstanceOf(LibraryFormatError);
    else expect(outcome).toEqual({ id: 'x', text: 't' });
  });

  it('accepts a byte-order mark at the start of the first line', () => {
    expect(parseLibraryLine('\uFEFF{"id":"x","text":"t"}', where)).toEqual({ id: 'x', text: 't' });
  });
});

describe('parseLibraryText', () => {
  it('skips blank lines, handles CRLF, and counts lines from 1', () => {
    const content = '{"id":"a","text":"1"}\r\n\r\n{"id":"b","text":"2"}\n';
    expect(parseLibraryText(content, 'f').map((line) => line.id)).toEqual(['a', 'b']);
    const error = errorOf(() => parseLibraryText('{"id":"a","text":"1"}\n\n{"id":"b"}\n', 'f.ndjson'));
    expect(error.message).toBe('f.ndjson:3: missing "text"');
  });
});

describe('formatLibraryLine', () => {
  it('round-trips through the parser and writes only library fields, in a fixed order', () => {
    const entry = {
      id: 'e"1',
      title: 'Quotes " and \\ and\nnewline',
      publishedAt: '2004-05-01',
      text: 'Para one\u2028with a line separator.\n\nPara two — “curly”.',
      origin: 'seed',
      addedAt: '2025-01-01T00:00:00Z',
    };
    const line = formatLibraryLine(entry);
    expect(line).not.toContain('\n');
    expect(Object.keys(JSON.parse(line))).toEqual(['id', 'title', 'publishedAt', 'text']);
    expect(parseLibraryLine(line, where)).toEqual({
      id: entry.id,
      title: entry.title,
      publishedAt: entry.publishedAt,
      text: entry.text,
    });
  });
});

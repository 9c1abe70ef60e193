import { describe, expect, it } from 'vitest';
import { parseScanArgs, UsageError } from '../../../lib/cli/args';

describe('parseScanArgs', () => {
  it('reads repeated libraries, flags and inputs in any order, keeping inputs exactly as given', () => {
    expect(parseScanArgs(['--json', 'a.html', '--library', 'one.ndjson', '--no-seed', './b.txt', '--library=two.ndjson', '-'])).toEqual({
      libraries: ['one.ndjson', 'two.ndjson'],
      packs: [],
      seed: false,
      json: true,
      inputs: ['a.html', './b.txt', '-'],
      help: false,
    });
  });

  it('defaults to the seed corpus and the readable report', () => {
    expect(parseScanArgs(['x.txt'])).toMatchObject({ seed: true, json: false, libraries: [] });
  });

  it('treats everything after -- as inputs, even names that look like options', () => {
    expect(parseScanArgs(['--', '--json', '-x.html']).inputs).toEqual(['--json', '-x.html']);
  });

  it.each([
    [[], /no INPUT/],
    [['--library'], /--library needs a file name/],
    [['--library='], /--library needs a file name/],
    [['--jsn', 'a.html'], /unknown option --jsn/],
    [['-', '-'], /standard input/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseScanArgs(argv)).toThrow(UsageError);
    expect(() => parseScanArgs(argv)).toThrow(message);
  });

  it('accepts --help without inputs', () => {
    expect(parseScanArgs(['--help']).help).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { boilerplateMask } from '../../../lib/core/boilerplate';
import { compare } from '../../../lib/core/engine';
import { tokenize } from '../../../lib/core/tokenize';

/** The words of `text` that the mask marks as boilerplate. */
function marked(text: string): string[] {
  const tokens = tokenize(text);
  const mask = boilerplateMask(text, tokens);
  return Array.from({ length: tokens.count }, (_, i) => i)
    .filter((i) => mask[i])
    .map((i) => text.slice(tokens.starts[i], tokens.ends[i]));
}

const story = (n: number) =>
  Array.from({ length: n }, (_, i) => `The harbour board met for the ${i + 1}th time this season to discuss dredging plans.`).join(' ');

describe('boilerplate', () => {
  it('marks wire credit lines, copyright notices and press-release footers', () => {
    const text = [
      story(3),
      'Reporting by Jane Doe; Editing by John Roe',
      '© 2024 Example News. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
      'About Acme Corp',
      'Acme makes harbour cranes in twelve countries.',
      'Media contact: press@acme.invalid',
    ].join('\n\n');
    const words = marked(text);
    expect(words).toContain('Reporting');
    expect(words).toContain('redistributed');
    expect(words).toContain('cranes');
    expect(words).not.toContain('dredging');
  });

  it('keeps an article about copyright that is not a notice', () => {
    const text = `${story(12)} Lawyers argued that copyright law should not cover dredging charts at all.`;
    expect(marked(text)).toEqual([]);
  });

  it('marks a long paragraph only from the sentence where legal text starts', () => {
    const text = `${story(12)} Statements on this website may constitute forward-looking statements and are subject to risks.`;
    const words = marked(text);
    expect(words[0]).toBe('Statements');
    expect(words).not.toContain('harbour');
  });

  it('does not let shared boilerplate alone make two articles copies', () => {
    const footer = [
      'Reporting by Jane Doe; Editing by John Roe',
      '© 2024 Example News. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
      'Forward-looking statements: this release contains forward-looking statements within the meaning of the safe harbor provisions, which involve risks and uncertainties that could cause actual results to differ materially from those expressed or implied, including market conditions, competition, regulation and other factors described in our filings with the securities regulators from time to time.',
    ].join('\n\n');
    const a = `The city library will extend its opening hours from next month, the council said on Monday, after a survey found strong demand for evening visits among students and workers.\n\n${footer}`;
    const b = `A regional airline cancelled twelve flights on Friday because of a strike by ground staff, leaving hundreds of passengers stranded at three airports across the north.\n\n${footer}`;
    expect(compare({ id: 'a', text: a }, { id: 'b', text: b })).toBeNull();
  });
});

/**
 * Boilerplate the project writes itself, in the shapes the contract names: wire credit lines,
 * copyright and redistribution notices, and a press release's "About" block with its
 * forward-looking-statement and media-contact lines. Library entries carry these as published;
 * hard negatives carry the same paragraphs around unrelated text.
 */
import type { SeededRandom } from './quality-prng';

const REPORTERS = ['Anna Keller', 'Rahul Mehta', 'Sofia Lindqvist', 'Tom Hardwick', 'Li Wei', 'Maria Gonzalez', 'David Osei', 'Hannah Brooks'];
const CITIES = ['London', 'New York', 'Singapore', 'Frankfurt', 'Tokyo', 'Washington'];
const COMPANIES = ['Northwind Analytics', 'Bluefield Energy', 'Corvid Therapeutics', 'Helix Logistics', 'Quarry Point Software'];

const WIRE_COPYRIGHT =
  '© 2015 Thomson Reuters. All rights reserved. Users may download and print extracts of content from this website for their own personal and non-commercial use only. Republication or redistribution of Thomson Reuters content, including by framing or similar means, is expressly prohibited without the prior written consent of Thomson Reuters.';

const FORWARD_LOOKING =
  'This press release contains forward-looking statements within the meaning of Section 27A of the Securities Act of 1933 and Section 21E of the Securities Exchange Act of 1934. These statements are based on current expectations and assumptions and are subject to risks and uncertainties that could cause actual results to differ materially from those expressed or implied, including market conditions, competition, regulatory developments and other factors described in the company’s filings with the Securities and Exchange Commission. The company undertakes no obligation to update any forward-looking statement, except as required by law.';

export type BoilerplateStyle = 'wire' | 'press-release';

/** Paragraphs to append to an article, as a wire service or a press release would end it. */
export function boilerplateParagraphs(style: BoilerplateStyle, random: SeededRandom): string[] {
  if (style === 'wire') {
    const [a, b, c] = random.shuffle(REPORTERS);
    return [`(Reporting by ${a} in ${random.pick(CITIES)}; Additional reporting by ${b}; Editing by ${c})`, WIRE_COPYRIGHT];
  }
  const company = random.pick(COMPANIES);
  return [
    `About ${company}`,
    `${company} is a leading provider of technology and services to customers in more than 40 countries. For more information, visit the company’s website.`,
    'Forward-Looking Statements',
    FORWARD_LOOKING,
    `Media Contact: ${random.pick(REPORTERS)}, ${company}, +1 555 0100, press@${company.toLowerCase().replace(/\s+/g, '')}.example`,
  ];
}

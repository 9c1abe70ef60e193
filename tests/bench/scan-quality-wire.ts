/**
 * 1987-style formulaic wire items for the scan benchmark: quarterly earnings tables
 * ("Shr 12 cts vs 15 cts / Net 1,200,000 vs 980,000 / Revs 14.5 mln vs 12.1 mln") and dividend
 * notices, for many invented companies. Such items share nearly all their words with each other,
 * so a library full of them is where "another company's figures in the same template" (not
 * reuse, says the contract) is hardest to tell from a copy.
 */
import type { BenchCase } from './cases-types';
import type { SeededRandom } from './quality-prng';

export interface WireItem {
  id: string;
  title: string;
  text: string;
  publishedAt: string;
  /** The company the item reports on, so that negatives can pick another one. */
  company: string;
}

const NAME_HEADS = ['Allied', 'Consolidated', 'First', 'American', 'United', 'Pacific', 'Northern', 'Southwest', 'Citizens', 'Continental', 'General', 'National', 'Standard', 'Midland', 'Eastern', 'Western', 'Atlantic', 'Central', 'Great Lakes', 'Tri-State'];
const NAME_TAILS = ['Bancorp', 'Industries', 'Resources', 'Savings Bank', 'Electronics', 'Realty Trust', 'Instruments', 'Foods', 'Petroleum', 'Utilities', 'Financial Corp', 'Manufacturing Co', 'Communications', 'Mining', 'Stores Inc', 'Chemical Co', 'Systems Inc', 'Airlines', 'Gas Co', 'Insurance Group'];
const QUARTERS = ['1ST QTR', '2ND QTR', '3RD QTR', '4TH QTR'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A distinct company name with its ticker, e.g. "Allied Foods Inc <ALFD>". */
function companies(random: SeededRandom, count: number): Array<{ name: string; ticker: string }> {
  const all = NAME_HEADS.flatMap((head) => NAME_TAILS.map((tail) => `${head} ${tail}`));
  return random.shuffle(all).slice(0, count).map((name) => {
    const letters = name.replace(/[^A-Z]/g, '');
    const ticker = (letters + name.replace(/[^a-z]/g, '').toUpperCase()).slice(0, 4);
    return { name, ticker };
  });
}

function cents(random: SeededRandom): string {
  return random.next() < 0.15 ? `loss ${random.int(1, 60)} cts` : `${random.int(2, 190)} cts`;
}

/** A dollar figure as the wires wrote it: "980,000", "1,234,000" or "12.4 mln". */
function dollars(random: SeededRandom): string {
  if (random.next() < 0.4) return `${random.int(120, 990)},${String(random.int(0, 99) * 10).padStart(3, '0')}`;
  return `${random.int(1, 250)}.${random.int(0, 9)} mln`;
}

function earningsLines(random: SeededRandom): string[] {
  const lines = [`Shr ${cents(random)} vs ${cents(random)}`, `Net ${dollars(random)} vs ${dollars(random)}`, `Revs ${dollars(random)} vs ${dollars(random)}`];
  if (random.next() < 0.4) lines.push(`Avg shrs ${random.int(1, 40)},${random.int(100, 999)},000 vs ${random.int(1, 40)},${random.int(100, 999)},000`);
  return lines;
}

/** An earnings table: one quarter, often a year-to-date block and a note, then "Reuter". */
function earningsItem(company: { name: string; ticker: string }, random: SeededRandom): Omit<WireItem, 'id' | 'publishedAt' | 'company'> {
  const quarter = random.pick(QUARTERS);
  const lines = [...earningsLines(random)];
  if (quarter !== '1ST QTR' && random.next() < 0.7) lines.push(quarter === '4TH QTR' ? 'Year' : random.pick(['Nine mths', 'Six mths']), ...earningsLines(random));
  if (random.next() < 0.3) lines.push(`NOTE: ${random.pick(['Net includes tax credits of', 'Prior year net includes gain on sale of', 'Net excludes extraordinary charge of'])} ${dollars(random)}.`);
  lines.push('Reuter');
  return { title: `${company.name.toUpperCase()} <${company.ticker}> ${quarter} NET`, text: layout(lines, random) };
}

/** A dividend notice: the terse table, or the one-sentence wire form. */
function dividendItem(company: { name: string; ticker: string }, random: SeededRandom): Omit<WireItem, 'id' | 'publishedAt' | 'company'> {
  const amount = `${random.int(2, 90)} cts`;
  const prior = random.next() < 0.6 ? amount : `${random.int(2, 90)} cts`;
  const pay = `${random.pick(MONTHS)} ${random.int(1, 28)}`;
  const record = `${random.pick(MONTHS)} ${random.int(1, 28)}`;
  const title = `${company.name.toUpperCase()} <${company.ticker}> ${random.pick(['SETS QUARTERLY', 'DECLARES DIVIDEND', 'RAISES DIVIDEND', 'REGULAR DIVIDEND SET'])}`;
  const lines =
    random.next() < 0.5
      ? [`Qtly div ${amount} vs ${prior} prior`, `Pay ${pay}`, `Record ${record}`, 'Reuter']
      : [
          `${company.name} said its board declared a quarterly dividend of ${amount} per share, payable ${pay} to shareholders of record ${record}.`,
          `The company paid ${prior} per share in the previous quarter.`,
          'Reuter',
        ];
  return { title, text: layout(lines, random) };
}

/** The library stores some items one line per paragraph, others as one block of lines. */
function layout(lines: string[], random: SeededRandom): string {
  return lines.join(random.next() < 0.5 ? '\n\n' : '\n');
}

/** `count` items, earnings tables and dividend notices for distinct companies (a few companies report twice). */
export function wireItems(random: SeededRandom, count: number, idPrefix: string): WireItem[] {
  const pool = companies(random, Math.min(count, NAME_HEADS.length * NAME_TAILS.length));
  return Array.from({ length: count }, (_, index) => {
    const company = pool[index % pool.length];
    const item = random.next() < 0.65 ? earningsItem(company, random) : dividendItem(company, random);
    const publishedAt = `1987-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}T${String(random.int(8, 18)).padStart(2, '0')}:00:00Z`;
    return { id: `${idPrefix}-${index}`, ...item, publishedAt, company: company.name };
  });
}

/** Another item in the same template as `item` but for another company's figures (a hard negative). */
export function sameTemplateOtherFigures(item: WireItem, others: readonly WireItem[], random: SeededRandom): WireItem {
  const other = random.pick(others.filter((o) => o.company !== item.company));
  const company = { name: other.company, ticker: other.title.match(/<(\w+)>/)?.[1] ?? 'XXXX' };
  const made = item.title.endsWith(' NET') ? earningsItem(company, random) : dividendItem(company, random);
  return { ...made, id: `${item.id}-other`, publishedAt: item.publishedAt, company: company.name };
}

/** The item as a page would carry it: headline, then one line per paragraph. */
function asQuery(item: WireItem, id: string): BenchCase['query'] {
  return { id, title: item.title, text: [item.title, ...item.text.split(/\n+/)].join('\n\n') };
}

/**
 * Wire cases: verbatim copies of library items (positives) and items in the same template with
 * another company's figures, not in the library (negatives the contract names explicitly).
 */
export function wireCases(library: readonly WireItem[], random: SeededRandom, copies: number, otherFigures: number): BenchCase[] {
  const picked = random.shuffle(library);
  const positives = picked.slice(0, copies).map((item, i): BenchCase => ({
    id: `wire-copy-${i}`,
    group: 'verbatim',
    variant: item.title.endsWith(' NET') ? 'wire-earnings-copy' : 'wire-dividend-copy',
    query: asQuery(item, `wire-copy-${i}`),
    expected: { sourceId: item.id, kind: 'verbatim', direction: 'copies', alsoAllowed: [] },
  }));
  const negatives = picked.slice(copies, copies + otherFigures).map((item, i): BenchCase => {
    const other = sameTemplateOtherFigures(item, library, random);
    return {
      id: `wire-other-${i}`,
      group: 'negative',
      variant: item.title.endsWith(' NET') ? 'wire-earnings-other-company' : 'wire-dividend-other-company',
      query: asQuery(other, `wire-other-${i}`),
    };
  });
  return [...positives, ...negatives];
}

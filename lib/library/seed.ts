/**
 * The seed corpus (public/corpus/*.txt): five real news texts the library starts with.
 * Shared by the background (which bundles the files) and the scan command (which reads them
 * from disk), so both see the same entries with the same ids.
 */
import type { LibraryEntry } from './types';

interface SeedMeta {
  title: string;
  source: string;
}

/** Titles are written by hand: the seed files carry no usable headline line. */
const SEED_META: Record<string, SeedMeta> = {
  '000_95ad2f67165849f2': {
    title: 'Putin obtained North Korea’s high diplomat as Russian forces push in japanese Ukraine',
    source: 'Seed corpus: content-farm copy',
  },
  '001_cc22b293874e3bba': {
    title: 'Putin receives North Korea’s top diplomat as Russian forces push in eastern Ukraine',
    source: 'Seed corpus: original report',
  },
  '002_dd21d444d1702e34': {
    title: 'Ukraine live briefing: Putin accepts ‘with gratitude’ Kim’s invitation to visit North Korea',
    source: 'Seed corpus: scraped live briefing',
  },
  '003_e369f577ba0dc636': {
    title: 'Top Russian diplomat meets North Korea’s Kim Jong Un as Pyongyang is pulled deeper into Ukraine war',
    source: 'Seed corpus: aggregator wire story',
  },
  '004_b256024bd02d06b7': {
    title: 'Diplomacy Watch: Ukraine and its allies reel as war intensifies',
    source: 'Seed corpus: rewritten roundup',
  },
};

/** Seed id from a corpus file name: the name without `.txt`. */
export function seedIdFromFileName(fileName: string): string {
  return fileName.replace(/^.*\//, '').replace(/\.txt$/, '');
}

/** The seed files hold one paragraph per line; the library format separates paragraphs by a blank line. */
export function seedTextFromFile(content: string): string {
  return content
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n\n');
}

/** A library entry for one seed file. */
export function seedEntry(fileName: string, content: string, addedAt: string): LibraryEntry {
  const id = seedIdFromFileName(fileName);
  const meta = SEED_META[id];
  if (!meta) throw new Error(`Unknown seed file: ${fileName}`);
  return { id, title: meta.title, source: meta.source, addedAt, origin: 'seed', text: seedTextFromFile(content) };
}

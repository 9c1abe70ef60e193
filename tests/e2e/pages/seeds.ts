/** The seed corpus as the e2e pages carry it: each seed's library entry, read from public/corpus. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedEntry } from '../../../lib/library/seed';
import type { LibraryEntry } from '../../../lib/library/types';

const CORPUS_DIR = join(import.meta.dirname, '../../../public/corpus');

/** The seed whose file name starts with `number` ('000' … '004'). */
export function seed(number: string): LibraryEntry {
  const file = readdirSync(CORPUS_DIR).find((name) => name.startsWith(`${number}_`));
  if (!file) throw new Error(`No seed ${number} in ${CORPUS_DIR}`);
  return seedEntry(file, readFileSync(join(CORPUS_DIR, file), 'utf8'), '');
}

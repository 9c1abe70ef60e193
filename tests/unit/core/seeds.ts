/** The seed corpus as library entries, read from public/corpus the way the scan command reads it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedEntry } from '../../../lib/library/seed';
import type { SourceText } from '../../../lib/core/types';

const CORPUS = fileURLToPath(new URL('../../../public/corpus', import.meta.url));

export function loadSeeds(): SourceText[] {
  return readdirSync(CORPUS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => seedEntry(name, readFileSync(join(CORPUS, name), 'utf8'), '2025-01-01T00:00:00Z'));
}

export const SPUN = '000_95ad2f67165849f2';
export const ORIGINAL = '001_cc22b293874e3bba';
export const INDEPENDENT = ['002_dd21d444d1702e34', '003_e369f577ba0dc636', '004_b256024bd02d06b7'];

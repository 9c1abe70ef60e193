/**
 * The baseline the engine is measured against (bench:engine and bench:quality): word 5-gram
 * MinHash with LSH banding, from the npm package `minhash` (Broder 1997; the textreuse /
 * datasketch recipe). Same shape as the engine: add articles, then match a page → matches
 * with a kind. A near-duplicate detector has no notion of spinning or of passages: it calls
 * a pair `verbatim` above VERBATIM_JACCARD and `partial` above PARTIAL_JACCARD.
 */
import { LshIndex, Minhash } from 'minhash';
import type { MatchKind, SourceText } from '../../lib/core/types';

/** 128 permutations in 32 bands of 4 rows: LSH threshold ≈ (1/32)^(1/4) ≈ 0.42 Jaccard. */
const NUM_PERM = 128;
const BAND_SIZE = 4;
const SHINGLE_WORDS = 5;
export const VERBATIM_JACCARD = 0.75;
export const PARTIAL_JACCARD = 0.2;

export interface BaselineMatch {
  id: string;
  kind: MatchKind;
  /** Estimated Jaccard similarity of the word 5-gram sets. */
  score: number;
}

function shingles(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.push(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return out;
}

/** The package's signature of a text. Its `update` rehashes the string once per permutation; hashing once is the same result. */
export function signature(text: string): Minhash {
  const minhash = new Minhash({ numPerm: NUM_PERM });
  const hashOnce = minhash.hash.bind(minhash);
  let lastText = '';
  let lastHash = 0;
  minhash.hash = (value: string) => {
    if (value !== lastText) {
      lastText = value;
      lastHash = hashOnce(value);
    }
    return lastHash;
  };
  for (const shingle of new Set(shingles(text))) minhash.update(shingle);
  return minhash;
}

export class MinHashBaseline {
  private readonly lsh = new LshIndex({ bandSize: BAND_SIZE });
  private readonly signatures = new Map<string, Float64Array>();

  get size(): number {
    return this.signatures.size;
  }

  add(doc: SourceText): void {
    const minhash = signature(doc.text);
    this.lsh.insert(doc.id, minhash);
    this.signatures.set(doc.id, Float64Array.from(minhash.hashvalues));
  }

  /** Candidates sharing an LSH band, with their estimated Jaccard, best first. */
  match(page: SourceText): BaselineMatch[] {
    const minhash = signature(page.text);
    const candidates = new Set<string>();
    // The package's own `query` throws on a band it has never seen: look the bands up here.
    for (const band of this.lsh.getHashbands(minhash)) {
      for (const id of this.lsh.index[band] ?? []) candidates.add(id);
    }
    const matches: BaselineMatch[] = [];
    for (const id of candidates) {
      const stored = this.signatures.get(id)!;
      let same = 0;
      for (let i = 0; i < NUM_PERM; i++) same += stored[i] === minhash.hashvalues[i] ? 1 : 0;
      const score = same / NUM_PERM;
      if (score >= PARTIAL_JACCARD) matches.push({ id, kind: score >= VERBATIM_JACCARD ? 'verbatim' : 'partial', score });
    }
    return matches.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  }
}

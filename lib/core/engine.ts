/**
 * The engine's facade: index library articles (from text or from stored fingerprints),
 * retrieve candidates for a page through the inverted index, then align, measure and
 * classify each strong candidate. Pure TypeScript: the extension, the scan command and the
 * benchmarks all run this very code.
 */
import { align } from './align';
import { boilerplateMask, libraryCommonMask } from './boilerplate';
import { captionMask } from './captions';
import { classify } from './classify';
import { compareDates, decideDirection } from './direction';
import { fingerprintText, fingerprintTokens, type Fingerprint } from './fingerprint';
import { FingerprintIndex, type IndexSnapshot } from './index';
import { measure } from './measure';
import { tuningForSensitivity, type SensitivityByKind } from './sensitivity';
import { summarizeSubstitutions } from './substitutions';
import { tokenize, type Tokens } from './tokenize';
import { FINGERPRINT, INDEX_VERSION, resolveTuning, type Tuning } from './tuning';
import type { Match, Passage, SourceText } from './types';

/** Per-request choices of Engine.match. */
export interface MatchOptions {
  /** Level per kind of copy (see sensitivity.ts); a kind left out is `normal`. */
  sensitivity?: Partial<SensitivityByKind>;
}

/** A text tokenized once, with its boilerplate and caption masks: reused across the candidates of a page. */
interface Prepared {
  doc: SourceText;
  tokens: Tokens;
  boilerplate: Uint8Array;
  captions: Uint8Array;
}

/** `isCommon`: hashes many library articles hold; their paragraphs count as boilerplate too. */
function prepare(doc: SourceText, isCommon?: (hash: number) => boolean): Prepared {
  const tokens = tokenize(doc.text);
  const boilerplate = boilerplateMask(doc.text, tokens);
  if (isCommon) {
    const common = libraryCommonMask(tokens, isCommon);
    for (let i = 0; i < tokens.count; i++) boilerplate[i] |= common[i];
  }
  return { doc, tokens, boilerplate, captions: captionMask(doc.text, tokens) };
}

export class Engine {
  private readonly tuning: Tuning;
  private readonly index = new FingerprintIndex();

  constructor(tuning?: Partial<Tuning>) {
    this.tuning = resolveTuning(tuning);
  }

  /** Index a library article; returns its fingerprint so callers can store it. */
  add(doc: SourceText): Fingerprint {
    const fingerprint = fingerprintText(doc.text);
    this.addFingerprint(doc.id, fingerprint);
    return fingerprint;
  }

  /** Index from a stored fingerprint (no text kept in memory: the library may hold 100k; the
   *  article's date comes with its text from `match`'s `load`). */
  addFingerprint(id: string, fp: Fingerprint): void {
    if (fp.v !== INDEX_VERSION) {
      throw new Error(`Fingerprint of "${id}" has version ${fp.v}, the engine needs ${INDEX_VERSION}: recompute it`);
    }
    // Hashes are ascending, so the first ones are a bottom-k sample that every text agrees on.
    this.index.add(id, fp.hashes.slice(0, FINGERPRINT.maxPerDocument));
  }

  remove(id: string): void {
    this.index.remove(id);
  }

  clear(): void {
    this.index.clear();
  }

  /** The index as plain data, to keep it across restarts (see FingerprintIndex.toSnapshot). */
  snapshot(): IndexSnapshot {
    return this.index.toSnapshot();
  }

  /** Replaces the index with a snapshot's; throws (index unchanged) when it is corrupt. */
  restore(snapshot: IndexSnapshot): void {
    this.index.restore(snapshot);
  }

  get size(): number {
    return this.index.size;
  }

  /** Bytes held by the inverted index (for the benchmark). */
  get indexBytes(): number {
    return this.index.byteLength;
  }

  /**
   * Find, align and classify library articles the page reuses or is reused by. Best first.
   * `load` gives a candidate's text and date (from memory in the CLI, from IndexedDB in the extension).
   * `options.sensitivity` moves each kind's thresholds; retrieval stays the same.
   */
  async match(
    page: SourceText,
    load: (id: string) => SourceText | undefined | Promise<SourceText | undefined>,
    pageFingerprint?: Fingerprint,
    options: MatchOptions = {},
  ): Promise<Match[]> {
    const thresholds = tuningForSensitivity(this.tuning, options.sensitivity);
    const common = { maxDocs: this.tuning.commonHashMaxDocs, maxShare: this.tuning.commonHashMaxShare };
    const isCommon = (hash: number) => this.index.isCommon(hash, common);
    const prepared = prepare(page, isCommon);
    const hashes =
      pageFingerprint && pageFingerprint.v === INDEX_VERSION ? pageFingerprint.hashes : fingerprintTokens(prepared.tokens);
    const candidates = this.index.candidates(hashes, {
      ...common,
      minShared: this.tuning.minSharedHashes,
      limit: this.tuning.maxCandidates,
    });
    // All candidates asked for at once: an IndexedDB-backed `load` reads them side by side
    // instead of one round trip after another.
    const sources = await Promise.all(candidates.map((candidate) => load(candidate.id)));
    const matches: Match[] = [];
    for (const [i, candidate] of candidates.entries()) {
      const source = sources[i];
      if (!source) continue;
      const match = comparePrepared(prepared, prepare({ ...source, id: candidate.id }, isCommon), this.tuning, thresholds);
      if (match) matches.push(match);
    }
    // Stable sort: equal scores keep the index's ranking.
    return matches.sort((a, b) => b.score - a.score);
  }
}

/** Align and classify one pair (used by match, tests and the popup's side-by-side view). */
export function compare(page: SourceText, source: SourceText, tuning?: Partial<Tuning>): Match | null {
  return comparePrepared(prepare(page), prepare(source), resolveTuning(tuning));
}

/**
 * `thresholds`: `tuning` as the request's sensitivity moved it; it decides what is reported
 * (measure, classify) but never how texts align or which way a copy goes.
 */
function comparePrepared(page: Prepared, source: Prepared, tuning: Tuning, thresholds: Tuning = tuning): Match | null {
  const passages = align(page.tokens, source.tokens, tuning);
  if (passages.length === 0) return null;
  const figures = measure(passages, page.tokens, page.boilerplate, source.tokens, source.boilerplate, source.captions, thresholds);
  const subs = summarizeSubstitutions(
    passages,
    page.tokens,
    page.doc.text,
    source.tokens,
    source.doc.text,
    tuning.maxSubstitutionWords,
  );
  const pageFirst = compareDates(page.doc.publishedAt, source.doc.publishedAt) < 0;
  const verdict = classify(figures, subs, thresholds, pageFirst);
  if (!verdict) return null;
  const direction = decideDirection(verdict.kind, subs, page.doc, source.doc, tuning);
  const passageOffsets: Passage[] = passages
    .map((p) => ({
      inputStart: page.tokens.starts[p.pageStart],
      inputEnd: page.tokens.ends[p.pageEnd - 1],
      sourceStart: source.tokens.starts[p.sourceStart],
      sourceEnd: source.tokens.ends[p.sourceEnd - 1],
    }))
    .sort((a, b) => a.inputStart - b.inputStart || a.sourceStart - b.sourceStart);
  return {
    id: source.doc.id,
    kind: verdict.kind,
    score: Math.round(verdict.score * 1000) / 1000,
    coverage: Math.round(figures.coverage * 1000) / 1000,
    sourceCoverage: Math.round(figures.sourceCoverage * 1000) / 1000,
    direction,
    reason: verdict.reason,
    substitutions: verdict.kind === 'partial' ? [] : subs.substitutions,
    passages: passageOffsets,
  };
}

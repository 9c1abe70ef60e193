/**
 * The evidence file for one match: both texts exactly as analysed, the shared passages and
 * swaps with their offsets, the verdict, both addresses and dates, when the page was checked,
 * the extension's and engine's versions, and a SHA-256 of each text, so that a reader can show
 * later what was found and that the texts were not changed. Pure: no browser API besides Web
 * Crypto (`crypto.subtle`, also in Node 20); nothing is sent anywhere.
 */
import { passageSwaps } from '../core/passage-words';
import type { Match } from '../core/types';
import type { LibraryEntry } from '../library/types';

export const EVIDENCE_FORMAT = 'recycled-news-evidence';
export const EVIDENCE_FORMAT_VERSION = 1;

export interface EvidenceInput {
  page: { url: string; title: string; siteName?: string; publishedAt?: string; text: string };
  /** The library article; `text` null when it has left the library since the check. */
  library: Pick<LibraryEntry, 'id' | 'title' | 'source' | 'url' | 'publishedAt' | 'origin'> & { text: string | null };
  match: Omit<Match, 'id'>;
  /** When the page was checked and when the file is made, epoch milliseconds. */
  checkedAt: number;
  exportedAt: number;
  versions: { extension: string; engineIndex: number };
}

/** A text as analysed, with its digest: SHA-256 of its UTF-8 bytes, lower-case hex. */
export interface EvidenceText {
  text: string;
  sha256: string;
  characters: number;
}

export interface Evidence {
  format: typeof EVIDENCE_FORMAT;
  formatVersion: typeof EVIDENCE_FORMAT_VERSION;
  /** ISO 8601, UTC. */
  checkedAt: string;
  exportedAt: string;
  software: { extension: string; engineIndexVersion: number };
  hashAlgorithm: 'SHA-256 of the UTF-8 bytes of text';
  verdict: Pick<Match, 'kind' | 'direction' | 'score' | 'coverage' | 'sourceCoverage' | 'reason'>;
  page: { url: string; title: string; siteName?: string; publishedAt?: string; analysed: EvidenceText };
  library: Pick<LibraryEntry, 'id' | 'title' | 'source' | 'url' | 'publishedAt' | 'origin'> & { analysed: EvidenceText | null };
  /** Character offsets, end exclusive: `page*` into page.analysed.text, `library*` into library.analysed.text. */
  passages: Array<{ pageStart: number; pageEnd: number; libraryStart: number; libraryEnd: number }>;
  /** The spinner's swaps as counted by the engine: `from` in the library article, `to` on the page. */
  substitutions: Match['substitutions'];
  /** Each swap in place, with its offsets (empty without the library text). */
  swaps: Array<{ pageStart: number; pageEnd: number; libraryStart: number; libraryEnd: number; page: string; library: string }>;
}

/** SHA-256 of the UTF-8 bytes of `text`, lower-case hex (Web Crypto). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function analysed(text: string): Promise<EvidenceText> {
  return { text, sha256: await sha256Hex(text), characters: text.length };
}

const iso = (epochMs: number) => new Date(epochMs).toISOString();

/** Builds the evidence record. Errors: none of its own (a RangeError only for an invalid date number). */
export async function buildEvidence(input: EvidenceInput): Promise<Evidence> {
  const { page, library, match } = input;
  const sourceText = library.text;
  const passages = match.passages.map((passage) => ({
    pageStart: passage.inputStart,
    pageEnd: passage.inputEnd,
    libraryStart: passage.sourceStart,
    libraryEnd: passage.sourceEnd,
  }));
  const swaps =
    sourceText === null
      ? []
      : match.passages.flatMap((passage) =>
          passageSwaps(page.text, sourceText, passage).map((swap) => ({
            pageStart: swap.pageStart,
            pageEnd: swap.pageEnd,
            libraryStart: swap.sourceStart,
            libraryEnd: swap.sourceEnd,
            page: page.text.slice(swap.pageStart, swap.pageEnd),
            library: sourceText.slice(swap.sourceStart, swap.sourceEnd),
          })),
        );
  return {
    format: EVIDENCE_FORMAT,
    formatVersion: EVIDENCE_FORMAT_VERSION,
    checkedAt: iso(input.checkedAt),
    exportedAt: iso(input.exportedAt),
    software: { extension: input.versions.extension, engineIndexVersion: input.versions.engineIndex },
    hashAlgorithm: 'SHA-256 of the UTF-8 bytes of text',
    verdict: {
      kind: match.kind,
      direction: match.direction,
      score: match.score,
      coverage: match.coverage,
      sourceCoverage: match.sourceCoverage,
      reason: match.reason,
    },
    page: { url: page.url, title: page.title, siteName: page.siteName, publishedAt: page.publishedAt, analysed: await analysed(page.text) },
    library: {
      id: library.id,
      title: library.title,
      source: library.source,
      url: library.url,
      publishedAt: library.publishedAt,
      origin: library.origin,
      analysed: sourceText === null ? null : await analysed(sourceText),
    },
    passages,
    substitutions: match.substitutions.map(({ from, to, count }) => ({ from, to, count })),
    swaps,
  };
}

/** The file name for an evidence file: date, kind and a short slug of the page's host. */
export function evidenceFileName(evidence: Evidence, extension: 'json' | 'html'): string {
  let host = 'page';
  try {
    host = new URL(evidence.page.url).hostname.replace(/[^a-z0-9.-]/gi, '') || host;
  } catch {
    // Not a URL: keep the generic name.
  }
  return `evidence-${evidence.checkedAt.slice(0, 10)}-${evidence.verdict.kind}-${host}.${extension}`;
}

/**
 * The benchmark's raw material: real English articles from ../shared/eval-data (read at run
 * time, never copied into the project) and the seed corpus. Says plainly when eval-data is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedEntry } from '../../lib/library/seed';

export interface Article {
  id: string;
  text: string;
  title?: string;
  /** Where it came from, for the report. */
  origin: 'newspaper3k' | 'scrapinghub' | 'seed';
}

/** Articles shorter than this make poor library entries (captions, stubs, paywalls). */
export const MIN_ARTICLE_WORDS = 150;

const ENGLISH_MARKERS = new Set(['the', 'of', 'and', 'to', 'a', 'in', 'is', 'that', 'for', 'on', 'with']);

export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** English prose has roughly one word in five from this small set; other languages almost none. */
export function looksEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return false;
  return words.filter((w) => ENGLISH_MARKERS.has(w)).length / words.length > 0.12;
}

/** Paragraphs separated by one blank line, each trimmed, as the library format stores them. */
export function normalizeParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n|\n/)
    .map((p) => p.replace(/[ \t]+/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
}

export interface LoadedArticles {
  articles: Article[];
  /** Null when ../shared/eval-data was found; otherwise a sentence saying what is missing. */
  absence: string | null;
  skipped: { short: number; nonEnglish: number; duplicate: number; overlapping: number };
}

/**
 * Word n-gram length and count above which two real articles count as sharing text (two
 * versions of one wire story, two pages of one site with the same block). Such pairs would make
 * the "right" answer ambiguous, so the later one is dropped.
 */
const OVERLAP_NGRAM = 12;
const OVERLAP_MIN_SHARED = 8;

export function loadEvalArticles(evalDir: string): LoadedArticles {
  const skipped = { short: 0, nonEnglish: 0, duplicate: 0, overlapping: 0 };
  if (!existsSync(evalDir)) {
    return { articles: [], absence: `eval-data not found at ${evalDir}: running on the seed corpus only`, skipped };
  }
  const raw: Article[] = [];
  const newspaperDir = join(evalDir, 'newspaper3k-fulltext-tests', 'text');
  if (existsSync(newspaperDir)) {
    for (const name of readdirSync(newspaperDir).sort()) {
      if (!name.endsWith('.txt')) continue;
      const text = normalizeParagraphs(readFileSync(join(newspaperDir, name), 'utf8'));
      raw.push({ id: `np3k-${name.replace(/\.txt$/, '')}`, text, origin: 'newspaper3k' });
    }
  }
  const groundTruth = join(evalDir, 'scrapinghub-article-extraction-benchmark', 'ground-truth.json');
  if (existsSync(groundTruth)) {
    const entries = JSON.parse(readFileSync(groundTruth, 'utf8')) as Record<string, { articleBody?: string }>;
    for (const key of Object.keys(entries).sort()) {
      const body = entries[key].articleBody;
      if (typeof body === 'string') raw.push({ id: `shub-${key.slice(0, 12)}`, text: normalizeParagraphs(body), origin: 'scrapinghub' });
    }
  }
  const seen = new Set<string>();
  const ngramsSeen = new Set<string>();
  const articles: Article[] = [];
  for (const article of raw) {
    if (wordCount(article.text) < MIN_ARTICLE_WORDS) skipped.short++;
    else if (!looksEnglish(article.text)) skipped.nonEnglish++;
    else if (seen.has(article.text.slice(0, 300).toLowerCase())) skipped.duplicate++;
    else {
      const ngrams = wordNgrams(article.text, OVERLAP_NGRAM);
      if (ngrams.filter((g) => ngramsSeen.has(g)).length >= OVERLAP_MIN_SHARED) skipped.overlapping++;
      else {
        seen.add(article.text.slice(0, 300).toLowerCase());
        for (const g of ngrams) ngramsSeen.add(g);
        articles.push(article);
      }
    }
  }
  const absence = raw.length === 0 ? `eval-data at ${evalDir} holds none of the expected article sets: running on the seed corpus only` : null;
  return { articles, absence, skipped };
}

function wordNgrams(text: string, n: number): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return [...out];
}

/** The five seed articles, through the same code the extension and the scan command use. */
export function loadSeedArticles(corpusDir: string): Article[] {
  return readdirSync(corpusDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const entry = seedEntry(name, readFileSync(join(corpusDir, name), 'utf8'), '1970-01-01T00:00:00Z');
      return { id: entry.id, text: entry.text, title: entry.title, origin: 'seed' as const };
    });
}

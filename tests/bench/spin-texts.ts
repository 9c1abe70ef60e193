/**
 * Texts for bench:spin, read from ../shared/eval-data (never copied into the project) and the
 * seed corpus: real articles to spin, and unspun texts of every kind the hint must leave alone.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHtmlDocument } from '../../lib/cli/html-document';
import { extractArticle } from '../../lib/extract/extract-article';
import { EVAL_DATA } from './spin-eval-data';

export interface NamedText {
  name: string;
  text: string;
}

const MIN_WORDS = 150;
/** Share of words among these marks English prose (the non-English newspaper3k pages fail it). */
const ENGLISH_MARKERS = new Set(['the', 'and', 'of', 'to', 'in', 'a', 'is', 'that', 'for', 'on', 'was', 'with']);

function wordCount(text: string): number {
  return (text.match(/\S+/g) ?? []).length;
}

export function isEnglishArticle(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.length >= MIN_WORDS && words.filter((w) => ENGLISH_MARKERS.has(w)).length / words.length > 0.15;
}

/** newspaper3k's expected article texts: never seen by the lexicon build, so fair for both recall and false flags. */
export function newspaperArticles(): NamedText[] {
  const root = join(EVAL_DATA, 'newspaper3k-fulltext-tests', 'text');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort()
    .map((file) => ({ name: `newspaper3k/${file}`, text: readFileSync(join(root, file), 'utf8') }))
    .filter(({ text }) => isEnglishArticle(text));
}

/** scrapinghub's annotated article bodies: the lexicon build read these (honest-news filter), so they are reported apart. */
export function scrapinghubArticles(): NamedText[] {
  const path = join(EVAL_DATA, 'scrapinghub-article-extraction-benchmark', 'ground-truth.json');
  if (!existsSync(path)) return [];
  const truth = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { articleBody: string }>;
  return Object.entries(truth).map(([id, { articleBody }]) => ({ name: `scrapinghub/${id.slice(0, 12)}`, text: articleBody }));
}

/** Real pages of readability-test-pages (not the tiny synthetic ones), extracted as the extension does. */
export function extractedPages(): NamedText[] {
  const root = join(EVAL_DATA, 'readability-test-pages', 'pages');
  if (!existsSync(root)) return [];
  const out: NamedText[] = [];
  for (const name of readdirSync(root).sort()) {
    const path = join(root, name, 'source.html');
    const html = readFileSync(path, 'utf8');
    if (html.length < 4096) continue;
    const text = extractArticle(parseHtmlDocument(html, pathToFileURL(path).href))?.text ?? '';
    if (wordCount(text) > 0) out.push({ name: `readability/${name}`, text });
  }
  return out;
}

export function seedTexts(): NamedText[] {
  const root = join(import.meta.dirname, '../../public/corpus');
  return readdirSync(root)
    .sort()
    .map((file) => ({ name: `seed/${file.slice(0, 3)}`, text: readFileSync(join(root, file), 'utf8') }));
}

/**
 * Honest texts in awkward shapes: every sentence quoted and attributed, paragraphs as bullet
 * lists, and sentences cut into table rows (cells joined by tabs, as extraction flattens tables).
 */
function cells(words: string[], size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i += size) out.push(words.slice(i, i + size).join(' '));
  return out;
}

export function reshaped(articles: NamedText[]): NamedText[] {
  const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).filter((s) => s.trim().length > 0);
  return articles.flatMap(({ name, text }) => [
    { name: `${name} (quoted)`, text: sentences(text).map((s, i) => `“${s.replace(/[.!?]$/, '')},” ${i % 2 ? 'she said' : 'he added'}.`).join(' ') },
    { name: `${name} (list)`, text: text.split(/\n+/).map((p) => `• ${p.trim()}`).join('\n') },
    {
      name: `${name} (table)`,
      text: sentences(text)
        .map((s) => cells(s.split(/\s+/), 5).join('\t'))
        .join('\n'),
    },
  ]);
}

/**
 * The generated articles of bench:packs: bench:engine's corpus (engine-corpus.ts) with a title,
 * an address and a date. Article i is a pure function of i, so any range can be regenerated
 * anywhere (a shard's generator process, the in-process build) without storing the input.
 */
import { formatLibraryLine } from '../../lib/library/format';
import { libraryArticle } from './engine-corpus';

/** Article number `index` in the library format (400 to 1,000 words, about 5 KB as NDJSON). */
export function packArticle(index: number) {
  return {
    id: `news-${String(index).padStart(9, '0')}`,
    title: `Council approves revised budget for district ${index % 977} after a long debate`,
    url: `https://www.example-news.com/${2000 + (index % 27)}/${(index % 12) + 1}/${index}/council-approves-revised-budget`,
    publishedAt: `20${10 + (index % 17)}-0${(index % 9) + 1}-1${index % 10}T08:00:00Z`,
    text: libraryArticle(index),
  };
}

/** NDJSON lines of articles `from` (inclusive) to `to` (exclusive), one string per line. */
export function* packArticleLines(from: number, to: number): Generator<string> {
  for (let i = from; i < to; i++) yield formatLibraryLine(packArticle(i));
}

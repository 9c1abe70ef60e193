/**
 * Generated material for the scan command's benchmarks (bench:scan, bench:scan-memory): news-like
 * articles from a fixed vocabulary and heavy pages around them. Deterministic: every run scans
 * the same data.
 */
import { writeFileSync } from 'node:fs';
import { formatLibraryLine } from '../../lib/library/format';
import { seededNumbers } from './quality-prng';


const next = seededNumbers(20251121);
const VOCABULARY = Array.from({ length: 6000 }, (_, index) => {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let word = '';
  for (let length = 2 + (index % 9); word.length < length; ) word += letters[Math.floor(next() * 26)];
  return word;
});
const FUNCTION_WORDS = ['the', 'of', 'and', 'to', 'in', 'a', 'said', 'on', 'for', 'that', 'with', 'was', 'is', 'by', 'at'];

export function sentence(): string {
  const words = Array.from({ length: 12 + Math.floor(next() * 18) }, () =>
    next() < 0.4 ? FUNCTION_WORDS[Math.floor(next() * FUNCTION_WORDS.length)] : VOCABULARY[Math.floor(next() ** 2 * VOCABULARY.length)],
  );
  return `${words.join(' ').replace(/^./, (first) => first.toUpperCase())}.`;
}

/** Paragraphs of three sentences each. */
export function article(paragraphs: number): string[] {
  return Array.from({ length: paragraphs }, () => Array.from({ length: 3 }, sentence).join(' '));
}

/** About 250 KB: the article among navigation, teasers, ads and a long comment thread. */
export function page(title: string, paragraphs: string[]): string {
  const links = Array.from({ length: 600 }, (_, index) => `<li><a href="/s/${index}">${sentence()}</a></li>`).join('');
  const comments = Array.from({ length: 900 }, (_, index) => `<div class="comment"><b>user${index}</b><p>${sentence()}</p></div>`).join('');
  const body = paragraphs.map((text) => `<p>${text}</p>`).join('<div class="ad">Advertisement</div>');
  return `<!DOCTYPE html><html><head><title>${title}</title><style>${'.x{color:red}'.repeat(500)}</style></head><body><nav><ul>${links}</ul></nav><article><h1>${title}</h1>${body}</article><section id="comments">${comments}</section><footer>Copyright</footer></body></html>`;
}

/**
 * Writes a library of `size` generated articles of `paragraphs` paragraphs to `path`, line by
 * line (50,000 articles need not be in memory at once). Returns the first `keep` articles' texts.
 */
export function writeGeneratedLibrary(path: string, size: number, paragraphs: number, keep = 0): string[] {
  const kept: string[] = [];
  const lines: string[] = [];
  writeFileSync(path, '');
  for (let index = 0; index < size; index++) {
    const text = article(paragraphs).join('\n\n');
    if (index < keep) kept.push(text);
    lines.push(formatLibraryLine({ id: `lib-${index}`, title: `Library story ${index}`, text }));
    if (lines.length === 1000 || index === size - 1) {
      writeFileSync(path, `${lines.join('\n')}\n`, { flag: 'a' });
      lines.length = 0;
    }
  }
  return kept;
}

/**
 * Writes the scan benchmark's files: the library NDJSON and one input file per case, as .txt
 * or as an .html page in one of the content-farm templates (some with a lying <meta charset>),
 * plus real pages from ../shared/eval-data whose article is in the library.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { SourceText } from '../../lib/core/types';
import { formatLibraryLine } from '../../lib/library/format';
import type { BenchCase } from './cases-types';
import { paragraphsOf } from './cases-text';
import type { SeededRandom } from './quality-prng';
import { encodeWindows1252, fitsWindows1252 } from './scan-quality-charset';
import { PAGE_TEMPLATES, renderPage, type PageTemplate } from './scan-quality-pages';

/** A case as the scan command sees it: a file, and how it was written (for the report). */
export interface ScanCase {
  benchCase: BenchCase;
  path: string;
  /** "txt", a template name, "real-page"; with "+1252-as-utf8" etc. when the charset lies. */
  format: string;
}

export interface LibraryArticle extends SourceText {
  url?: string;
}

/** Every third input is text; pages cycle through the templates. */
const TEXT_EVERY = 3;
/**
 * Charset trouble, on a cycle prime to the templates' so that every template gets each kind:
 * windows-1252 bytes declaring UTF-8, UTF-8 bytes declaring windows-1252, and a UTF-8 page whose
 * footer was pasted in windows-1252 (a few stray bytes that make the whole file invalid UTF-8).
 */
const LYING_1252_EVERY = 4;
const LYING_UTF8_EVERY = 7;
const STRAY_1252_EVERY = 6;
const STRAY_1252_FOOTER = '<p>\u00a9 2008 Caf\u00e9 Media \u2013 \u201cAll the news\u201d</p>';
/** The contract's inputs are up to about 250 KB. */
const MAX_REAL_PAGE_BYTES = 250_000;

export function writeLibrary(dir: string, articles: readonly LibraryArticle[]): string {
  const path = join(dir, 'library.ndjson');
  const lines = articles.map((a) => formatLibraryLine({ id: a.id, text: a.text, title: a.title, url: a.url ?? `https://library.invalid/${encodeURIComponent(a.id)}`, publishedAt: a.publishedAt }));
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** The case's headline and body paragraphs (the text-level furniture stays: extraction may keep such lines too). */
function pageParts(benchCase: BenchCase): { headline: string; paragraphs: string[] } {
  const headline = benchCase.query.title ?? '';
  const paragraphs = paragraphsOf(benchCase.query.text);
  const at = paragraphs.findIndex((p) => p === headline);
  if (at >= 0 && at <= 1) paragraphs.splice(at, 1);
  return { headline, paragraphs };
}

/** Writes each case as a file, rotating formats; returns them with their paths. */
export function writeCaseInputs(dir: string, cases: readonly BenchCase[], libraryHeadlines: readonly string[], random: SeededRandom, publishedAt: string): ScanCase[] {
  let pageCount = 0;
  return cases.map((benchCase, index) => {
    const { headline, paragraphs } = pageParts(benchCase);
    const base = join(dir, `${String(index).padStart(3, '0')}-${benchCase.id}`);
    if (index % TEXT_EVERY === 0) {
      writeFileSync(`${base}.txt`, `${headline}\n\n${paragraphs.join('\n\n')}\n`);
      return { benchCase, path: `${base}.txt`, format: 'txt' };
    }
    const template: PageTemplate = PAGE_TEMPLATES[pageCount % PAGE_TEMPLATES.length];
    pageCount++;
    const page = { headline, paragraphs, libraryHeadlines, publishedAt };
    const utf8Page = renderPage(template, page, random);
    if (pageCount % LYING_1252_EVERY === 0 && fitsWindows1252(utf8Page)) {
      writeFileSync(`${base}.html`, encodeWindows1252(utf8Page));
      return { benchCase, path: `${base}.html`, format: `${template}+1252-declared-utf8` };
    }
    if (pageCount % STRAY_1252_EVERY === 0 && utf8Page.includes('</body>')) {
      const [head, tail] = [utf8Page.slice(0, utf8Page.lastIndexOf('</body>')), utf8Page.slice(utf8Page.lastIndexOf('</body>'))];
      writeFileSync(`${base}.html`, Buffer.concat([Buffer.from(head), encodeWindows1252(STRAY_1252_FOOTER), Buffer.from(tail)]));
      return { benchCase, path: `${base}.html`, format: `${template}+utf8-with-stray-1252` };
    }
    const declared = pageCount % LYING_UTF8_EVERY === 0 ? 'windows-1252' : 'utf-8';
    writeFileSync(`${base}.html`, declared === 'utf-8' ? utf8Page : renderPage(template, page, random, declared));
    return { benchCase, path: `${base}.html`, format: declared === 'utf-8' ? template : `${template}+utf8-declared-1252` };
  });
}

/** Where the real page of a library article lives in eval-data, if anywhere. */
function realPageFile(evalDir: string, articleId: string): { file: string; gzip: boolean } | undefined {
  if (articleId.startsWith('np3k-')) {
    const file = join(evalDir, 'newspaper3k-fulltext-tests', 'html', `${articleId.slice('np3k-'.length)}.html`);
    return existsSync(file) ? { file, gzip: false } : undefined;
  }
  if (articleId.startsWith('shub-')) {
    const prefix = articleId.slice('shub-'.length);
    const dir = join(evalDir, 'scrapinghub-article-extraction-benchmark', 'html');
    const name = existsSync(dir) ? namesIn(dir).find((n) => n.startsWith(prefix)) : undefined;
    return name ? { file: join(dir, name), gzip: true } : undefined;
  }
  return undefined;
}

const namesByDir = new Map<string, string[]>();
/** The file names of `dir`, read once (the scrapinghub folder is looked up for every article). */
function namesIn(dir: string): string[] {
  let names = namesByDir.get(dir);
  if (!names) {
    names = readdirSync(dir).sort();
    namesByDir.set(dir, names);
  }
  return names;
}

/**
 * Real crawled pages of library articles (expected: verbatim), under 250 KB. A third are left
 * as crawled, a third re-written in windows-1252 while still declaring UTF-8 (when the page fits
 * in it), a third get an injected ad page with its own <html>/<body> in front.
 */
export function writeRealPageInputs(dir: string, evalDir: string, library: readonly SourceText[], wanted: number, random: SeededRandom): ScanCase[] {
  const out: ScanCase[] = [];
  for (const article of random.shuffle(library)) {
    if (out.length >= wanted) break;
    const found = realPageFile(evalDir, article.id);
    if (!found) continue;
    const raw = readFileSync(found.file);
    const bytes = found.gzip ? gunzipSync(raw) : raw;
    if (bytes.length > MAX_REAL_PAGE_BYTES) continue;
    let html = new TextDecoder('utf-8').decode(bytes);
    let format = 'real-page';
    const path = join(dir, `real-${String(out.length).padStart(2, '0')}-${article.id}.html`);
    const variant = out.length % 3;
    if (variant === 1 && fitsWindows1252(html) && /[^\x00-\x7f]/.test(html)) {
      html = html.replace(/<meta[^>]*charset[^>]*>/gi, '').replace(/<head[^>]*>/i, (head) => `${head}<meta charset="utf-8">`);
      writeFileSync(path, encodeWindows1252(html));
      format = 'real-page+1252-declared-utf8';
    } else {
      if (variant === 2) {
        html = `<html><body><center><a href="http://ads.invalid/x"><img src="/468x60.gif"></a></center></body></html>\n${html}</body></html>`;
        format = 'real-page+injected-html';
      }
      writeFileSync(path, html);
    }
    const benchCase: BenchCase = {
      id: `real-${article.id}`,
      group: 'verbatim',
      variant: 'real-page',
      query: { id: article.id, text: '' },
      expected: { sourceId: article.id, kind: 'verbatim', direction: 'copies', alsoAllowed: [] },
    };
    out.push({ benchCase, path, format });
  }
  return out;
}

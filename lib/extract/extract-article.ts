/**
 * Extracts the article from a page: Mozilla Readability on a pruned clone of the document,
 * then our own cleanup into paragraphs. The same code runs in the content script (real DOM)
 * and in the scan command (jsdom). It never changes the page and never throws.
 */
import { Readability } from '@mozilla/readability';
import { collectBlocks, type TextBlock } from './blocks';
import { cleanParagraphs } from './clean-paragraphs';
import { pruneFurniture } from './furniture';
import { isTooLargeToCheck, pageSize } from './page-size';
import { dropPadding } from './padding';
import { findPublishedDate, normalizeDate } from './published-date';
import { unwrapStoryLinks } from './story-links';
import {
  MAX_ARTICLE_CHARS,
  MAX_DEPTH_TO_PARSE,
  MAX_ELEMENTS_TO_PARSE,
  MIN_FALLBACK_CHARS,
  READABILITY_CHAR_THRESHOLD,
} from './tuning';
import type { ExtractedArticle, ExtractOptions } from './types';

type ReadabilityResult = ReturnType<Readability<Element>['parse']>;

/** Headlines shorter than this many words are too generic ("News", "Home page") to replace a title. */
const MIN_HEADLINE_WORDS = 3;

/**
 * The <title> element that names the page. Crawled markup may hold several (an ad server's
 * whole page, with its own <head>, injected before the real one); the document's title is the
 * first of them, often a stub ("ad", "Untitled"). The first that reads like a headline wins.
 */
function titleElement(doc: Document): Element | undefined {
  const titles = Array.from(doc.getElementsByTagName('title')).filter((title) => nonEmpty(title.textContent));
  return titles.find((title) => nonEmpty(title.textContent)!.split(' ').length >= MIN_HEADLINE_WORDS) ?? titles[0];
}

/** Readability reads the document's title, the first <title>: leaves `clone` only the one that names the page. */
function keepPageTitle(clone: Document): void {
  const title = titleElement(clone);
  for (const other of Array.from(clone.getElementsByTagName('title'))) if (other !== title) other.remove();
}

/** Elements in `doc`. */
const elementCount = (doc: Document) => doc.getElementsByTagName('*').length;

/**
 * A clone of `doc` without scripts, styles, furniture and stub titles, made in steps (see
 * `extractionSteps`). Over Readability's element budget, hidden and empty elements go too:
 * padding must not decide how a page is read.
 */
function* prunedClone(doc: Document): Generator<ExtractionStep, Document, void> {
  const clone = doc.cloneNode(true) as Document;
  yield 'clone';
  keepPageTitle(clone);
  pruneFurniture(clone);
  yield 'prune';
  unwrapStoryLinks(clone);
  yield 'story-links';
  if (elementCount(clone) > MAX_ELEMENTS_TO_PARSE && clone.body) {
    dropPadding(clone.body);
    yield 'padding';
  }
  return clone;
}

/** Whether any element of `root` sits deeper than `limit` levels (iterative, stops at the first). */
function deeperThan(root: Element, limit: number): boolean {
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return false;
}

/** Whether Readability can afford this page: few enough elements, not absurdly deep. */
function readabilityCanAfford(clone: Document): boolean {
  return elementCount(clone) <= MAX_ELEMENTS_TO_PARSE && !deeperThan(clone.documentElement, MAX_DEPTH_TO_PARSE);
}

function runReadability(clone: Document): ReadabilityResult {
  try {
    return new Readability<Element>(clone, {
      maxElemsToParse: MAX_ELEMENTS_TO_PARSE,
      charThreshold: READABILITY_CHAR_THRESHOLD,
      // Hand back the element itself: no HTML serialization and re-parsing just to read its text.
      serializer: (node) => node as Element,
    }).parse();
  } catch {
    return null;
  }
}

/** Joins paragraphs with a blank line, cut at a paragraph boundary when absurdly long. */
function joinParagraphs(paragraphs: string[]): string {
  const kept: string[] = [];
  let length = 0;
  for (const paragraph of paragraphs) {
    length += paragraph.length + 2;
    if (length > MAX_ARTICLE_CHARS) break;
    kept.push(paragraph);
  }
  return kept.join('\n\n');
}

function nonEmpty(value: string | null | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
}

function hostName(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return nonEmpty(new URL(url).hostname.replace(/^www\./, ''));
  } catch {
    return undefined;
  }
}

/**
 * The page's own headline when the title is that headline plus a site name with a separator
 * Readability does not know ("Wind farm plan :: NewsDaily24"): the first h1 that the title contains.
 */
function headlineWithin(title: string, doc: Document): string | undefined {
  for (const heading of Array.from(doc.getElementsByTagName('h1')).slice(0, 3)) {
    const headline = nonEmpty(heading.textContent);
    if (headline && headline !== title && title.includes(headline) && headline.split(' ').length >= MIN_HEADLINE_WORDS) return headline;
  }
  return undefined;
}

/** Names of the steps of an extraction, yielded by `extractionSteps` after each. */
export type ExtractionStep = 'measure' | 'clone' | 'prune' | 'story-links' | 'padding' | 'readability' | 'paragraphs' | 'fallback' | 'date';

/**
 * The extraction of `extractArticle`, one step per `next()`: each yield names the step just
 * done, and the generator returns the article (or null). A caller that runs each step in its
 * own task (the content script) keeps the page's main thread free between them; run to the
 * end at once, it is `extractArticle`. The steps read `doc` as it is when they run.
 */
export function* extractionSteps(doc: Document, options: ExtractOptions = {}): Generator<ExtractionStep, ExtractedArticle | null, void> {
  try {
    const size = options.size ?? pageSize(doc);
    if (!options.size) yield 'measure';
    if (isTooLargeToCheck(size)) return null;
    const clone = yield* prunedClone(doc);
    // Over Readability's budgets, its scoring would cost too much: the pruned body is read as it is.
    const withinBudget = readabilityCanAfford(clone);
    const result = withinBudget ? runReadability(clone) : null;
    yield 'readability';
    const pageTitle = nonEmpty(result?.title) ?? nonEmpty(titleElement(doc)?.textContent) ?? '';
    const title = headlineWithin(pageTitle, doc) ?? pageTitle;
    let blocks: TextBlock[] = result?.content ? collectBlocks(result.content) : [];
    let text = joinParagraphs(cleanParagraphs(blocks, title));
    yield 'paragraphs';
    if (text.length === 0) {
      // No usable result from Readability: fall back to the pruned page body, if it has real text.
      // (Readability changed the clone it ran on; an untouched one is needed.)
      const fallback = withinBudget ? yield* prunedClone(doc) : clone;
      blocks = fallback.body ? collectBlocks(fallback.body) : [];
      text = joinParagraphs(cleanParagraphs(blocks, title));
      yield 'fallback';
      if (text.length < MIN_FALLBACK_CHARS) return null;
    }
    const article: ExtractedArticle = { title, text };
    const byline = nonEmpty(result?.byline);
    const siteName = nonEmpty(result?.siteName) ?? hostName(options.url ?? doc.URL);
    const publishedAt = normalizeDate(result?.publishedTime) ?? findPublishedDate(doc);
    const lang = nonEmpty(result?.lang) ?? nonEmpty(doc.documentElement?.getAttribute('lang'));
    if (byline) article.byline = byline;
    if (siteName) article.siteName = siteName;
    if (publishedAt) article.publishedAt = publishedAt;
    if (lang) article.lang = lang;
    yield 'date';
    return article;
  } catch {
    return null;
  }
}

/**
 * The article in `doc`, or null when the page holds none or is too large to check
 * (lib/extract/page-size: callers that must tell the two apart measure first and pass `size`).
 * All the steps of `extractionSteps` at once.
 */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractedArticle | null {
  const steps = extractionSteps(doc, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

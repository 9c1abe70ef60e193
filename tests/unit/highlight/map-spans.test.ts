/**
 * Offsets into the extracted text → ranges over the page's text nodes, on pages parsed by
 * jsdom and extracted by the real extractor (lib/extract), as the content script does.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { mapSpans, type TextSpan } from '../../../lib/extension/content/highlight/map-spans';
import { readPageText } from '../../../lib/extension/content/highlight/page-text';
import { extractArticle } from '../../../lib/extract';

const FILLER = [
  'The harbour authority confirmed on Tuesday that the northern pier will close for repairs until the spring, after divers found cracks in three of its supporting columns.',
  'Fishing crews who moor at the pier have been offered berths on the southern quay, although several skippers said the move would add an hour to every trip.',
  'Engineers expect the work to cost about four million euros, most of it paid by a regional fund set up after the storms of two winters ago.',
];

function load(body: string) {
  const dom = new JSDOM(`<!doctype html><html><head><title>Pier</title></head><body>${body}</body></html>`, { url: 'https://news.example/pier' });
  const doc = dom.window.document;
  const article = extractArticle(doc, { url: 'https://news.example/pier' });
  if (!article) throw new Error('extraction failed');
  return { doc, text: article.text };
}

/** The span of `phrase` in the analysed text (its `nth` occurrence). */
function spanOf(text: string, phrase: string, nth = 0): TextSpan {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`"${phrase}" is not in the analysed text`);
  return { start, end: start + phrase.length };
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function mapPhrases(body: string, phrases: string[]) {
  const { doc, text } = load(body);
  const page = readPageText(doc.body);
  return { doc, text, mapped: mapSpans(doc, page, text, phrases.map((phrase) => spanOf(text, phrase))) };
}

const article = (inner: string) => `<article><h1>Pier to close for repairs</h1>${inner}${FILLER.map((p) => `<p>${p}</p>`).join('')}</article>`;

describe('mapSpans', () => {
  it('maps text split across many nodes, links and emphasis', () => {
    const body = article(
      '<p>The <em>mayor</em> of the <a href="/town">coastal <strong>town</strong></a> said the closure was <span>unavoidable</span>, and <b>promised</b> a <i>quick</i> reopening for every crew.</p>',
    );
    const { mapped } = mapPhrases(body, ['mayor of the coastal town said the closure', 'promised a quick reopening']);
    expect(mapped.map((span) => span.status)).toEqual(['found', 'found']);
    expect(mapped[0].ranges).toHaveLength(1);
    expect(mapped[0].ranges[0].toString()).toBe('mayor of the coastal town said the closure');
    expect(mapped[0].ranges[0].startContainer.parentElement?.tagName).toBe('EM');
    expect(mapped[0].ranges[0].endContainer.parentElement?.tagName).toBe('P');
    expect(mapped[1].ranges[0].toString()).toBe('promised a quick reopening');
  });

  it('maps through entities and collapsed whitespace', () => {
    const body = article('<p>Harbour&nbsp;master   Ana&#x20;Costa\n\t said the\n     authority&#8217;s engineers &amp; divers &lt;had&gt; checked every column twice.</p>');
    const { text, mapped } = mapPhrases(body, ['Ana Costa said the authority’s engineers & divers <had> checked']);
    expect(text).toContain('Harbour master Ana Costa said');
    expect(mapped[0].status).toBe('found');
    expect(squash(mapped[0].ranges[0].toString().replace(/\u00a0/g, ' '))).toBe('Ana Costa said the authority’s engineers & divers <had> checked');
  });

  it('never marks hidden text, even when it repeats the article', () => {
    const hidden = 'Crews were told the pier would reopen in May at the earliest, the spokesman added.';
    const body = `<style>.gone{display:none}</style><div class="gone"><p>${hidden}</p></div><p hidden>${hidden}</p>${article(`<p>${hidden}</p>`)}`;
    const { doc, mapped } = mapPhrases(body, ['the pier would reopen in May']);
    expect(mapped[0].status).toBe('found');
    const range = mapped[0].ranges[0];
    expect(range.toString()).toBe('the pier would reopen in May');
    expect(range.startContainer.parentElement?.closest('article')).toBe(doc.querySelector('article'));
  });

  it('leaves out text inside a paragraph that the analysis never read (a button, a hidden note)', () => {
    const body = article(
      '<p>The repairs will start in March<button>Share</button>, weeks before the regatta<span style="display:none"> [update]</span>, the authority said.</p>',
    );
    const { text, mapped } = mapPhrases(body, ['start in March, weeks before the regatta, the authority']);
    expect(text).toContain('start in March, weeks before the regatta, the authority said.');
    expect(mapped[0].status).toBe('found');
    expect(mapped[0].ranges.map((range) => range.toString())).toEqual(['start in March', ', weeks before the regatta', ', the authority']);
  });

  it('cuts a span at text the extractor dropped, and marks none of it', () => {
    const first = 'Divers inspected every column of the pier over two days last week and reported that three were cracked.';
    const second = 'The authority closed the pier the same evening and asked the coastguard to keep boats away.';
    const body = article(`<p>${first}</p><div class="ad"><span>Advertisement</span><a href="/ad">Cheap ferries to the islands</a></div><figure><img src="x.jpg"><figcaption>Divers at work</figcaption></figure><p>${second}</p>`);
    const { text, mapped } = mapPhrases(body, ['three were cracked.\n\nThe authority closed the pier']);
    expect(text).not.toContain('Advertisement');
    expect(mapped[0].status).toBe('found');
    expect(mapped[0].ranges.map((range) => range.toString())).toEqual(['three were cracked.', 'The authority closed the pier']);
  });

  it('says a passage cannot be found when the page no longer holds it, and marks nothing else', () => {
    const gone = 'The coastguard said no boat would be allowed within fifty metres of the damaged columns.';
    const body = article(`<p id="gone">${gone}</p>`);
    const { doc, text } = load(body);
    doc.getElementById('gone')!.textContent = 'The page now says something else entirely about the harbour.';
    const page = readPageText(doc.body);
    const [missing, shortWord] = mapSpans(doc, page, text, [spanOf(text, 'no boat would be allowed within fifty metres'), spanOf(text, 'coastguard')]);
    expect(missing).toEqual({ ranges: [], status: 'missing' });
    // "coastguard" alone is too short to be looked for elsewhere on the page.
    expect(shortWord.status).toBe('missing');
  });

  it('finds a long piece whose paragraph the page changed, only when it occurs once', () => {
    const paragraph = 'Skippers met the harbour authority on Wednesday to ask for compensation for the longer trips.';
    const body = article(`<p id="p">${paragraph}</p>`);
    const { doc, text } = load(body);
    // Edited after the check: the paragraph as analysed is no longer on the page, this piece still is.
    doc.getElementById('p')!.textContent = paragraph.replace('Skippers met', 'Local skippers met');
    const page = readPageText(doc.body);
    const [found] = mapSpans(doc, page, text, [spanOf(text, 'ask for compensation for the longer trips')]);
    expect(found.status).toBe('found');
    expect(found.ranges[0].toString()).toBe('ask for compensation for the longer trips');

    doc.getElementById('p')!.insertAdjacentHTML('afterend', '<p>Comment: they ask for compensation for the longer trips, again.</p>');
    const [ambiguous] = mapSpans(doc, readPageText(doc.body), text, [spanOf(text, 'ask for compensation for the longer trips')]);
    expect(ambiguous.status).toBe('missing');
  });

  it('reports a passage partly found when one of its paragraphs is gone', () => {
    const body = article('');
    const { doc, text } = load(body);
    const paragraphs = doc.querySelectorAll('article p');
    paragraphs[1].textContent = 'Replaced.';
    const span = { start: text.indexOf('The harbour'), end: text.indexOf('add an hour') + 'add an hour'.length };
    const [partly] = mapSpans(doc, readPageText(doc.body), text, [span]);
    expect(partly.status).toBe('partly');
    expect(partly.ranges.map((range) => range.toString())).toEqual([FILLER[0]]);
  });

  it('takes repeated wording in document order, after the paragraphs before it', () => {
    const repeated = 'The pier had been closed once before, in 1998, after a fishing boat struck it in a gale.';
    // A teaser before the article (furniture the extractor drops) repeats a later paragraph word for word.
    const teaser = `<aside class="related"><p>${repeated}</p></aside>`;
    const body = `${teaser}<article><h1>Pier to close for repairs</h1><p>${FILLER[0]}</p><p id="here">${repeated}</p>${FILLER.slice(1).map((p) => `<p>${p}</p>`).join('')}</article>`;
    const { doc, mapped } = mapPhrases(body, ['in 1998, after a fishing boat']);
    expect(mapped[0].status).toBe('found');
    expect(mapped[0].ranges[0].startContainer.parentElement).toBe(doc.getElementById('here'));
  });
});

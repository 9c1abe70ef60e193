/**
 * The scan command's DOM (linkedom) behaves as browsers do where extraction depends on it:
 * every-element searches, document order of any two nodes, clones that own their nodes, and
 * one <html>/<head>/<body> from broken markup with several.
 */
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../../lib/cli/html-document';

const PAGE = '<!DOCTYPE html><html><head><title>T</title></head><body><div id="a"><p id="p">one <b>two</b></p></div><h3 id="h">3 Comments</h3><p id="c">three</p></body></html>';

describe('the scan DOM', () => {
  it('knows its address, in clones too', () => {
    const doc = parseHtmlDocument(PAGE, 'file:///pages/a.html');
    const clone = doc.cloneNode(true) as Document;
    expect([doc.URL, doc.baseURI, clone.URL, clone.documentURI]).toEqual(Array(4).fill('file:///pages/a.html'));
  });

  it("finds every element with getElementsByTagName('*'), from the document and from an element", () => {
    const doc = parseHtmlDocument(PAGE, 'file:///a.html');
    expect(Array.from(doc.getElementsByTagName('*'), (element) => element.tagName.toLowerCase())).toEqual(['html', 'head', 'title', 'body', 'div', 'p', 'b', 'h3', 'p']);
    expect(doc.getElementById('a')!.getElementsByTagName('*')).toHaveLength(2);
    expect(doc.getElementsByTagName('p')).toHaveLength(2);
  });

  it('orders any two nodes as the page does, text nodes included', () => {
    const doc = parseHtmlDocument(PAGE, 'file:///a.html');
    const heading = doc.getElementById('h')!;
    const before = doc.getElementById('p')!.lastChild!.firstChild!; // "two", deeper than the heading
    const after = doc.getElementById('c')!.firstChild!;
    expect(heading.compareDocumentPosition(before)).toBe(2); // PRECEDING
    expect(heading.compareDocumentPosition(after)).toBe(4); // FOLLOWING
    expect(doc.getElementById('a')!.compareDocumentPosition(before)).toBe(4 | 16); // FOLLOWING | CONTAINED_BY
    expect(before.compareDocumentPosition(doc.body)).toBe(2 | 8); // PRECEDING | CONTAINS
  });

  it('makes deep clones own their nodes: connected, walked from their own document', () => {
    const clone = parseHtmlDocument(PAGE, 'file:///a.html').cloneNode(true) as Document;
    const paragraph = clone.getElementById('p')!;
    expect(paragraph.ownerDocument).toBe(clone);
    expect(paragraph.isConnected).toBe(true);
    paragraph.remove();
    expect(paragraph.isConnected).toBe(false);
  });

  it('builds one html, head and body from a page with an ad page in front and a stray </body>', () => {
    const doc = parseHtmlDocument(
      '<html><body><center>AD</center></body></html>\n<!DOCTYPE html><html lang="en"><head><title>Real story</title></head><body><div><p>Article</p></body><p>after</p></html>',
      'file:///a.html',
    );
    expect([doc.getElementsByTagName('html').length, doc.getElementsByTagName('head').length, doc.getElementsByTagName('body').length]).toEqual([1, 1, 1]);
    expect(doc.title).toBe('Real story');
    expect(doc.body.textContent?.replace(/\s+/g, ' ').trim()).toBe('AD Articleafter');
  });

  it('lower-cases attribute names of HTML elements as browsers do, not those of SVG', () => {
    const doc = parseHtmlDocument('<html><head><META NAME="DC.Date.Issued" CONTENT="2008-06-12"></head><body><TD BGCOLOR="#fff">x</TD><svg viewBox="0 0 1 1"></svg></body></html>', 'file:///a.html');
    expect(doc.querySelector('meta[name="dc.date.issued" i]')?.getAttribute('content')).toBe('2008-06-12');
    expect(doc.querySelector('svg')?.getAttributeNames()).toEqual(['viewBox']);
  });
});

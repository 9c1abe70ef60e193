/**
 * A DOM for an HTML page in Node (jsdom), built the way a browser would parse it: scripts
 * never run, nothing is fetched, and CSS errors in the page stay quiet.
 */
import { JSDOM, VirtualConsole } from 'jsdom';

/** Parses `html` into a Document; `url` becomes `document.URL` (a file: URL for local files). */
export function parseHtmlDocument(html: string, url: string): Document {
  // jsdom reports unparsable page CSS through the console; the scan's stderr is for the user.
  const quiet = new VirtualConsole();
  const dom = new JSDOM(html, { url, virtualConsole: quiet, pretendToBeVisual: false });
  return dom.window.document;
}

/**
 * A DOM for an HTML page in Node: linkedom (htmlparser2 underneath), several times faster to
 * build and to walk than jsdom, which dominated the scan command's time (bench:extract compares
 * the two on real pages). Scripts never run and nothing is fetched: linkedom does neither.
 */
import { DOMParser } from 'linkedom';

const parser = new DOMParser();

/**
 * Parses `html` into a Document; `url` becomes `document.URL`, `documentURI` and `baseURI` (a
 * file: URL for local files). linkedom documents have no address, and a clone is built with
 * `new this.constructor()`: a subclass per page carries the address into clones (extraction
 * runs Readability on one).
 */
export function parseHtmlDocument(html: string, url: string): Document {
  const doc = parser.parseFromString(html, 'text/html') as unknown as Document;
  const Base = Object.getPrototypeOf(doc).constructor as new () => Document;
  class AddressedDocument extends Base {
    get URL(): string {
      return url;
    }
    get documentURI(): string {
      return url;
    }
    get baseURI(): string {
      return url;
    }
  }
  Object.setPrototypeOf(doc, AddressedDocument.prototype);
  return doc;
}

/**
 * A DOM for an HTML page in Node: linkedom (htmlparser2 underneath), several times faster to
 * build and to walk than jsdom, which dominated the scan command's time (bench:extract compares
 * the two on real pages). Scripts never run and nothing is fetched: linkedom does neither.
 */
import { createRequire } from 'node:module';

type Linkedom = typeof import('linkedom');

/**
 * linkedom (its CommonJS build), with nodes built without an event-listener map. linkedom's
 * EventTarget constructor gives every node its own map in a WeakMap: with it, building and
 * cloning a 250 KB page took about 40 % longer (bench:scan's pages), mostly in collecting
 * those entries. The scan command's pages never get a listener, so the constructor that Node
 * calls through `super()` is swapped for an empty one. This must happen before linkedom defines
 * Node's subclasses (Element, Text…): swapped later, V8 keeps their slower construction path, so
 * node.js is loaded and changed first, then the rest of linkedom. Reaching into linkedom's files
 * relies on its layout, which is why package.json pins linkedom's version. Dispatching an event
 * still works (no map reads as "no listeners"); adding a listener throws and says why.
 */
function loadLinkedom(): Linkedom {
  const fromLinkedom = createRequire(createRequire(import.meta.url).resolve('linkedom'));
  const { Node } = fromLinkedom('./interface/node.js') as { Node: Linkedom['Node'] };
  const { EventTarget } = fromLinkedom('./interface/event-target.js') as { EventTarget: Linkedom['EventTarget'] };
  if (Object.getPrototypeOf(Node) === EventTarget) {
    Object.setPrototypeOf(Node, class NodeWithoutListeners {});
    Object.assign(Node.prototype, {
      addEventListener() {
        throw new Error('pages read by the scan command take no event listeners');
      },
      removeEventListener() {},
    });
  }
  return fromLinkedom('./index.js') as Linkedom;
}

const { DOMParser } = loadLinkedom();

const parser = new DOMParser();

/** The prototype in `node`'s chain that defines `name`. */
function definingPrototype(node: object, name: string): Record<string, unknown> | undefined {
  for (let owner = Object.getPrototypeOf(node); owner; owner = Object.getPrototypeOf(owner)) {
    if (Object.hasOwn(owner, name)) return owner as Record<string, unknown>;
  }
  return undefined;
}

const FOLLOWING = 4;
const PRECEDING = 2;
const CONTAINS = 8;
const CONTAINED_BY = 16;
const DISCONNECTED = 1 | 32; // with IMPLEMENTATION_SPECIFIC, as the standard says

/** From the root down to `node`. */
function ancestry(node: Node): Node[] {
  const chain: Node[] = [];
  for (let current: Node | null = node; current; current = current.parentNode) chain.push(current);
  return chain.reverse();
}

/**
 * Node.compareDocumentPosition by the standard: linkedom's compares depths only, so a text node
 * earlier in the page can come out as following (lib/extract counts the text before a heading
 * with it).
 */
function compareDocumentPosition(this: Node, other: Node): number {
  if (this === other) return 0;
  const mine = ancestry(this);
  const theirs = ancestry(other);
  if (mine[0] !== theirs[0]) return DISCONNECTED;
  let depth = 0;
  while (depth < mine.length && depth < theirs.length && mine[depth] === theirs[depth]) depth++;
  if (depth === mine.length) return CONTAINED_BY | FOLLOWING; // `other` is inside this node
  if (depth === theirs.length) return CONTAINS | PRECEDING; // this node is inside `other`
  const siblings = Array.from(mine[depth - 1].childNodes);
  return siblings.indexOf(theirs[depth] as ChildNode) > siblings.indexOf(mine[depth] as ChildNode) ? FOLLOWING : PRECEDING;
}

/** getElementsByTagName with `'*'` (every element, which Readability and lib/extract count and walk): linkedom's matches names only. */
function everyElementSearch(byName: (this: ParentNode, name: string) => ArrayLike<Element>) {
  return function (this: ParentNode, name: string) {
    return name === '*' ? this.querySelectorAll('*') : byName.call(this, name);
  };
}

/** linkedom methods that differ from browsers in ways extraction depends on, replaced once on its prototypes. */
function patchLinkedom(): void {
  const sample = parser.parseFromString('<html><head></head><body><p>text</p></body></html>', 'text/html') as unknown as Document;
  const patched = new Set<unknown>();
  for (const node of [sample, sample.documentElement]) {
    const owner = definingPrototype(node, 'getElementsByTagName');
    if (!owner || patched.has(owner)) continue;
    patched.add(owner);
    owner.getElementsByTagName = everyElementSearch(owner.getElementsByTagName as (this: ParentNode, name: string) => ArrayLike<Element>);
  }
  for (const node of [sample, sample.documentElement, sample.body.firstChild!.firstChild!]) {
    const owner = definingPrototype(node, 'compareDocumentPosition');
    if (owner) owner.compareDocumentPosition = compareDocumentPosition;
  }
}
patchLinkedom();

/**
 * linkedom's deep clone of a document leaves every node's ownerDocument on the original, so
 * nothing in the clone `isConnected` (lib/extract skips removed elements by it) and walkers
 * made from `node.ownerDocument` walk the original. Points them at the clone, as browsers do.
 */
function adoptDescendants(clone: Document): void {
  const stack: Node[] = Array.from(clone.childNodes);
  while (stack.length > 0) {
    const node = stack.pop()!;
    (node as { ownerDocument: Document }).ownerDocument = clone;
    for (let child = node.firstChild; child; child = child.nextSibling) stack.push(child);
  }
}

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * HTML attribute names are case-insensitive and browsers store them lower-cased; linkedom keeps
 * them as written (for SVG's viewBox), so `<META NAME="DC.Date.Issued">` from a 2008 page had no
 * `name`. Lower-cases them on HTML elements (SVG ones keep theirs); where both spellings are
 * present, the lower-case one is kept.
 */
function lowerCaseAttributeNames(doc: Document): void {
  for (const element of Array.from(doc.getElementsByTagName('*'))) {
    if (element.namespaceURI !== HTML_NAMESPACE || element.tagName.toLowerCase() === 'svg' || (element as { ownerSVGElement?: unknown }).ownerSVGElement) continue;
    for (const name of element.getAttributeNames()) {
      const lower = name.toLowerCase();
      if (lower === name) continue;
      const value = element.getAttribute(name) ?? '';
      element.removeAttribute(name);
      if (!element.hasAttribute(lower)) element.setAttribute(lower, value);
    }
  }
}

const DOCUMENT_TYPE_NODE = 10;
const ELEMENT_NODE = 1;

/** Whether the page parsed into one <html> holding at most one <head> and one <body>, as a browser's parser guarantees. */
function hasOneRoot(doc: Document): boolean {
  const rootElements = Array.from(doc.childNodes).filter((node) => node.nodeType === ELEMENT_NODE);
  return (
    rootElements.length === 1 &&
    rootElements[0].nodeName.toUpperCase() === 'HTML' &&
    doc.getElementsByTagName('html').length === 1 &&
    doc.getElementsByTagName('body').length === 1 &&
    doc.getElementsByTagName('head').length <= 1
  );
}

/**
 * Gives a page the tree a browser builds from broken markup (crawled pages with an ad's whole
 * page in front, several <html>/<body> tags, text before <html>), which htmlparser2 keeps as
 * written: one <html> (the first, its attributes kept) with one <head> and one <body>; the
 * content of every <head> goes into the head, everything else into the body, in page order.
 */
function mergeRoots(doc: Document): void {
  const head: Node[] = [];
  const body: Node[] = [];
  const collect = (parent: Node, inHead: boolean) => {
    for (const node of Array.from(parent.childNodes)) {
      const name = node.nodeName.toUpperCase();
      if (node.nodeType === DOCUMENT_TYPE_NODE) continue;
      if (node.nodeType === ELEMENT_NODE && (name === 'HTML' || name === 'BODY')) collect(node, false);
      else if (node.nodeType === ELEMENT_NODE && name === 'HEAD') collect(node, true);
      else (inHead ? head : body).push(node);
    }
  };
  collect(doc, false);
  const html = doc.getElementsByTagName('html')[0] ?? doc.createElement('html');
  const headElement = doc.getElementsByTagName('head')[0] ?? doc.createElement('head');
  const bodyElement = doc.getElementsByTagName('body')[0] ?? doc.createElement('body');
  for (const node of Array.from(doc.childNodes)) if (node.nodeType !== DOCUMENT_TYPE_NODE) node.remove();
  for (const element of [html, headElement, bodyElement]) while (element.firstChild) element.firstChild.remove();
  headElement.append(...head);
  bodyElement.append(...body);
  html.append(headElement, bodyElement);
  doc.appendChild(html);
}

/**
 * Parses `html` into a Document; `url` becomes `document.URL`, `documentURI` and `baseURI` (a
 * file: URL for local files). linkedom documents have no address, and a clone is built with
 * `new this.constructor()`: a subclass per page carries the address into clones (extraction
 * runs Readability on one), and makes the clone own its nodes.
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
    cloneNode(deep?: boolean): Node {
      const clone = super.cloneNode(deep) as Document;
      if (deep) adoptDescendants(clone);
      return clone;
    }
  }
  Object.setPrototypeOf(doc, AddressedDocument.prototype);
  if (!hasOneRoot(doc)) mergeRoots(doc);
  lowerCaseAttributeNames(doc);
  return doc;
}

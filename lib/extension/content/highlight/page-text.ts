/**
 * The page's visible text as one string, whitespace collapsed the way the extractor collapses
 * it (lib/extract/blocks: /\s+/ → one space), with the text node and offset of each character,
 * so offsets found in that string become DOM positions. Reads the DOM only, never changes it.
 */
import { SKIPPED_TAGS } from '../../../extract/blocks';

/** Elements inside a line of text: they neither start nor end a paragraph. */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'KBD', 'MARK',
  'Q', 'RUBY', 'RT', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR',
]);

export interface PageText {
  /** Visible text, each run of whitespace (and each block edge) one space. */
  text: string;
  /** Per character of `text`: index into `nodes`, -1 for a block edge with no text of its own. */
  node: Int32Array;
  /** Per character of `text`: offset inside its text node. */
  offset: Int32Array;
  /** Per character of `text`: 1 when text left out (hidden, skipped) lies just before it; a range must not span it. */
  gapBefore: Uint8Array;
  nodes: Text[];
}

export interface PageTextOptions {
  /** Subtrees left out besides the skipped tags and hidden elements (e.g. our own panel). */
  exclude?: (element: Element) => boolean;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Hidden by attribute or by style: a reader cannot see it, so it is neither matched nor marked. */
function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(element);
  return style.display === 'none' || style.visibility === 'hidden';
}

/**
 * Collects the visible text under `root` (usually document.body) in document order.
 * Iterative, so deeply nested markup cannot overflow the stack. Cost: one computed style per element.
 */
export function readPageText(root: Node, options: PageTextOptions = {}): PageText {
  const chars: string[] = [];
  const nodeOf: number[] = [];
  const offsetOf: number[] = [];
  const nodes: Text[] = [];
  const gapOf: number[] = [];
  let gap = false;
  // Whether the last character pushed is a space (collapsed): leading spaces are dropped too.
  let lastSpace = true;
  const space = (node: number, offset: number) => {
    if (lastSpace) return;
    chars.push(' ');
    nodeOf.push(node);
    offsetOf.push(offset);
    gapOf.push(gap ? 1 : 0);
    gap = false;
    lastSpace = true;
  };
  const stack: Array<[Node, boolean]> = [[root, false]];
  while (stack.length > 0) {
    const [node, leaving] = stack.pop()!;
    if (leaving) {
      space(-1, 0);
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      const index = nodes.length;
      nodes.push(node as Text);
      for (let i = 0; i < value.length; i++) {
        const char = value[i];
        if (/\s/.test(char)) space(index, i);
        else {
          chars.push(char);
          nodeOf.push(index);
          offsetOf.push(i);
          gapOf.push(gap ? 1 : 0);
          gap = false;
          lastSpace = false;
        }
      }
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      const tag = element.tagName.toUpperCase();
      if (SKIPPED_TAGS.has(tag) || options.exclude?.(element) || isHidden(element)) {
        gap = true;
        continue;
      }
      if (tag === 'BR') {
        space(-1, 0);
        continue;
      }
      if (!INLINE_TAGS.has(tag)) {
        space(-1, 0);
        stack.push([node, true]);
      }
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], false]);
  }
  return { text: chars.join(''), node: Int32Array.from(nodeOf), offset: Int32Array.from(offsetOf), gapBefore: Uint8Array.from(gapOf), nodes };
}

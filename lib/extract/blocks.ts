/**
 * Turns an element's content into paragraphs: each block-level element (p, h2, li, blockquote,
 * a table row...) and each <br>-separated line becomes one paragraph, whitespace collapsed, with the amount of link text it
 * holds so that link-only teasers can be told from prose.
 */

export interface TextBlock {
  text: string;
  /** Characters of `text` that sit inside links. */
  linkChars: number;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that start and end a paragraph. Table cells are not: a row reads as one line. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV',
  'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'CAPTION',
]);

/** Never article text: captions and media credits, form controls and their labels, code that is not shown. */
export const SKIPPED_TAGS = new Set([
  'FIGCAPTION', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'LABEL', 'LEGEND',
  'OPTION', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE',
]);

class BlockCollector {
  readonly blocks: TextBlock[] = [];
  private parts: string[] = [];
  private linkChars = 0;

  add(text: string, inLink: boolean): void {
    this.parts.push(text);
    if (inLink) this.linkChars += text.replace(/\s+/g, '').length;
  }

  /** Ends the current paragraph (if it holds any text). */
  flush(): void {
    const text = this.parts.join('').replace(/\s+/g, ' ').trim();
    if (text.length > 0) {
      const visibleChars = text.replace(/\s+/g, '').length;
      this.blocks.push({ text, linkChars: Math.min(this.linkChars, visibleChars) });
    }
    this.parts = [];
    this.linkChars = 0;
  }
}

/** Paragraphs of `root`, in document order. Iterative, so deep broken markup cannot overflow the stack. */
export function collectBlocks(root: Node): TextBlock[] {
  const collector = new BlockCollector();
  // A stack of [node, inLink, leaving]: `leaving` marks the point after a block's children.
  const stack: Array<[Node, boolean, boolean]> = [[root, false, false]];
  while (stack.length > 0) {
    const [node, inLink, leaving] = stack.pop()!;
    if (leaving) {
      collector.flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      collector.add(node.nodeValue ?? '', inLink);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    const tag = node.nodeType === ELEMENT_NODE ? (node as Element).tagName.toUpperCase() : '';
    if (SKIPPED_TAGS.has(tag)) continue;
    if (tag === 'BR') {
      // A line break ends a line of its own: old table layouts separate navigation links, the
      // headline and the first paragraph with nothing else, and each must be judged alone.
      collector.flush();
      continue;
    }
    if (tag === 'TD' || tag === 'TH') collector.add(' ', inLink);
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) {
      collector.flush();
      stack.push([node, inLink, true]);
    }
    const childInLink = inLink || tag === 'A';
    const children = node.childNodes;
    for (let index = children.length - 1; index >= 0; index--) stack.push([children[index], childInLink, false]);
  }
  collector.flush();
  return collector.blocks;
}

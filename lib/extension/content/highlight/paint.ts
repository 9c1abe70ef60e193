/**
 * Marks ranges with the CSS Custom Highlight API: named highlights in `CSS.highlights`, styled
 * by `::highlight(name)` rules. The page's DOM is not changed (no wrapper elements), so there
 * is nothing to undo in it: turning off deletes the highlights and the style sheet.
 */

/** Highlight names, namespaced so they cannot clash with the page's own. */
export const HIGHLIGHT_NAMES = {
  shared: 'recycled-news-shared',
  swap: 'recycled-news-swap',
  current: 'recycled-news-current',
} as const;

const STYLES = `
::highlight(${HIGHLIGHT_NAMES.shared}) { background-color: rgba(255, 209, 64, 0.45); color: inherit; }
::highlight(${HIGHLIGHT_NAMES.current}) { background-color: rgba(255, 179, 0, 0.8); color: #000; }
::highlight(${HIGHLIGHT_NAMES.swap}) { background-color: rgba(229, 57, 53, 0.3); color: inherit; text-decoration: underline wavy rgb(198, 40, 40); text-decoration-thickness: 2px; }
`;

/** The browser's highlight registry, or null where the API is missing (Firefox before 140). */
export function highlightRegistry(view: Window & typeof globalThis): HighlightRegistry | null {
  return typeof view.CSS !== 'undefined' && 'highlights' in view.CSS && typeof view.Highlight === 'function' ? view.CSS.highlights : null;
}

export interface Painter {
  /** Replaces what is marked; each group may be empty. */
  paint(groups: { shared: Range[]; swap: Range[]; current: Range[] }): void;
  /** Removes every mark and the style sheet. */
  clear(): void;
}

export function createPainter(doc: Document, registry: HighlightRegistry, view: Window & typeof globalThis): Painter {
  let sheet: CSSStyleSheet | null = null;
  let styleElement: HTMLStyleElement | null = null;

  function addStyles() {
    if (sheet || styleElement) return;
    try {
      // A constructed sheet adds no element to the page.
      sheet = new view.CSSStyleSheet();
      sheet.replaceSync(STYLES);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    } catch {
      sheet = null;
      styleElement = doc.createElement('style');
      styleElement.textContent = STYLES;
      (doc.head ?? doc.documentElement).append(styleElement);
    }
  }

  return {
    paint({ shared, swap, current }) {
      addStyles();
      const set = (name: string, ranges: Range[], priority: number) => {
        const highlight = new view.Highlight(...ranges);
        highlight.priority = priority;
        registry.set(name, highlight);
      };
      set(HIGHLIGHT_NAMES.shared, shared, 0);
      set(HIGHLIGHT_NAMES.current, current, 1);
      set(HIGHLIGHT_NAMES.swap, swap, 2);
    },
    clear() {
      for (const name of Object.values(HIGHLIGHT_NAMES)) registry.delete(name);
      if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
      styleElement?.remove();
      sheet = null;
      styleElement = null;
    },
  };
}

/**
 * The small panel at the page's edge while highlighting is on: what is marked, next / previous
 * passage, the swaps of the current passage with the library's wording (reachable by keyboard),
 * and "Turn off". It lives in a closed shadow root, so the page's styles and scripts cannot reach
 * into it; everything in it is set as text, never as markup.
 */
import { formatNumber, t } from '../../../i18n';

export interface PanelView {
  summary: string;
  /** Passages that could not be marked, said plainly. */
  notes: string[];
  /** e.g. "Passage 2 of 5"; empty when nothing is marked. */
  position: string;
  canStep: boolean;
  /** The current passage's swaps: the page's wording and the library article's. */
  swaps: Array<{ page: string; other: string }>;
  otherLabel: string;
}

export interface PanelActions {
  onPrevious(): void;
  onNext(): void;
  onOff(): void;
}

export interface Panel {
  /** The element in the page holding the shadow root (excluded from the page's text). */
  host: HTMLElement;
  update(view: PanelView): void;
  /** A tooltip near (x, y) (viewport pixels): the library's wording of a swap under the pointer. */
  showTip(text: string, x: number, y: number): void;
  hideTip(): void;
  remove(): void;
}

const STYLES = `
:host { all: initial; }
.panel { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; box-sizing: border-box; width: min(340px, calc(100vw - 32px));
  max-height: 60vh; overflow: auto; padding: 12px 14px; border-radius: 10px; font: 13px/1.4 system-ui, sans-serif;
  background: #fff; color: #1d1d1f; border: 1px solid #c9c9cf; box-shadow: 0 4px 18px rgba(0,0,0,.18); }
h2 { margin: 0 0 6px; font-size: 14px; }
p { margin: 0 0 6px; }
.note { color: #8a1c1c; }
.legend { display: flex; gap: 10px; margin: 0 0 8px; }
.shared, .swap { padding: 0 4px; border-radius: 3px; }
.shared { background: rgba(255, 209, 64, .6); }
.swap { background: rgba(229, 57, 53, .3); text-decoration: underline wavy rgb(198, 40, 40); }
.row { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
.position { margin-right: auto; font-weight: 600; }
button { font: inherit; padding: 3px 10px; border-radius: 6px; border: 1px solid #8e8e93; background: #f2f2f7; color: inherit; cursor: pointer; }
button:focus-visible { outline: 2px solid #0a66c2; outline-offset: 1px; }
details { margin-top: 8px; } summary { cursor: pointer; }
ul { margin: 6px 0 0; padding-left: 18px; }
.tip { position: fixed; z-index: 2147483647; max-width: 280px; padding: 4px 8px; border-radius: 6px; font: 12px/1.4 system-ui, sans-serif;
  background: #1d1d1f; color: #fff; pointer-events: none; }
@media (prefers-color-scheme: dark) {
  .panel { background: #1f1f23; color: #f2f2f7; border-color: #48484f; }
  .note { color: #ff8a80; }
  button { background: #2c2c31; border-color: #6e6e75; }
  .tip { background: #f2f2f7; color: #1d1d1f; }
}
`;

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function createPanel(doc: Document, actions: PanelActions): Panel {
  const host = doc.createElement('div');
  const root = host.attachShadow({ mode: 'closed' });
  const style = element(doc, 'style', undefined, STYLES);
  const panel = element(doc, 'section', 'panel');
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', t('highlightPanelLabel', t('extName')));
  const heading = element(doc, 'h2', undefined, t('extName'));
  const summary = element(doc, 'p', 'summary');
  const notes = element(doc, 'div', 'notes');
  const legend = element(doc, 'p', 'legend');
  legend.append(element(doc, 'span', 'shared', t('highlightLegendShared')), element(doc, 'span', 'swap', t('highlightLegendSwap')));
  const row = element(doc, 'div', 'row');
  const position = element(doc, 'span', 'position');
  position.setAttribute('aria-live', 'polite');
  const previous = element(doc, 'button', 'previous', t('highlightPrevious'));
  const next = element(doc, 'button', 'next', t('highlightNext'));
  const off = element(doc, 'button', 'off', t('highlightOff'));
  for (const [button, action] of [[previous, actions.onPrevious], [next, actions.onNext], [off, actions.onOff]] as const) {
    button.type = 'button';
    button.addEventListener('click', () => action());
  }
  row.append(position, previous, next, off);
  // Folded: a heavily spun passage has hundreds of swaps, and the panel must not cover the article.
  const swapsBox = element(doc, 'details', 'swaps-box');
  const swapsHead = element(doc, 'summary', 'swaps-head');
  const swaps = element(doc, 'ul', 'swaps');
  swapsBox.append(swapsHead, swaps);
  const tip = element(doc, 'div', 'tip');
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  panel.append(heading, summary, notes, legend, row, swapsBox);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') actions.onOff();
  });
  root.append(style, panel, tip);
  doc.documentElement.append(host);

  return {
    host,
    update(view) {
      summary.textContent = view.summary;
      notes.replaceChildren(...view.notes.map((note) => element(doc, 'p', 'note', note)));
      position.textContent = view.position;
      previous.disabled = !view.canStep;
      next.disabled = !view.canStep;
      legend.hidden = view.position === '';
      swapsBox.hidden = view.swaps.length === 0;
      swapsHead.textContent =
        view.swaps.length === 1 ? t('highlightSwapsHeadOne', view.otherLabel) : t('highlightSwapsHead', formatNumber(view.swaps.length), view.otherLabel);
      swaps.replaceChildren(...view.swaps.map((swap) => element(doc, 'li', undefined, `${swap.page} ← ${swap.other}`)));
    },
    showTip(text, x, y) {
      tip.textContent = text;
      tip.hidden = false;
      const width = doc.defaultView?.innerWidth ?? 1024;
      tip.style.left = `${Math.max(4, Math.min(x + 12, width - 290))}px`;
      tip.style.top = `${Math.max(4, y + 16)}px`;
    },
    hideTip() {
      tip.hidden = true;
    },
    remove() {
      host.remove();
    },
  };
}

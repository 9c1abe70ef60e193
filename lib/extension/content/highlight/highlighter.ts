/**
 * "Show on the page" in the content script: maps a highlight plan's offsets to the page
 * (./map-spans), marks them (./paint), opens the panel (./panel) and follows the pointer for
 * the swaps' tooltips. One match is shown at a time; nothing is marked before `show` is called.
 */
import { formatNumber, t } from '../../../i18n';
import type { HighlightPlan, HighlightReport, TextSpan } from '../../../protocol';
import { mapSpans } from './map-spans';
import { readPageText } from './page-text';
import { createPainter, highlightRegistry, type Painter } from './paint';
import { createPanel, type Panel, type PanelView } from './panel';

export interface Highlighter {
  /** Marks `plan` (replacing what was shown). `toggle`: turn off instead when this match is already shown. */
  show(plan: HighlightPlan, toggle?: boolean): HighlightReport;
  off(): void;
}

interface ShownPassage {
  ranges: Range[];
  swaps: Array<{ page: string; other: string }>;
}

interface Shown {
  matchId: string;
  painter: Painter;
  panel: Panel;
  passages: ShownPassage[];
  swaps: Array<{ ranges: Range[]; other: string }>;
  current: number;
  otherLabel: string;
  view: Omit<PanelView, 'position' | 'swaps' | 'canStep'>;
  stopFollowing(): void;
}

const inside = (span: TextSpan, outer: TextSpan) => span.start >= outer.start && span.end <= outer.end;

function notesFor(report: HighlightReport): string[] {
  const notes: string[] = [];
  if (report.found + report.partly === 0) notes.push(t('highlightNoneFound'));
  else if (report.missing > 0) notes.push(report.missing === 1 ? t('highlightMissingOne') : t('highlightMissing', formatNumber(report.missing)));
  if (report.partly > 0) notes.push(report.partly === 1 ? t('highlightPartlyOne') : t('highlightPartly', formatNumber(report.partly)));
  const swapsLost = report.swaps - report.swapsFound;
  if (swapsLost > 0 && report.found + report.partly > 0) notes.push(swapsLost === 1 ? t('highlightSwapsLostOne') : t('highlightSwapsLost', formatNumber(swapsLost)));
  return notes;
}

export function createHighlighter(doc: Document): Highlighter {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  let shown: Shown | null = null;

  function render(state: Shown) {
    const passage = state.passages[state.current];
    state.painter.paint({
      shared: state.passages.flatMap((item) => item.ranges),
      swap: state.swaps.flatMap((item) => item.ranges),
      current: passage?.ranges ?? [],
    });
    state.panel.update({
      ...state.view,
      position: passage ? t('highlightPosition', formatNumber(state.current + 1), formatNumber(state.passages.length)) : '',
      canStep: state.passages.length > 1,
      swaps: passage?.swaps ?? [],
    });
  }

  function step(by: number) {
    if (!shown || shown.passages.length === 0) return;
    shown.current = (shown.current + by + shown.passages.length) % shown.passages.length;
    render(shown);
    shown.passages[shown.current].ranges[0].startContainer.parentElement?.scrollIntoView({ block: 'center' });
  }

  /** Shows the library's wording of the swap under the pointer (the page's own events are not touched). */
  function followPointer(state: Omit<Shown, 'stopFollowing'>): () => void {
    let frame = 0;
    const onMove = (event: MouseEvent) => {
      if (frame) return;
      frame = view!.requestAnimationFrame(() => {
        frame = 0;
        const { clientX: x, clientY: y } = event;
        const hit = state.swaps.find((swap) =>
          swap.ranges.some((range) => [...range.getClientRects()].some((rect) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom)),
        );
        if (hit) state.panel.showTip(t('highlightTip', state.otherLabel, hit.other), x, y);
        else state.panel.hideTip();
      });
    };
    doc.addEventListener('mousemove', onMove, { passive: true, capture: true });
    return () => {
      doc.removeEventListener('mousemove', onMove, { capture: true });
      if (frame) view!.cancelAnimationFrame(frame);
    };
  }

  function off() {
    if (!shown) return;
    shown.stopFollowing();
    shown.painter.clear();
    shown.panel.remove();
    shown = null;
  }

  function show(plan: HighlightPlan, toggle = false): HighlightReport {
    if (toggle && shown?.matchId === plan.matchId) {
      off();
      return { shown: false, passages: 0, found: 0, partly: 0, missing: 0, swaps: 0, swapsFound: 0 };
    }
    const registry = view ? highlightRegistry(view) : null;
    if (!view || !registry) throw new Error(t('highlightNoApi'));
    off();
    const panel = createPanel(doc, { onPrevious: () => step(-1), onNext: () => step(1), onOff: off });
    const pageText = readPageText(doc.body ?? doc.documentElement, { exclude: (element) => element === panel.host });
    const passages = mapSpans(doc, pageText, plan.text, plan.passages);
    const swaps = mapSpans(doc, pageText, plan.text, plan.swaps);
    const copiedBy = plan.direction === 'copied-by';
    const otherLabel = t(copiedBy ? 'swapsTheirTitle' : 'passagesLibraryArticle');
    const shownPassages: ShownPassage[] = [];
    plan.passages.forEach((span, index) => {
      if (passages[index].ranges.length === 0) return;
      const own = plan.swaps.flatMap((swap, swapIndex) =>
        inside(swap, span) && swaps[swapIndex].ranges.length > 0 ? [{ page: plan.text.slice(swap.start, swap.end), other: swap.other }] : [],
      );
      shownPassages.push({ ranges: passages[index].ranges, swaps: own });
    });
    const count = (status: string) => passages.filter((item) => item.status === status).length;
    const report: HighlightReport = {
      shown: true,
      passages: plan.passages.length,
      found: count('found'),
      partly: count('partly'),
      missing: count('missing'),
      swaps: plan.swaps.length,
      swapsFound: swaps.filter((item) => item.ranges.length > 0).length,
    };
    const swapWords =
      report.swapsFound === 0 ? '' : report.swapsFound === 1 ? t('highlightSummarySwapsOne') : t('highlightSummarySwaps', formatNumber(report.swapsFound));
    const marked = shownPassages.length;
    const summary =
      marked === 1
        ? t(copiedBy ? 'highlightSummaryTakenOne' : 'highlightSummarySharedOne', plan.title, swapWords)
        : t(copiedBy ? 'highlightSummaryTaken' : 'highlightSummaryShared', formatNumber(marked), plan.title, swapWords);
    const base = {
      matchId: plan.matchId,
      painter: createPainter(doc, registry, view),
      panel,
      passages: shownPassages,
      swaps: plan.swaps.map((swap, index) => ({ ranges: swaps[index].ranges, other: swap.other })).filter((swap) => swap.ranges.length > 0),
      current: 0,
      otherLabel,
      view: { summary, notes: notesFor(report), otherLabel: otherLabel.toLowerCase() },
    };
    shown = { ...base, stopFollowing: followPointer(base) };
    render(shown);
    shown.passages[0]?.ranges[0].startContainer.parentElement?.scrollIntoView({ block: 'center' });
    return report;
  }

  return { show, off };
}

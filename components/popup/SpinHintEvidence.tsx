/**
 * The spin hint's evidence (lib/spin): each odd word or phrase once, most telling first, with
 * the wording it probably replaced, how often it occurs, and its sentence on demand. Page text
 * is rendered as text, never as HTML.
 */
import { formatNumber, t } from '../../lib/i18n';
import { distinctSpinEvidence, type SpinHint } from '../../lib/spin';

export interface SpinHintEvidenceProps {
  hint: SpinHint;
  /** The page text the evidence offsets point into. */
  pageText: string;
  /** A library source was found too: its substitutions are the main evidence, this list is secondary. */
  secondary: boolean;
}

/** Items listed; the rest are counted. */
const SHOWN = 12;
/** Longest context shown on each side of a phrase when its sentence is long. */
const CONTEXT = 160;

function sentenceAround(text: string, start: number, end: number): { before: string; phrase: string; after: string } {
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  const head = text.slice(from, start);
  const tail = text.slice(end, to);
  const cut = head.search(/[.!?\n][^.!?\n]*$/);
  const stop = tail.search(/[.!?\n]/);
  return {
    before: (cut >= 0 ? head.slice(cut + 1) : (from > 0 ? '…' : '') + head).trimStart(),
    phrase: text.slice(start, end),
    after: stop >= 0 ? tail.slice(0, stop + 1) : tail + (to < text.length ? '…' : ''),
  };
}

export function SpinHintEvidence({ hint, pageText, secondary }: SpinHintEvidenceProps) {
  const items = distinctSpinEvidence(hint.evidence);
  const shown = items.slice(0, SHOWN);
  return (
    <section class="spin-hint" aria-label={t('spinHintLabel')}>
      <h2 class="spin-hint__title">{secondary ? t('spinHintSecondaryTitle') : t('spinHintTitle')}</h2>
      <ul class="spin-hint__list">
        {shown.map((item) => {
          const context = sentenceAround(pageText, item.start, item.end);
          return (
            <li key={`${item.start}`} class="spin-hint__item">
              <details>
                <summary>
                  <q>{item.text}</q>
                  {item.likely && <> → {t('spinHintProbably')} <q>{item.likely}</q></>}
                  {item.count > 1 && <span class="spin-hint__count"> ×{formatNumber(item.count)}</span>}
                </summary>
                <p class="spin-hint__sentence">
                  {context.before}
                  <mark>{context.phrase}</mark>
                  {context.after}
                </p>
              </details>
            </li>
          );
        })}
      </ul>
      {items.length > shown.length && <p class="spin-hint__more">{t('spinHintMore', formatNumber(items.length - shown.length))}</p>}
      <p class="spin-hint__note">{t('spinHintNote')}</p>
    </section>
  );
}

/** Previous / next page buttons with the range shown, for lists read one page at a time. */
import { t } from '../../lib/i18n';
import { formatCount } from './format';

export interface PagerProps {
  /** 0-based index of the first item shown. */
  first: number;
  shown: number;
  /** All matching items, when known. */
  total: number | null;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

export function Pager({ first, shown, total, hasPrevious, hasNext, onPrevious, onNext }: PagerProps) {
  const from = formatCount(first + 1);
  const to = formatCount(first + shown);
  const range =
    shown === 0 ? t('pagerNone') : total !== null ? t('pagerOfTotal', from, to, formatCount(total)) : hasNext ? t('pagerOfMany', from, to) : t('pagerRange', from, to);
  return (
    <nav class="pager" aria-label={t('pagerLabel')}>
      <button type="button" onClick={onPrevious} disabled={!hasPrevious}>
        {t('pagerPrevious')}
      </button>
      <span class="pager-range">{range}</span>
      <button type="button" onClick={onNext} disabled={!hasNext}>
        {t('pagerNext')}
      </button>
    </nav>
  );
}

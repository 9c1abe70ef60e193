/** Previous / next page buttons with the range shown, for lists read one page at a time. */
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
  const range = shown === 0 ? 'No entries' : `${formatCount(first + 1)}–${formatCount(first + shown)}`;
  return (
    <nav class="pager" aria-label="Pages">
      <button type="button" onClick={onPrevious} disabled={!hasPrevious}>
        ‹ Previous
      </button>
      <span class="pager-range">
        {range}
        {shown > 0 && (total === null ? (hasNext ? ' of many' : '') : ` of ${formatCount(total)}`)}
      </span>
      <button type="button" onClick={onNext} disabled={!hasNext}>
        Next ›
      </button>
    </nav>
  );
}

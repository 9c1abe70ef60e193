/** The browse list's controls: word search, origin, source, date range and sort order. */
import type { SortField } from '../../lib/library/db';
import type { EntryOrigin } from '../../lib/library/types';
import { t, type MessageKey } from '../../lib/i18n';
import { ORIGIN_ORDER, originLabel } from './format';

export interface LibraryFilterValues {
  words: string;
  origin: EntryOrigin | '';
  source: string;
  dateFrom: string;
  dateTo: string;
  sort: SortField;
  descending: boolean;
}

export interface LibraryFiltersProps {
  values: LibraryFilterValues;
  onChange: (values: LibraryFilterValues) => void;
}

const SORT_LABELS: Record<SortField, MessageKey> = {
  date: 'columnDate',
  added: 'sortAdded',
  title: 'columnTitle',
  source: 'columnSource',
  size: 'columnSize',
};

export function LibraryFilters({ values, onChange }: LibraryFiltersProps) {
  const set = <K extends keyof LibraryFilterValues>(key: K, value: LibraryFilterValues[K]) => onChange({ ...values, [key]: value });
  const text = (event: Event) => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  return (
    <div class="filters" role="search">
      <label class="filter-search">
        <span class="visually-hidden">{t('filterSearch')}</span>
        <input
          type="search"
          placeholder={t('filterSearch')}
          value={values.words}
          onInput={(event) => set('words', text(event))}
        />
      </label>
      <label>
        {t('columnOrigin')}
        <select value={values.origin} onChange={(event) => set('origin', text(event) as EntryOrigin | '')}>
          <option value="">{t('filterAll')}</option>
          {ORIGIN_ORDER.map((origin) => (
            <option key={origin} value={origin}>
              {originLabel(origin)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('columnSource')}
        <input type="text" placeholder={t('filterSourceHint')} value={values.source} onInput={(event) => set('source', text(event))} />
      </label>
      <label>
        {t('filterFrom')}
        <input type="date" value={values.dateFrom} onChange={(event) => set('dateFrom', text(event))} />
      </label>
      <label>
        {t('filterTo')}
        <input type="date" value={values.dateTo} onChange={(event) => set('dateTo', text(event))} />
      </label>
      <label>
        {t('filterSort')}
        <select value={values.sort} onChange={(event) => set('sort', text(event) as SortField)}>
          {Object.entries(SORT_LABELS).map(([field, label]) => (
            <option key={field} value={field}>
              {t(label)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        class="icon"
        aria-label={values.descending ? t('filterDescending') : t('filterAscending')}
        title={values.descending ? t('filterDescendingHint') : t('filterAscendingHint')}
        onClick={() => set('descending', !values.descending)}
      >
        {values.descending ? '↓' : '↑'}
      </button>
    </div>
  );
}

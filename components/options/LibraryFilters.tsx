/** The browse list's controls: word search, origin, source, date range and sort order. */
import type { SortField } from '../../lib/library/db';
import type { EntryOrigin } from '../../lib/library/types';
import { ORIGIN_LABELS } from './format';

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

const SORT_LABELS: Record<SortField, string> = {
  date: 'Date',
  added: 'Date added',
  title: 'Title',
  source: 'Source',
  size: 'Size',
};

export function LibraryFilters({ values, onChange }: LibraryFiltersProps) {
  const set = <K extends keyof LibraryFilterValues>(key: K, value: LibraryFilterValues[K]) => onChange({ ...values, [key]: value });
  const text = (event: Event) => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  return (
    <div class="filters" role="search">
      <label class="filter-search">
        <span class="visually-hidden">Search words in titles and texts</span>
        <input
          type="search"
          placeholder="Search words in titles and texts"
          value={values.words}
          onInput={(event) => set('words', text(event))}
        />
      </label>
      <label>
        Origin
        <select value={values.origin} onChange={(event) => set('origin', text(event) as EntryOrigin | '')}>
          <option value="">All</option>
          {Object.entries(ORIGIN_LABELS).map(([origin, label]) => (
            <option key={origin} value={origin}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Source
        <input type="text" placeholder="starts with…" value={values.source} onInput={(event) => set('source', text(event))} />
      </label>
      <label>
        From
        <input type="date" value={values.dateFrom} onChange={(event) => set('dateFrom', text(event))} />
      </label>
      <label>
        To
        <input type="date" value={values.dateTo} onChange={(event) => set('dateTo', text(event))} />
      </label>
      <label>
        Sort by
        <select value={values.sort} onChange={(event) => set('sort', text(event) as SortField)}>
          {Object.entries(SORT_LABELS).map(([field, label]) => (
            <option key={field} value={field}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        class="icon"
        aria-label={values.descending ? 'Descending order; switch to ascending' : 'Ascending order; switch to descending'}
        title={values.descending ? 'Newest / largest / Z first' : 'Oldest / smallest / A first'}
        onClick={() => set('descending', !values.descending)}
      >
        {values.descending ? '↓' : '↑'}
      </button>
    </div>
  );
}

/** One page of library entries as a table, with checkboxes for acting on a selection. */
import type { EntrySummary } from '../../lib/library/records';
import { formatDate, formatSize, ORIGIN_LABELS } from './format';

export interface EntryTableProps {
  entries: EntrySummary[];
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (select: boolean) => void;
  onOpen: (id: string) => void;
}

export function EntryTable({ entries, selected, onToggle, onToggleAll, onOpen }: EntryTableProps) {
  const allSelected = entries.length > 0 && entries.every((entry) => selected.has(entry.id));
  return (
    <table class="entries">
      <thead>
        <tr>
          <th class="check">
            <input
              type="checkbox"
              aria-label="Select every entry on this page"
              checked={allSelected}
              onChange={() => onToggleAll(!allSelected)}
            />
          </th>
          <th>Title</th>
          <th>Source</th>
          <th>Date</th>
          <th>Origin</th>
          <th class="num">Size</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id} class={selected.has(entry.id) ? 'selected' : undefined}>
            <td class="check">
              <input
                type="checkbox"
                aria-label={`Select ${entry.title}`}
                checked={selected.has(entry.id)}
                onChange={() => onToggle(entry.id)}
              />
            </td>
            <td>
              <button type="button" class="link entry-title" onClick={() => onOpen(entry.id)}>
                {entry.title}
              </button>
            </td>
            <td>{entry.source}</td>
            <td title={entry.publishedAt ? 'Published' : 'Added to the library'}>
              {formatDate(entry.dateKey)}
              {!entry.publishedAt && <span class="muted"> (added)</span>}
            </td>
            <td>{ORIGIN_LABELS[entry.origin]}</td>
            <td class="num">{formatSize(entry.size)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

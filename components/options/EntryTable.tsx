/** One page of library entries as a table, with checkboxes for acting on a selection. */
import type { EntrySummary } from '../../lib/library/records';
import { t } from '../../lib/i18n';
import { formatDate, formatSize, originLabel } from './format';

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
              aria-label={t('tableSelectAll')}
              checked={allSelected}
              onChange={() => onToggleAll(!allSelected)}
            />
          </th>
          <th>{t('columnTitle')}</th>
          <th>{t('columnSource')}</th>
          <th>{t('columnDate')}</th>
          <th>{t('columnOrigin')}</th>
          <th class="num">{t('columnSize')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id} class={selected.has(entry.id) ? 'selected' : undefined}>
            <td class="check">
              <input
                type="checkbox"
                aria-label={t('tableSelectOne', entry.title)}
                checked={selected.has(entry.id)}
                onChange={() => onToggle(entry.id)}
              />
            </td>
            <td>
              <button type="button" class="link entry-title" onClick={() => onOpen(entry.id)}>
                <bdi>{entry.title}</bdi>
              </button>
            </td>
            <td>
              <bdi>{entry.source}</bdi>
            </td>
            <td title={entry.publishedAt ? t('tableDatePublished') : t('tableDateAdded')}>
              {formatDate(entry.dateKey)}
              {!entry.publishedAt && <span class="muted"> {t('tableAddedMark')}</span>}
            </td>
            <td>{originLabel(entry.origin)}</td>
            <td class="num">{formatSize(entry.size)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

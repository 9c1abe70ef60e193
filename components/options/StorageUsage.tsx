/** How many articles the library holds, by origin, how much of the browser's storage it uses and
 *  on what, and a way to reclaim some. */
import type { LibraryStats } from '../../lib/library/service';
import { t } from '../../lib/i18n';
import type { EntryOrigin } from '../../lib/library/types';
import { formatBytes, formatCount, originLabel } from './format';
import { useState } from 'preact/hooks';
import { DropLearnedTexts } from './DropLearnedTexts';
import { ReclaimLearned } from './ReclaimLearned';
import { StorageBreakdown } from './StorageBreakdown';

export interface StorageUsageProps {
  stats: LibraryStats | null;
  /** navigator.storage.estimate(), when the browser gives it. */
  estimate: { usage?: number; quota?: number } | null;
  /** Called after space was reclaimed, so the counts and the estimate are read again. */
  onLibraryChanged: () => void;
}

export function StorageUsage({ stats, estimate, onLibraryChanged }: StorageUsageProps) {
  // Dropping texts leaves the library's size as it was: counted here, so the breakdown is dropped too.
  const [textDrops, setTextDrops] = useState(0);
  return (
    <fieldset>
      <legend>{t('storageLegend')}</legend>
      {stats ? (
        <>
          <p>
            {t('storageHolds')} <strong class="library-total">{formatCount(stats.total)}</strong>
          </p>
          {stats.total > 0 && (
            <ul>
              {Object.entries(stats.byOrigin)
                .filter(([, count]) => count > 0)
                .map(([origin, count]) => (
                  <li key={origin}>
                    {originLabel(origin as EntryOrigin)}: {formatCount(count)}
                  </li>
                ))}
            </ul>
          )}
        </>
      ) : (
        <p class="muted">{t('storageCounting')}</p>
      )}
      {estimate?.usage !== undefined ? (
        <p>
          {estimate.quota
            ? t('storageUsesOfQuota', formatBytes(estimate.usage), formatBytes(estimate.quota))
            : t('storageUses', formatBytes(estimate.usage))}
        </p>
      ) : (
        <p class="muted">{t('storageUnknown')}</p>
      )}
      {/* Keyed by the library's size and the texts dropped: figures measured before a reclaim are dropped with it. */}
      <StorageBreakdown key={`${stats?.total ?? -1}/${textDrops}`} />
      <ReclaimLearned learnedCount={stats?.byOrigin.learned ?? 0} onDeleted={onLibraryChanged} />
      <DropLearnedTexts
        learnedCount={stats?.byOrigin.learned ?? 0}
        onDropped={() => {
          setTextDrops((count) => count + 1);
          onLibraryChanged();
        }}
      />
    </fieldset>
  );
}

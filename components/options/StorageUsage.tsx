/** How many articles the library holds, by origin, and how much of the browser's storage it uses. */
import type { LibraryStats } from '../../lib/library/service';
import { t } from '../../lib/i18n';
import type { EntryOrigin } from '../../lib/library/types';
import { formatBytes, formatCount, originLabel } from './format';

export interface StorageUsageProps {
  stats: LibraryStats | null;
  /** navigator.storage.estimate(), when the browser gives it. */
  estimate: { usage?: number; quota?: number } | null;
}

export function StorageUsage({ stats, estimate }: StorageUsageProps) {
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
    </fieldset>
  );
}

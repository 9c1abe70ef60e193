/** How many articles the library holds, by origin, and how much of the browser's storage it uses. */
import type { LibraryStats } from '../../lib/library/service';
import { formatBytes, formatCount, ORIGIN_LABELS } from './format';

export interface StorageUsageProps {
  stats: LibraryStats | null;
  /** navigator.storage.estimate(), when the browser gives it. */
  estimate: { usage?: number; quota?: number } | null;
}

export function StorageUsage({ stats, estimate }: StorageUsageProps) {
  return (
    <fieldset>
      <legend>Storage</legend>
      {stats ? (
        <p>
          The library holds <strong class="library-total">{formatCount(stats.total)}</strong> {stats.total === 1 ? 'article' : 'articles'}
          {stats.total > 0 && ': '}
          {Object.entries(stats.byOrigin)
            .filter(([, count]) => count > 0)
            .map(([origin, count]) => `${formatCount(count)} ${ORIGIN_LABELS[origin as keyof typeof ORIGIN_LABELS].toLowerCase()}`)
            .join(', ')}
          .
        </p>
      ) : (
        <p class="muted">Counting the library…</p>
      )}
      {estimate?.usage !== undefined ? (
        <p>
          It uses <strong>{formatBytes(estimate.usage)}</strong> on this device
          {estimate.quota ? ` (the browser allows up to ${formatBytes(estimate.quota)})` : ''}.
        </p>
      ) : (
        <p class="muted">This browser does not say how much storage is used.</p>
      )}
    </fieldset>
  );
}

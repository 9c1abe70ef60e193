/**
 * How far a running import is: which file, how many articles the library has processed (the
 * work that takes time: reading the file runs ahead of it), and a cancel button.
 */
import { t } from '../../lib/i18n';
import type { ImportProgress } from '../../lib/library/import-runner';
import { formatCount } from './format';

export interface ImportProgressBarProps {
  progress: ImportProgress;
  onCancel: () => void;
}

/**
 * The share of the file's articles processed. Their total is unknown until the file is read,
 * so it is estimated from the share of bytes read; once the file is read the estimate is exact.
 */
export function processedShare({ bytesRead, bytesTotal, articlesRead, articlesProcessed }: ImportProgress): number {
  if (articlesRead === 0 || bytesTotal === 0) return 0;
  const readShare = Math.min(1, bytesRead / bytesTotal);
  return Math.min(1, readShare * (articlesProcessed / articlesRead));
}

export function ImportProgressBar({ progress, onCancel }: ImportProgressBarProps) {
  return (
    <div class="import-progress" aria-live="polite">
      <div class="import-progress-label">
        {t('importProgressFile')} <strong>{progress.file}</strong>
        {progress.fileCount > 1 && ` ${t('importProgressFileOf', formatCount(progress.fileIndex + 1), formatCount(progress.fileCount))}`}:{' '}
        <span class="import-count">{t('importProgressArticles', formatCount(progress.articlesProcessed), formatCount(progress.articlesRead))}</span>
      </div>
      <progress max={1} value={processedShare(progress)} aria-label={t('importProgressLabel')} />
      <button type="button" onClick={onCancel}>
        {t('dialogCancel')}
      </button>
    </div>
  );
}

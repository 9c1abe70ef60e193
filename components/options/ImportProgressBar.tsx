/** How far a running import is: which file, bytes read, articles found, and a cancel button. */
import type { ImportProgress } from '../../lib/library/import-runner';
import { formatBytes, formatCount } from './format';

export interface ImportProgressBarProps {
  progress: ImportProgress;
  onCancel: () => void;
}

export function ImportProgressBar({ progress, onCancel }: ImportProgressBarProps) {
  const share = progress.bytesTotal > 0 ? Math.min(1, progress.bytesRead / progress.bytesTotal) : 0;
  return (
    <div class="import-progress" aria-live="polite">
      <div class="import-progress-label">
        Importing <strong>{progress.file}</strong>
        {progress.fileCount > 1 && ` (file ${progress.fileIndex + 1} of ${progress.fileCount})`}: {formatBytes(progress.bytesRead)} of{' '}
        {formatBytes(progress.bytesTotal)}, <span class="import-count">{formatCount(progress.articlesRead)} articles</span> read
      </div>
      <progress max={1} value={share} aria-label="Import progress" />
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

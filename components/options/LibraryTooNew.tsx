/**
 * Shown instead of the options page's tabs when the library's database was left by a newer
 * version of the extension: what happened, and the way out (export what can be read, then
 * rebuild), the rebuild only after the user confirms.
 */
import { useState } from 'preact/hooks';
import { formatNumber, t } from '../../lib/i18n';
import { exportFileName, exportLibrary } from '../../lib/library/export-runner';
import { LIBRARY_TOO_NEW } from '../../lib/library/messages';
import { sendMessage } from '../../lib/messaging/client';
import { ConfirmDialog } from './ConfirmDialog';
import { downloadText } from './download';

export interface LibraryTooNewProps {
  /** Called once the library was rebuilt and opens again. */
  onRebuilt(): void;
}

export function LibraryTooNew({ onRebuilt }: LibraryTooNewProps) {
  const [status, setStatus] = useState<string | null>(null);
  const [exported, setExported] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const exportReadable = async () => {
    setStatus(t('exportRunning'));
    try {
      const chunks = await exportLibrary(sendMessage);
      downloadText(chunks, exportFileName());
      setExported(true);
      const count = chunks.join('').split('\n').filter(Boolean).length;
      setStatus(count === 1 ? t('tooNewExportedOne') : t('tooNewExported', formatNumber(count)));
    } catch (error) {
      setStatus(t('libraryExportFailed', (error as Error).message));
    }
  };

  const rebuild = async () => {
    setConfirming(false);
    try {
      await sendMessage('library/rebuild', {});
      onRebuilt();
    } catch (error) {
      setStatus(t('tooNewNothingChanged', (error as Error).message));
    }
  };

  return (
    <section class="card card-danger" role="alert" data-testid="library-too-new">
      <h2>{t('tooNewTitle')}</h2>
      <p>{LIBRARY_TOO_NEW}</p>
      <div class="actions">
        <button type="button" onClick={() => void exportReadable()}>
          {t('tooNewExport')}
        </button>
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          {t('tooNewRebuild')}
        </button>
      </div>
      {status && <p role="status">{status}</p>}
      {confirming && (
        <ConfirmDialog
          title={t('tooNewConfirmTitle')}
          message={exported ? t('tooNewConfirmMessage') : `${t('tooNewNotExported')} ${t('tooNewConfirmMessage')}`}
          confirmLabel={t('tooNewConfirm')}
          onConfirm={() => void rebuild()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}

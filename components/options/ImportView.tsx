/** The "Add & import" tab: paste an article, import files, export, empty or reset the library. */
import { useState } from 'preact/hooks';
import { exportFileName, exportLibrary } from '../../lib/library/export-runner';
import { t, type MessageKey } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/client';
import { AddTextForm, type PastedArticle } from './AddTextForm';
import { ConfirmDialog } from './ConfirmDialog';
import { downloadText } from './download';
import { ImportPanel } from './ImportPanel';
import { textDroppedSkipped } from './format';
import { Notice } from './Notice';

export interface ImportViewProps {
  /** Called whenever this tab changed the library. */
  onChanged?: () => void;
}

type Danger = 'clear' | 'reset';

const DANGER_TEXT: Record<Danger, { title: MessageKey; message: MessageKey; confirm: MessageKey; done: MessageKey }> = {
  clear: { title: 'clearTitle', message: 'clearMessage', confirm: 'clearConfirm', done: 'clearDone' },
  reset: { title: 'resetTitle', message: 'resetMessage', confirm: 'resetConfirm', done: 'resetDone' },
};

export function ImportView({ onChanged }: ImportViewProps) {
  const [notice, setNotice] = useState<{ message: string; tone?: 'info' | 'error' } | null>(null);
  const [danger, setDanger] = useState<Danger | null>(null);
  const [exporting, setExporting] = useState(false);

  const report = (message: string, tone: 'info' | 'error' = 'info') => setNotice({ message, tone });

  const add = async (input: PastedArticle) => {
    try {
      const { added } = await sendMessage('library/add', input);
      report(added ? t('pasteAdded', input.title) : t('pasteDuplicate'));
      if (added) onChanged?.();
      return added;
    } catch (error) {
      report(t('pasteFailed', (error as Error).message), 'error');
      return false;
    }
  };

  const exportAll = async () => {
    setExporting(true);
    try {
      downloadText(await exportLibrary(sendMessage, undefined, (count) => report(textDroppedSkipped(count))), exportFileName());
    } catch (error) {
      report(t('libraryExportFailed', (error as Error).message), 'error');
    } finally {
      setExporting(false);
    }
  };

  const confirmDanger = async (kind: Danger) => {
    setDanger(null);
    try {
      await sendMessage(kind === 'clear' ? 'library/clear' : 'library/reset-to-seeds', {});
      report(t(DANGER_TEXT[kind].done));
      onChanged?.();
    } catch (error) {
      report(t('dangerFailed', (error as Error).message), 'error');
    }
  };

  return (
    <div class="import-view">
      <section class="card">
        <h2>{t('importTitle')}</h2>
        <ImportPanel onImported={onChanged} />
      </section>
      <section class="card">
        <h2>{t('pasteTitle')}</h2>
        <AddTextForm onAdd={add} />
      </section>
      <section class="card">
        <h2>{t('exportTitle')}</h2>
        <p>{t('exportExplain')}</p>
        <button type="button" onClick={() => void exportAll()} disabled={exporting}>
          {exporting ? t('exportRunning') : t('exportButton')}
        </button>
      </section>
      <section class="card card-danger">
        <h2>{t('startOverTitle')}</h2>
        <div class="actions">
          <button type="button" class="danger" onClick={() => setDanger('clear')}>
            {t('clearButton')}
          </button>
          <button type="button" onClick={() => setDanger('reset')}>
            {t('resetButton')}
          </button>
        </div>
      </section>
      {danger && (
        <ConfirmDialog
          title={t(DANGER_TEXT[danger].title)}
          message={t(DANGER_TEXT[danger].message)}
          confirmLabel={t(DANGER_TEXT[danger].confirm)}
          onConfirm={() => void confirmDanger(danger)}
          onCancel={() => setDanger(null)}
        />
      )}
      {notice && <Notice message={notice.message} tone={notice.tone} onDismiss={() => setNotice(null)} />}
    </div>
  );
}

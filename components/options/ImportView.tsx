/** The "Add & import" tab: paste an article, import files, export, empty or reset the library. */
import { useState } from 'preact/hooks';
import { exportFileName, exportLibrary } from '../../lib/library/export-runner';
import { sendMessage } from '../../lib/messaging/client';
import { AddTextForm } from './AddTextForm';
import { ConfirmDialog } from './ConfirmDialog';
import { downloadText } from './download';
import { ImportPanel } from './ImportPanel';
import { Notice } from './Notice';

export interface ImportViewProps {
  /** Called whenever this tab changed the library. */
  onChanged?: () => void;
}

type Danger = 'clear' | 'reset';

const DANGER_TEXT: Record<Danger, { title: string; message: string; confirm: string; done: string }> = {
  clear: {
    title: 'Delete every entry?',
    message: 'The library will be empty: no page can be matched until you add or import articles again. Export it first if you may want it back.',
    confirm: 'Delete everything',
    done: 'The library is empty.',
  },
  reset: {
    title: 'Reset to the seed corpus?',
    message: 'Every entry is deleted and the five seed articles are put back. Export the library first if you may want it back.',
    confirm: 'Reset the library',
    done: 'The library holds the seed corpus again.',
  },
};

export function ImportView({ onChanged }: ImportViewProps) {
  const [notice, setNotice] = useState<{ message: string; tone?: 'info' | 'error' } | null>(null);
  const [danger, setDanger] = useState<Danger | null>(null);
  const [exporting, setExporting] = useState(false);

  const report = (message: string, tone: 'info' | 'error' = 'info') => setNotice({ message, tone });

  const add = async (input: { title: string; source: string; text: string }) => {
    try {
      const { added } = await sendMessage('library/add', input);
      report(added ? `Added “${input.title}” to the library.` : 'This text is already in the library; nothing was added.');
      if (added) onChanged?.();
    } catch (error) {
      report(`Not added: ${(error as Error).message}`, 'error');
    }
  };

  const exportAll = async () => {
    setExporting(true);
    try {
      downloadText(await exportLibrary(sendMessage), exportFileName());
    } catch (error) {
      report(`Export failed: ${(error as Error).message}`, 'error');
    } finally {
      setExporting(false);
    }
  };

  const confirmDanger = async (kind: Danger) => {
    setDanger(null);
    try {
      await sendMessage(kind === 'clear' ? 'library/clear' : 'library/reset-to-seeds', {});
      report(DANGER_TEXT[kind].done);
      onChanged?.();
    } catch (error) {
      report(`Nothing changed: ${(error as Error).message}`, 'error');
    }
  };

  return (
    <div class="import-view">
      <section class="card">
        <h2>Import files</h2>
        <ImportPanel onImported={onChanged} />
      </section>
      <section class="card">
        <h2>Add an article by pasting it</h2>
        <AddTextForm onAdd={add} />
      </section>
      <section class="card">
        <h2>Export</h2>
        <p>
          Saves the whole library as one NDJSON file in the library format (with each entry’s source, origin and date added).
          Importing it gives back the same library. To export some entries only, select them on the Library tab.
        </p>
        <button type="button" onClick={() => void exportAll()} disabled={exporting}>
          {exporting ? 'Exporting…' : 'Export the library'}
        </button>
      </section>
      <section class="card card-danger">
        <h2>Start over</h2>
        <div class="actions">
          <button type="button" class="danger" onClick={() => setDanger('clear')}>
            Delete every entry…
          </button>
          <button type="button" onClick={() => setDanger('reset')}>
            Reset to the seed corpus…
          </button>
        </div>
      </section>
      {danger && (
        <ConfirmDialog
          title={DANGER_TEXT[danger].title}
          message={DANGER_TEXT[danger].message}
          confirmLabel={DANGER_TEXT[danger].confirm}
          onConfirm={() => void confirmDanger(danger)}
          onCancel={() => setDanger(null)}
        />
      )}
      {notice && <Notice message={notice.message} tone={notice.tone} onDismiss={() => setNotice(null)} />}
    </div>
  );
}

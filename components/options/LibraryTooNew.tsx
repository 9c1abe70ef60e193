/**
 * Shown instead of the options page's tabs when the library's database was left by a newer
 * version of the extension: what happened, and the way out (export what can be read, then
 * rebuild), the rebuild only after the user confirms.
 */
import { useState } from 'preact/hooks';
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
    setStatus('Exporting…');
    try {
      const chunks = await exportLibrary(sendMessage);
      downloadText(chunks, exportFileName());
      setExported(true);
      setStatus(`Exported ${chunks.join('').split('\n').filter(Boolean).length} entries. Keep the file: you can import it into the rebuilt library.`);
    } catch (error) {
      setStatus(`Export failed: ${(error as Error).message}`);
    }
  };

  const rebuild = async () => {
    setConfirming(false);
    try {
      await sendMessage('library/rebuild', {});
      onRebuilt();
    } catch (error) {
      setStatus(`Nothing changed: ${(error as Error).message}`);
    }
  };

  return (
    <section class="card card-danger" role="alert" data-testid="library-too-new">
      <h2>This library needs a newer version of the extension</h2>
      <p>{LIBRARY_TOO_NEW}</p>
      <div class="actions">
        <button type="button" onClick={() => void exportReadable()}>
          Export what can be read
        </button>
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          Rebuild the library…
        </button>
      </div>
      {status && <p role="status">{status}</p>}
      {confirming && (
        <ConfirmDialog
          title="Rebuild the library?"
          message={`${exported ? '' : 'You have not exported the library yet. '}The stored library is deleted and a new one with the seed articles is made. Import your export afterwards to get your entries back.`}
          confirmLabel="Delete and rebuild"
          onConfirm={() => void rebuild()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}

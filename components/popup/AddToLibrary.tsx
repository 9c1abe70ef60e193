/**
 * "Add this page to the library": one button, and what came of pressing it. When the page
 * copies a library article, the button says so first: the copy would become a second source.
 */
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';

export interface AddToLibraryProps {
  onAdd(): Promise<{ added: boolean }>;
  /** Title of the library article this page copies, if it copies one. */
  copiedTitle?: string;
}

type State = { state: 'idle' } | { state: 'adding' } | { state: 'done'; added: boolean } | { state: 'error'; message: string };

export function AddToLibrary({ onAdd, copiedTitle }: AddToLibraryProps) {
  const [status, setStatus] = useState<State>({ state: 'idle' });

  async function add() {
    setStatus({ state: 'adding' });
    try {
      const { added } = await onAdd();
      setStatus({ state: 'done', added });
    } catch (error) {
      setStatus({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  if (status.state === 'done') {
    return (
      <p class="add-result" role="status" data-added={String(status.added)}>
        {status.added ? t('addDone') : t('addAlreadyThere')}
      </p>
    );
  }
  return (
    <div class="add">
      {copiedTitle !== undefined && (
        <p class="add-warning" id="add-warning">
          {t('addCopyWarningBefore')} <q>
            <bdi class="page-text">{copiedTitle}</bdi>
          </q>
          {t('addCopyWarningAfter')}
        </p>
      )}
      <button
        type="button"
        class="button"
        disabled={status.state === 'adding'}
        aria-describedby={copiedTitle !== undefined ? 'add-warning' : undefined}
        onClick={add}
      >
        {status.state === 'adding' ? t('addAdding') : copiedTitle !== undefined ? t('addCopyAnyway') : t('addButton')}
      </button>
      {status.state === 'error' && <p class="error-text">{status.message}</p>}
    </div>
  );
}

/** "Add this page to the library": one button, and what came of pressing it. */
import { useState } from 'preact/hooks';

export interface AddToLibraryProps {
  onAdd(): Promise<{ added: boolean }>;
}

type State = { state: 'idle' } | { state: 'adding' } | { state: 'done'; added: boolean } | { state: 'error'; message: string };

export function AddToLibrary({ onAdd }: AddToLibraryProps) {
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
        {status.added ? '✓ Added to your library: copies of it will be flagged.' : 'This article is already in your library.'}
      </p>
    );
  }
  return (
    <div class="add">
      <button type="button" class="button" disabled={status.state === 'adding'} onClick={add}>
        {status.state === 'adding' ? 'Adding…' : 'Add this page to the library'}
      </button>
      {status.state === 'error' && <p class="error-text">{status.message}</p>}
    </div>
  );
}

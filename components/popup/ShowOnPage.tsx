/** "Show on the page": marks the match's passages and swaps in the tab, and says how much could be marked. */
import { useState } from 'preact/hooks';
import type { HighlightReport } from '../../lib/protocol';

export interface ShowOnPageProps {
  onShow(): Promise<HighlightReport>;
}

type State = { state: 'idle' } | { state: 'working' } | { state: 'done'; report: HighlightReport } | { state: 'error'; message: string };

function describe(report: HighlightReport): string {
  const marked = report.found + report.partly;
  if (marked === 0) return 'None of the shared passages could be found on the page as it is now: nothing is marked.';
  const passages = `${marked} of ${report.passages} passage${report.passages === 1 ? '' : 's'} marked on the page`;
  const swaps = report.swapsFound > 0 ? `, and ${report.swapsFound} swap${report.swapsFound === 1 ? '' : 's'}` : '';
  const missing = report.missing + report.partly > 0 ? ` (${report.missing + report.partly} not found in full)` : '';
  return `${passages}${swaps}${missing}.`;
}

export function ShowOnPage({ onShow }: ShowOnPageProps) {
  const [status, setStatus] = useState<State>({ state: 'idle' });

  async function show() {
    setStatus({ state: 'working' });
    try {
      setStatus({ state: 'done', report: await onShow() });
    } catch (error) {
      setStatus({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <div class="show-on-page">
      <button type="button" class="link-button" disabled={status.state === 'working'} onClick={show}>
        Show on the page
      </button>
      {status.state === 'done' && (
        <p class="muted" role="status">
          {describe(status.report)}
        </p>
      )}
      {status.state === 'error' && <p class="error-text">{status.message}</p>}
    </div>
  );
}

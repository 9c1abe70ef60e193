/** "Show on the page": marks the match's passages and swaps in the tab, and says how much could be marked. */
import { useState } from 'preact/hooks';
import { formatNumber, t } from '../../lib/i18n';
import type { HighlightReport } from '../../lib/protocol';

export interface ShowOnPageProps {
  onShow(): Promise<HighlightReport>;
}

type State = { state: 'idle' } | { state: 'working' } | { state: 'done'; report: HighlightReport } | { state: 'error'; message: string };

function describe(report: HighlightReport): string {
  const marked = report.found + report.partly;
  if (marked === 0) return t('highlightNoneFound');
  const passages =
    report.passages === 1 ? t('showOnPageMarkedOne', formatNumber(marked)) : t('showOnPageMarked', formatNumber(marked), formatNumber(report.passages));
  const swaps = report.swapsFound === 0 ? '' : report.swapsFound === 1 ? t('showOnPageSwapsOne') : t('showOnPageSwaps', formatNumber(report.swapsFound));
  const notFound = report.missing + report.partly;
  const missing = notFound > 0 ? ` ${t('showOnPageMissing', formatNumber(notFound))}` : '';
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
        {t('showOnPage')}
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

/** Saves the evidence of one match, as JSON or as a printable HTML report: made on the device, only downloaded. */
import { useState } from 'preact/hooks';
import { evidenceFileName, type Evidence } from '../../lib/evidence/build';
import { evidenceHtml } from '../../lib/evidence/report-html';
import { t } from '../../lib/i18n';
import { downloadText } from '../options/download';

export interface EvidenceExportProps {
  makeEvidence(): Promise<Evidence>;
}

export function EvidenceExport({ makeEvidence }: EvidenceExportProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(format: 'json' | 'html') {
    setBusy(true);
    setError(null);
    try {
      const evidence = await makeEvidence();
      const body = format === 'json' ? JSON.stringify(evidence, null, 2) : evidenceHtml(evidence);
      downloadText([body], evidenceFileName(evidence, format), format === 'json' ? 'application/json' : 'text/html;charset=utf-8');
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="evidence">
      <span class="muted">{t('evidenceSave')}</span>
      <button type="button" class="link-button" disabled={busy} onClick={() => void save('json')}>
        {t('evidenceJson')}
      </button>
      <button type="button" class="link-button" disabled={busy} onClick={() => void save('html')}>
        {t('evidenceHtml')}
      </button>
      {error && <p class="error-text">{error}</p>}
    </div>
  );
}

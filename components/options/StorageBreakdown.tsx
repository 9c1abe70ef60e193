/** What takes the library's space, by kind of data, measured on request (it reads the whole library). */
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/client';
import type { StorageKind, StorageUse } from '../../lib/library/storage-use';
import { formatBytes } from './format';

const KIND_LABELS: Record<StorageKind, () => string> = {
  texts: () => t('storageKindTexts'),
  fingerprints: () => t('storageKindFingerprints'),
  search: () => t('storageKindSearch'),
  details: () => t('storageKindDetails'),
  other: () => t('storageKindOther'),
};

type State = { status: 'idle' } | { status: 'measuring' } | { status: 'done'; use: StorageUse } | { status: 'error'; message: string };

export function StorageBreakdown() {
  const [state, setState] = useState<State>({ status: 'idle' });
  const measure = () => {
    setState({ status: 'measuring' });
    sendMessage('library/storage-use', {}).then(
      (use) => setState({ status: 'done', use }),
      (reason: Error) => setState({ status: 'error', message: t('storageMeasureFailed', reason.message) }),
    );
  };
  const total = state.status === 'done' ? Object.values(state.use.bytes).reduce((sum, bytes) => sum + bytes, 0) : 0;
  return (
    <div class="storage-breakdown">
      <button type="button" onClick={measure} disabled={state.status === 'measuring'}>
        {t('storageWhatButton')}
      </button>
      {state.status === 'measuring' && <p class="muted">{t('storageMeasuring')}</p>}
      {state.status === 'error' && <p role="alert">{state.message}</p>}
      {state.status === 'done' && (
        <>
          <ul class="storage-kinds">
            {(Object.keys(KIND_LABELS) as StorageKind[]).map((kind) => (
              <li key={kind}>
                {t('storageKindLine', KIND_LABELS[kind](), formatBytes(state.use.bytes[kind]), String(total ? Math.round((state.use.bytes[kind] / total) * 100) : 0))}
              </li>
            ))}
          </ul>
          <p class="muted">{t('storageEstimateNote', formatBytes(state.use.textChars))}</p>
        </>
      )}
    </div>
  );
}

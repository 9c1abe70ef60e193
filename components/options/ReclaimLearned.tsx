/** Reclaims space: deletes the learned articles added more than a chosen number of days ago. */
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/client';
import { AgeField, parseDays, useAgeTyped } from './AgeField';
import { formatCount } from './format';

export interface ReclaimLearnedProps {
  /** How many learned entries the library holds now (nothing to offer when none). */
  learnedCount: number;
  /** Called after entries were deleted, so the counts are read again. */
  onDeleted: () => void;
}

export function ReclaimLearned({ learnedCount, onDeleted }: ReclaimLearnedProps) {
  const [typed, setTyped] = useAgeTyped();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (learnedCount === 0) return null;
  const reclaim = () => {
    const days = parseDays(typed);
    if (days === undefined) {
      setMessage(t('reclaimInvalid'));
      return;
    }
    setBusy(true);
    sendMessage('library/delete-learned-older', { days })
      .then(
        ({ deleted }) => {
          setMessage(deleted === 0 ? t('reclaimNone') : deleted === 1 ? t('reclaimDoneOne') : t('reclaimDone', formatCount(deleted)));
          if (deleted > 0) onDeleted();
        },
        (reason: Error) => setMessage(t('dangerFailed', reason.message)),
      )
      .finally(() => setBusy(false));
  };
  return (
    <div class="reclaim">
      <AgeField name="reclaim-days" before={t('reclaimBefore')} after={t('reclaimAfter')} typed={typed} onTyped={setTyped} />{' '}
      <button type="button" onClick={reclaim} disabled={busy}>
        {t('reclaimButton')}
      </button>
      <p class="muted">{t('reclaimHelp')}</p>
      {message && <p role="status">{message}</p>}
    </div>
  );
}

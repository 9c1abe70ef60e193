/** Reclaims space: deletes the learned articles added more than a chosen number of days ago. */
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/client';
import { formatCount } from './format';

export interface ReclaimLearnedProps {
  /** How many learned entries the library holds now (nothing to offer when none). */
  learnedCount: number;
  /** Called after entries were deleted, so the counts are read again. */
  onDeleted: () => void;
}

const DEFAULT_DAYS = 90;

export function ReclaimLearned({ learnedCount, onDeleted }: ReclaimLearnedProps) {
  const [days, setDays] = useState(DEFAULT_DAYS);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (learnedCount === 0) return null;
  const reclaim = () => {
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
      <label>
        {t('reclaimBefore')}{' '}
        <input
          type="number"
          name="reclaim-days"
          min={0}
          max={36_500}
          value={days}
          onChange={(event) => {
            const value = Math.round(Number(event.currentTarget.value));
            if (value >= 0 && value <= 36_500) setDays(value);
          }}
        />{' '}
        {t('reclaimAfter')}
      </label>{' '}
      <button type="button" onClick={reclaim} disabled={busy}>
        {t('reclaimButton')}
      </button>
      <p class="muted">{t('reclaimHelp')}</p>
      {message && <p role="status">{message}</p>}
    </div>
  );
}

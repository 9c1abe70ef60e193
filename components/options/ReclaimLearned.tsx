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

/** The age both reclaim actions offer at first. */
export const DEFAULT_DAYS = 90;
export const MAX_DAYS = 36_500;

/** The days typed, when they are a whole number from 1 to MAX_DAYS; else undefined (never a
 *  guess: an empty field must not become 0, "delete every learned article"). */
export function parseDays(typed: string): number | undefined {
  if (!/^\s*\d+\s*$/.test(typed)) return undefined;
  const days = Number(typed);
  return days >= 1 && days <= MAX_DAYS ? days : undefined;
}

export function ReclaimLearned({ learnedCount, onDeleted }: ReclaimLearnedProps) {
  const [typed, setTyped] = useState(String(DEFAULT_DAYS));
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
      <label>
        {t('reclaimBefore')}{' '}
        <input
          type="number"
          name="reclaim-days"
          min={1}
          max={MAX_DAYS}
          step={1}
          value={typed}
          onInput={(event) => setTyped(event.currentTarget.value)}
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

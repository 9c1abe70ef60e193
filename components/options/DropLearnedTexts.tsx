/**
 * Reclaims space and keeps recognising copies: drops the texts of the learned articles added
 * more than a chosen number of days ago, keeping their entries and fingerprints
 * (lib/library/text-drop.ts). Says how much it frees and asks in a modal dialog first.
 */
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { TextDropFigures } from '../../lib/library/text-drop';
import { isBackgroundGone } from '../../lib/library/import-runner';
import { sendMessage } from '../../lib/messaging/client';
import { AgeField, parseDays, useAgeTyped } from './AgeField';
import { ConfirmDialog } from './ConfirmDialog';
import { formatBytes, formatCount } from './format';

export interface DropLearnedTextsProps {
  /** How many learned entries the library holds now (nothing to offer when none). */
  learnedCount: number;
  /** Called after texts were dropped, so the figures are read again. */
  onDropped: () => void;
}

export function DropLearnedTexts({ learnedCount, onDropped }: DropLearnedTextsProps) {
  const [typed, setTyped] = useAgeTyped();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<{ days: number; figures: TextDropFigures } | null>(null);
  if (learnedCount === 0) return null;

  const failed = (reason: Error) => setMessage(t('dangerFailed', reason.message));

  const ask = () => {
    const days = parseDays(typed);
    if (days === undefined) {
      setMessage(t('reclaimInvalid'));
      return;
    }
    setBusy(true);
    setMessage(t('dropTextsCounting'));
    sendMessage('library/learned-texts-older', { days })
      .then((figures) => {
        setMessage(figures.entries === 0 ? t('dropTextsNone') : null);
        if (figures.entries > 0) setAsking({ days, figures });
      }, failed)
      .finally(() => setBusy(false));
  };

  const drop = (days: number) => {
    setAsking(null);
    setBusy(true);
    sendMessage('library/drop-learned-texts', { days })
      .then(({ entries, bytes }) => {
        setMessage(
          entries === 0 ? t('dropTextsNone') : entries === 1 ? t('dropTextsDoneOne', formatBytes(bytes)) : t('dropTextsDone', formatCount(entries), formatBytes(bytes)),
        );
        if (entries > 0) onDropped();
      })
      .catch((reason: Error) => {
        if (isBackgroundGone(reason)) setMessage(t('dropTextsInterrupted'));
        else failed(reason);
        // Batches commit one by one: a drop cut short (a worker stopped mid-way) may have
        // dropped some texts already, so the figures are read again.
        onDropped();
      })
      .finally(() => setBusy(false));
  };

  return (
    <div class="reclaim reclaim--texts">
      <AgeField name="drop-texts-days" before={t('dropTextsBefore')} after={t('dropTextsAfter')} typed={typed} onTyped={setTyped} />{' '}
      <button type="button" onClick={ask} disabled={busy}>
        {t('dropTextsButton')}
      </button>
      <p class="muted">{t('dropTextsHelp')}</p>
      {message && <p role="status">{message}</p>}
      {asking && (
        <ConfirmDialog
          title={t('dropTextsConfirmTitle')}
          message={
            asking.figures.entries === 1
              ? t('dropTextsConfirmMessageOne', formatCount(asking.days), formatBytes(asking.figures.bytes))
              : t('dropTextsConfirmMessage', formatCount(asking.figures.entries), formatCount(asking.days), formatBytes(asking.figures.bytes))
          }
          confirmLabel={t('dropTextsConfirm')}
          onConfirm={() => drop(asking.days)}
          onCancel={() => setAsking(null)}
        />
      )}
    </div>
  );
}

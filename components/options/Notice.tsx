import { t } from '../../lib/i18n';

/** A status line at the bottom of the page: what just happened, with an optional action such as Undo. */
export interface NoticeProps {
  message: string;
  tone?: 'info' | 'error';
  actionLabel?: string;
  onAction?: () => void;
  onDismiss: () => void;
}

export function Notice({ message, tone = 'info', actionLabel, onAction, onDismiss }: NoticeProps) {
  return (
    <div class={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <span>{message}</span>
      {actionLabel && onAction && (
        <button type="button" class="link" onClick={onAction}>
          {actionLabel}
        </button>
      )}
      <button type="button" class="icon" aria-label={t('noticeDismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}

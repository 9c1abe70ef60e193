/** How to read the toolbar badge: each badge as it looks, with its meaning in words. */
import { BADGE_COLORS } from '../../lib/extension/badge';
import { t, type MessageKey } from '../../lib/i18n';

const BADGES: Array<{ text: string; color: string; meaning: MessageKey }> = [
  { text: 'SPUN', color: BADGE_COLORS.copy, meaning: 'badgeSpunMeaning' },
  { text: 'COPY', color: BADGE_COLORS.copy, meaning: 'badgeCopyMeaning' },
  { text: '40%', color: BADGE_COLORS.partial, meaning: 'badgePartialMeaning' },
  { text: 'i', color: BADGE_COLORS.copiedBy, meaning: 'badgeCopiedByMeaning' },
  { text: '?', color: BADGE_COLORS.hint, meaning: 'badgeHintMeaning' },
];

export function BadgeLegend() {
  return (
    <dl class="badge-legend">
      {BADGES.map(({ text, color, meaning }) => (
        <div key={text}>
          <dt>
            <span class="badge-sample" style={{ background: color }}>
              {text}
            </span>
          </dt>
          <dd>{t(meaning)}</dd>
        </div>
      ))}
      <div>
        <dt>
          <span class="badge-sample badge-sample--none" role="img" aria-label={t('badgeNoneLabel')} />
        </dt>
        <dd>{t('badgeNoneMeaning')}</dd>
      </div>
    </dl>
  );
}

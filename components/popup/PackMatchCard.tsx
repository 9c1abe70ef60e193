/**
 * One match from a fingerprint pack: the original (title, site, date, its address), the pack it
 * came from, the kind and the estimated shares. A pack holds no text, so there is nothing to
 * put side by side and no list of swapped words: the card says so and offers the original.
 */
import { percent } from '../../lib/extension/verdict-words';
import { formatDate, t, type MessageKey } from '../../lib/i18n';
import type { PackMatchView } from '../../lib/packs/messages';

export interface PackMatchCardProps {
  match: PackMatchView;
}

const KIND_LABEL: Record<PackMatchView['kind'], MessageKey> = { spun: 'kindSpun', verbatim: 'kindVerbatim', partial: 'kindPartial' };

export function PackMatchCard({ match }: PackMatchCardProps) {
  const date = formatDate(match.publishedAt);
  // A javascript: or data: address must stay inert: only http(s) becomes a link (packs refuse others too).
  const web = match.url && /^https?:\/\//i.test(match.url) ? match.url : undefined;
  return (
    <article class={`match match--${match.kind} match--pack`} data-pack-match-id={match.id} data-kind={match.kind}>
      <div class="match__top">
        <span class={`chip chip--${match.kind}`}>{t(KIND_LABEL[match.kind])}</span>
        <span class="chip chip--direction">{t('packMatchChip')}</span>
      </div>
      <h2 class="match__title page-text clamp" title={match.title ?? match.url ?? match.id}>{match.title ?? match.url ?? match.id}</h2>
      <p class="match__meta clamp">
        {match.source && <bdi>{match.source}</bdi>}
        {date && <> · {date}</>}
      </p>
      <p class="match__pack">
        {t('packMatchFrom')} <bdi class="page-text">{match.pack}</bdi>
      </p>
      <dl class="match__figures">
        <div>
          <dt>{t('matchOfThisPage')}</dt>
          <dd>{t('packMatchShareOfPage', percent(match.coverage))}</dd>
        </div>
        <div>
          <dt>{t('packMatchOfOriginal')}</dt>
          <dd>{t('packMatchShareOfOriginal', percent(match.sourceCoverage))}</dd>
        </div>
      </dl>
      <p class="match__reason">{t('packMatchNoText')}</p>
      {web && (
        <p class="match__links">
          <a href={web} target="_blank" rel="noreferrer noopener">
            {t('packMatchOpenOriginal')}
          </a>
        </p>
      )}
    </article>
  );
}

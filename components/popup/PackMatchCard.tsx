/**
 * One match from a fingerprint pack: the original (title, site, date, its address), the pack it
 * came from, the kind and the estimated shares. A pack holds no text, so there is nothing to
 * put side by side and no list of swapped words: the card says so and offers the original.
 */
import { t } from '../../lib/i18n';
import type { PackMatchView } from '../../lib/packs/messages';
import { FingerprintMatchCard } from './FingerprintMatchCard';

export interface PackMatchCardProps {
  match: PackMatchView;
}

export function PackMatchCard({ match }: PackMatchCardProps) {
  return (
    <FingerprintMatchCard
      kind={match.kind}
      title={match.title ?? match.url ?? match.id}
      source={match.source}
      publishedAt={match.publishedAt}
      url={match.url}
      coverage={match.coverage}
      sourceCoverage={match.sourceCoverage}
      chips={[t('packMatchChip')]}
      origin={
        <>
          {t('packMatchFrom')} <bdi class="page-text">{match.pack}</bdi>
        </>
      }
      note={t('packMatchNoText')}
      variant="pack"
      data={{ 'data-pack-match-id': match.id }}
    />
  );
}

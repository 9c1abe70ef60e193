/**
 * A library article whose text was dropped to reclaim space (lib/library/text-drop.ts), matched
 * from the fingerprints kept: named with its site and date, the kind and estimated shares, no
 * passages or swapped words; the card says the text is no longer kept and offers the original.
 */
import { t } from '../../lib/i18n';
import type { MatchView } from '../../lib/protocol';
import { FingerprintMatchCard } from './FingerprintMatchCard';

export interface DroppedTextMatchCardProps {
  match: MatchView;
  /** The options page's address of the entry (absent with no options page, in tests). */
  entryUrl?: string;
}

export function DroppedTextMatchCard({ match, entryUrl }: DroppedTextMatchCardProps) {
  const { entry } = match;
  const chips = [t('droppedMatchChip')];
  if (match.direction === 'copied-by') chips.push(t('matchCopiesThisPage'));
  if (match.sameAddress) chips.push(t('matchSameArticle'));
  return (
    <FingerprintMatchCard
      kind={match.kind}
      title={entry.title}
      source={entry.source}
      publishedAt={entry.publishedAt}
      url={entry.url}
      entryUrl={entryUrl}
      coverage={match.coverage}
      sourceCoverage={match.sourceCoverage}
      chips={chips}
      origin={t('droppedMatchFrom')}
      note={t('droppedMatchNoText')}
      variant="dropped"
      data={{ 'data-match-id': entry.id, 'data-direction': match.direction, 'data-text-dropped': '' }}
    />
  );
}

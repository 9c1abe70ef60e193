/** One matching library article: what it is, how it matches, its swaps and shared passages. */
import { useState } from 'preact/hooks';
import { percent } from '../../lib/extension/verdict-words';
import { formatDate, formatNumber, t, type MessageKey } from '../../lib/i18n';
import type { Evidence } from '../../lib/evidence/build';
import type { HighlightReport, MatchView } from '../../lib/protocol';
import { EvidenceExport } from './EvidenceExport';
import { OriginalLinks } from './OriginalLinks';
import { SharedPassages } from './SharedPassages';
import { ShowOnPage } from './ShowOnPage';
import { SubstitutionList } from './SubstitutionList';

export interface MatchCardProps {
  match: MatchView;
  /** The page's text as analysed: passage offsets point into it. */
  pageText: string;
  /** The library article's text (null when it has left the library meanwhile). */
  loadSourceText(id: string): Promise<string | null>;
  /** What can be done with a match of the current tab (absent with no tab). */
  actions?: MatchActions;
}

export interface MatchActions {
  showOnPage(match: MatchView): Promise<HighlightReport>;
  makeEvidence(match: MatchView): Promise<Evidence>;
  /** The options page's address of a library entry. */
  entryUrl?(id: string): string;
}

const KIND_LABEL: Record<MatchView['kind'], MessageKey> = { spun: 'kindSpun', verbatim: 'kindVerbatim', partial: 'kindPartial' };

type SourceState = { state: 'closed' } | { state: 'loading' } | { state: 'open'; text: string } | { state: 'error'; message: string };

export function MatchCard({ match, pageText, loadSourceText, actions }: MatchCardProps) {
  const [source, setSource] = useState<SourceState>({ state: 'closed' });
  const { entry } = match;
  const date = formatDate(entry.publishedAt);
  const copiedBy = match.direction === 'copied-by';

  async function togglePassages() {
    if (source.state === 'open' || source.state === 'loading') {
      setSource({ state: 'closed' });
      return;
    }
    setSource({ state: 'loading' });
    try {
      const text = await loadSourceText(entry.id);
      setSource(text === null ? { state: 'error', message: t('matchGone') } : { state: 'open', text });
    } catch (error) {
      setSource({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <article class={`match match--${match.kind}`} data-match-id={entry.id} data-kind={match.kind} data-direction={match.direction}>
      <div class="match__top">
        <span class={`chip chip--${match.kind}`}>{t(KIND_LABEL[match.kind])}</span>
        {copiedBy && <span class="chip chip--direction">{t('matchCopiesThisPage')}</span>}
        {match.sameAddress && <span class="chip chip--direction">{t('matchSameArticle')}</span>}
        <span class="match__score" title={t('matchScoreHelp')}>
          {t('matchScore', formatNumber(match.score, { minimumFractionDigits: 2, maximumFractionDigits: 2 }))}
        </span>
      </div>
      <h2 class="match__title page-text clamp" title={entry.title}>{entry.title}</h2>
      <p class="match__meta clamp">
        <bdi>{entry.source}</bdi>
        {date && <> · {date}</>}
      </p>
      <OriginalLinks url={entry.url} entryUrl={actions?.entryUrl?.(entry.id)} />
      <dl class="match__figures">
        <div>
          <dt>{t('matchOfThisPage')}</dt>
          <dd>{t('matchShareOfPage', percent(match.coverage))}</dd>
        </div>
        <div>
          <dt>{t('matchOfLibraryArticle')}</dt>
          <dd>{t('matchShareOfArticle', percent(match.sourceCoverage))}</dd>
        </div>
      </dl>
      <p class="match__reason">{match.reason}</p>
      {actions && match.passages.length > 0 && <ShowOnPage onShow={() => actions.showOnPage(match)} />}
      {match.substitutions.length > 0 && (
        <SubstitutionList
          // Swaps read as "original → spun": when the library article is the spun one, that is page → library.
          substitutions={copiedBy ? match.substitutions.map(({ from, to, count }) => ({ from: to, to: from, count })) : match.substitutions}
          title={copiedBy ? t('swapsTheirTitle') : t('swapsTitle')}
        />
      )}
      {match.passages.length > 0 && (
        <button type="button" class="link-button" aria-expanded={source.state === 'open'} onClick={togglePassages}>
          {source.state === 'open' ? t('passagesHide', match.passages.length) : t('passagesShow', match.passages.length)}
        </button>
      )}
      {source.state === 'loading' && <p class="muted">{t('matchLoadingArticle')}</p>}
      {source.state === 'error' && <p class="error-text">{source.message}</p>}
      {source.state === 'open' && (
        <SharedPassages passages={match.passages} pageText={pageText} sourceText={source.text} sourceTitle={entry.title} />
      )}
      {actions && <EvidenceExport makeEvidence={() => actions.makeEvidence(match)} />}
    </article>
  );
}

/** One matching library article: what it is, how it matches, its swaps and shared passages. */
import { useState } from 'preact/hooks';
import { isSameArticle } from '../../lib/extension/verdict';
import { percent } from '../../lib/extension/verdict-words';
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

const KIND_LABEL = { spun: 'Spun', verbatim: 'Verbatim', partial: 'Partial' } as const;

type SourceState = { state: 'closed' } | { state: 'loading' } | { state: 'open'; text: string } | { state: 'error'; message: string };

export function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

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
      setSource(text === null ? { state: 'error', message: 'This article is no longer in the library.' } : { state: 'open', text });
    } catch (error) {
      setSource({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <article class={`match match--${match.kind}`} data-match-id={entry.id} data-kind={match.kind} data-direction={match.direction}>
      <div class="match__top">
        <span class={`chip chip--${match.kind}`}>{KIND_LABEL[match.kind]}</span>
        {copiedBy && <span class="chip chip--direction">copies this page</span>}
        {isSameArticle(match) && <span class="chip chip--direction">same article</span>}
        <span class="match__score" title="How sure the match is (0 to 1)">
          score {match.score.toFixed(2)}
        </span>
      </div>
      <h2 class="match__title">{entry.title}</h2>
      <p class="match__meta">
        {entry.source}
        {date && <> · {date}</>}
      </p>
      <OriginalLinks url={entry.url} entryUrl={actions?.entryUrl?.(entry.id)} />
      <dl class="match__figures">
        <div>
          <dt>Of this page</dt>
          <dd>{percent(match.coverage)} shared</dd>
        </div>
        <div>
          <dt>Of the library article</dt>
          <dd>{percent(match.sourceCoverage)} shared</dd>
        </div>
      </dl>
      <p class="match__reason">{match.reason}</p>
      {actions && match.passages.length > 0 && <ShowOnPage onShow={() => actions.showOnPage(match)} />}
      {match.substitutions.length > 0 && (
        <SubstitutionList
          // Swaps read as "original → spun": when the library article is the spun one, that is page → library.
          substitutions={copiedBy ? match.substitutions.map(({ from, to, count }) => ({ from: to, to: from, count })) : match.substitutions}
          title={copiedBy ? 'Their spun wording' : 'Spun wording'}
        />
      )}
      {match.passages.length > 0 && (
        <button type="button" class="link-button" aria-expanded={source.state === 'open'} onClick={togglePassages}>
          {source.state === 'open' ? 'Hide' : 'Show'} shared passages ({match.passages.length})
        </button>
      )}
      {source.state === 'loading' && <p class="muted">Loading the library article…</p>}
      {source.state === 'error' && <p class="error-text">{source.message}</p>}
      {source.state === 'open' && (
        <SharedPassages passages={match.passages} pageText={pageText} sourceText={source.text} sourceTitle={entry.title} />
      )}
      {actions && <EvidenceExport makeEvidence={() => actions.makeEvidence(match)} />}
    </article>
  );
}

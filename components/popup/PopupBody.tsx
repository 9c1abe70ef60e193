/** The popup's content for one state: a headline, and for a finished check its matches. */
import { orderForDisplay, spinHintOf, verdictOf } from '../../lib/extension/verdict';
import { describeResult, uncheckedWords } from '../../lib/extension/verdict-words';
import { t } from '../../lib/i18n';
import type { TabResult } from '../../lib/protocol';
import { AddToLibrary } from './AddToLibrary';
import { DroppedTextMatchCard } from './DroppedTextMatchCard';
import { MatchCard, type MatchActions } from './MatchCard';
import { PackMatchCard } from './PackMatchCard';
import { ScanButton } from './ScanButton';
import { SpinHintEvidence } from './SpinHintEvidence';
import { VerdictHeader } from './VerdictHeader';

export type PopupView =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'unchecked' }
  /** A page no extension may read (browser pages, stores, files without access): `reason` says why. */
  | { state: 'unreadable'; reason: string }
  | { state: 'result'; result: TabResult };

export interface PopupBodyProps {
  view: PopupView;
  /** Entries in the library, named in a clean verdict; undefined while unknown. */
  librarySize?: number;
  /** A check has been "checking" for longer than any check takes: offer to start it again. */
  stuck?: boolean;
  /** `force`: check the page even though it was judged not to be an article. */
  onScan(force: boolean): void;
  /** Absent when there is no tab to add from. */
  onAdd?: () => Promise<{ added: boolean }>;
  onGrowLibrary?: () => void;
  loadSourceText(id: string): Promise<string | null>;
  /** Show on the page, evidence, entry links: for a finished check of a tab. */
  matchActions?: (result: Extract<TabResult, { status: 'done' }>) => MatchActions;
}

export function PopupBody({ view, librarySize, stuck = false, onScan, onAdd, onGrowLibrary, loadSourceText, matchActions }: PopupBodyProps) {
  if (view.state === 'loading') {
    return <VerdictHeader words={{ tone: 'neutral', headline: t('popupLooking') }} />;
  }
  if (view.state === 'failed') {
    return <VerdictHeader words={{ tone: 'error', headline: t('popupFailed'), detail: view.message }} />;
  }
  if (view.state === 'unreadable') {
    return <VerdictHeader words={{ tone: 'neutral', headline: t('unreadableHeadline'), detail: view.reason }} />;
  }
  if (view.state === 'unchecked') {
    return (
      <>
        <VerdictHeader words={uncheckedWords()} />
        <ScanButton onScan={() => onScan(false)} label={t('popupScanThisPage')} />
      </>
    );
  }
  const { result } = view;
  const words = describeResult(result, librarySize);
  const verdict = result.status === 'done' ? verdictOf(result.matches) : null;
  const inLibrary = result.status === 'done' && (result.inLibrary !== undefined || result.matches.some((match) => match.sameAddress));
  return (
    <>
      <VerdictHeader words={words} />
      {result.status === 'disabled' && (
        <ScanButton onScan={() => onScan(false)} label={result.why === 'excluded' ? t('popupCheckAnyway') : t('popupScanThisPage')} />
      )}
      {result.status === 'not-article' && <ScanButton onScan={() => onScan(true)} label={t('popupCheckAnyway')} />}
      {result.status === 'checking' && !stuck && <div class="progress" aria-hidden="true" />}
      {(result.status === 'error' || (result.status === 'checking' && stuck)) && <ScanButton onScan={() => onScan(false)} label={t('popupCheckAgain')} />}
      {result.status === 'done' && (
        <>
          {verdict?.kind === 'clean' && !result.packMatches?.length && onGrowLibrary && (
            <button type="button" class="link-button" onClick={onGrowLibrary}>
              {t('popupGrowLibrary')}
            </button>
          )}
          {result.matches.length > 0 && (
            <div class="matches">
              {orderForDisplay(result.matches).map((match) =>
                match.textDropped ? (
                  <DroppedTextMatchCard key={match.id} match={match} entryUrl={matchActions?.(result).entryUrl?.(match.entry.id)} />
                ) : (
                  <MatchCard key={match.id} match={match} pageText={result.text} loadSourceText={loadSourceText} actions={matchActions?.(result)} />
                ),
              )}
            </div>
          )}
          {result.packMatches && result.packMatches.length > 0 && (
            <div class="matches matches--packs">
              {result.packMatches.map((match) => (
                <PackMatchCard key={`${match.slot}/${match.id}`} match={match} />
              ))}
            </div>
          )}
          {spinHintOf(result) && <SpinHintEvidence hint={spinHintOf(result)!} pageText={result.text} secondary={result.matches.length > 0} />}
          {onAdd && !inLibrary && (
            <AddToLibrary onAdd={onAdd} copiedTitle={verdict?.kind === 'copy' ? verdict.match.entry.title : undefined} />
          )}
        </>
      )}
    </>
  );
}

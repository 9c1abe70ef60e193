/** The popup's content for one state: a headline, and for a finished check its matches. */
import { orderForDisplay } from '../../lib/extension/verdict';
import { describeResult, type VerdictWords } from '../../lib/extension/verdict-words';
import type { TabResult } from '../../lib/protocol';
import { AddToLibrary } from './AddToLibrary';
import { MatchCard, type MatchActions } from './MatchCard';
import { ScanButton } from './ScanButton';
import { VerdictHeader } from './VerdictHeader';

export type PopupView =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'unchecked' }
  | { state: 'result'; result: TabResult };

const UNCHECKED: VerdictWords = {
  tone: 'neutral',
  headline: 'This page has not been checked',
  detail: 'Browser pages and pages opened before the extension was installed are not scanned on their own.',
};

export interface PopupBodyProps {
  view: PopupView;
  onScan(): void;
  /** Absent when there is no tab to add from. */
  onAdd?: () => Promise<{ added: boolean }>;
  loadSourceText(id: string): Promise<string | null>;
  /** Show on the page, evidence, entry links: for a finished check of a tab. */
  matchActions?: (result: Extract<TabResult, { status: 'done' }>) => MatchActions;
}

export function PopupBody({ view, onScan, onAdd, loadSourceText, matchActions }: PopupBodyProps) {
  if (view.state === 'loading') {
    return <VerdictHeader words={{ tone: 'neutral', headline: 'Looking at this page…' }} />;
  }
  if (view.state === 'failed') {
    return <VerdictHeader words={{ tone: 'error', headline: 'Something went wrong', detail: view.message }} />;
  }
  if (view.state === 'unchecked') {
    return (
      <>
        <VerdictHeader words={UNCHECKED} />
        <ScanButton onScan={onScan} label="Scan this page" />
      </>
    );
  }
  const { result } = view;
  const words = describeResult(result);
  return (
    <>
      <VerdictHeader words={words} />
      {result.status === 'disabled' && (
        <ScanButton onScan={onScan} label={result.why === 'excluded' ? 'Scan this page anyway' : 'Scan this page'} />
      )}
      {result.status === 'checking' && <div class="progress" aria-hidden="true" />}
      {result.status === 'done' && (
        <>
          {result.matches.length > 0 && (
            <div class="matches">
              {orderForDisplay(result.matches).map((match) => (
                <MatchCard key={match.id} match={match} pageText={result.text} loadSourceText={loadSourceText} actions={matchActions?.(result)} />
              ))}
            </div>
          )}
          {onAdd && <AddToLibrary onAdd={onAdd} />}
        </>
      )}
    </>
  );
}

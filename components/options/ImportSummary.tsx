/** What an import did, file by file: added, duplicates skipped, or rejected with the reasons. */
import type { FileOutcome } from '../../lib/library/import-runner';
import { formatCount } from './format';

export interface ImportSummaryProps {
  outcomes: FileOutcome[];
  onDismiss: () => void;
}

const STATUS_TEXT: Record<FileOutcome['status'], string> = {
  added: 'imported',
  rejected: 'rejected: nothing from this file was added',
  cancelled: 'cancelled: nothing from this file was added',
  failed: 'failed: nothing from this file was added',
};

export function ImportSummary({ outcomes, onDismiss }: ImportSummaryProps) {
  const added = outcomes.reduce((sum, outcome) => sum + outcome.added, 0);
  const duplicates = outcomes.reduce((sum, outcome) => sum + outcome.duplicates, 0);
  const rejected = outcomes.filter((outcome) => outcome.status !== 'added').length;
  return (
    <section class="import-summary" aria-label="Import summary">
      <p class="import-totals">
        <strong>{formatCount(added)}</strong> added · <strong>{formatCount(duplicates)}</strong> duplicates skipped ·{' '}
        <strong>{formatCount(rejected)}</strong> {rejected === 1 ? 'file' : 'files'} not imported
      </p>
      <ul>
        {outcomes.map((outcome) => (
          <li key={outcome.file} class={`outcome-${outcome.status}`}>
            <strong>{outcome.file}</strong>: {STATUS_TEXT[outcome.status]}
            {outcome.status === 'added' && ` (${formatCount(outcome.added)} added, ${formatCount(outcome.duplicates)} duplicates skipped)`}
            {outcome.problems.length > 0 && (
              <ul class="problems">
                {outcome.problems.map((problem, index) => (
                  <li key={index}>{problem}</li>
                ))}
                {outcome.problemCount > outcome.problems.length && (
                  <li class="muted">…and {formatCount(outcome.problemCount - outcome.problems.length)} more</li>
                )}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <button type="button" class="link" onClick={onDismiss}>
        Dismiss
      </button>
    </section>
  );
}

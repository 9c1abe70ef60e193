/** What an import did, file by file: added, duplicates skipped, or rejected with the reasons. */
import { t, type MessageKey } from '../../lib/i18n';
import type { FileOutcome } from '../../lib/library/import-runner';
import { countInWords, formatCount } from './format';

export interface ImportSummaryProps {
  outcomes: FileOutcome[];
  onDismiss: () => void;
}

const STATUS_TEXT: Record<FileOutcome['status'], MessageKey> = {
  added: 'importStatusAdded',
  rejected: 'importStatusRejected',
  cancelled: 'importStatusCancelled',
  failed: 'importStatusFailed',
};

const addedText = (n: number) => countInWords(n, 'importAddedOne', 'importAdded');
const duplicatesText = (n: number) => countInWords(n, 'importDuplicatesOne', 'importDuplicates');

export function ImportSummary({ outcomes, onDismiss }: ImportSummaryProps) {
  const added = outcomes.reduce((sum, outcome) => sum + outcome.added, 0);
  const duplicates = outcomes.reduce((sum, outcome) => sum + outcome.duplicates, 0);
  const rejected = outcomes.filter((outcome) => outcome.status !== 'added').length;
  return (
    <section class="import-summary" aria-label={t('importSummaryLabel')}>
      <p class="import-totals">
        {t('importTotals', addedText(added), duplicatesText(duplicates), countInWords(rejected, 'importFilesNotImportedOne', 'importFilesNotImported'))}
      </p>
      <ul>
        {outcomes.map((outcome) => (
          <li key={outcome.file} class={`outcome-${outcome.status}`}>
            <strong>{outcome.file}</strong>: {t(STATUS_TEXT[outcome.status])}
            {outcome.status === 'added' && ` ${t('importFileCounts', addedText(outcome.added), duplicatesText(outcome.duplicates))}`}
            {outcome.problems.length > 0 && (
              <ul class="problems">
                {outcome.problems.map((problem, index) => (
                  <li key={index}>{problem}</li>
                ))}
                {outcome.problemCount > outcome.problems.length && (
                  <li class="muted">{t('importMoreProblems', formatCount(outcome.problemCount - outcome.problems.length))}</li>
                )}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <button type="button" class="link" onClick={onDismiss}>
        {t('noticeDismiss')}
      </button>
    </section>
  );
}

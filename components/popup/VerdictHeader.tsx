/** The popup's headline: the verdict for the page in plain words, coloured by its tone. */
import type { VerdictWords } from '../../lib/extension/verdict-words';

export interface VerdictHeaderProps {
  words: VerdictWords;
}

const ICONS: Record<VerdictWords['tone'], string> = {
  copy: '!',
  partial: '%',
  'copied-by': 'i',
  clean: '✓',
  hint: '?',
  neutral: '•',
  error: '×',
};

export function VerdictHeader({ words }: VerdictHeaderProps) {
  return (
    // A live region: screen readers announce the verdict when a check finishes. The icon and tone
    // colour repeat the words, never replace them.
    <section class={`verdict verdict--${words.tone}`} role="status" aria-live="polite">
      <span class="verdict__icon" aria-hidden="true">
        {ICONS[words.tone]}
      </span>
      <div>
        <h1 class="verdict__headline clamp" title={words.subject}>
          {words.headline}
          {words.subject !== undefined && <> <q class="verdict__subject">
                {/* Isolated inside the quotes: a direction override in the title cannot move them. */}
                <bdi class="page-text">{words.subject}</bdi>
              </q></>}
        </h1>
        {words.detail && <p class="verdict__detail">{words.detail}</p>}
      </div>
    </section>
  );
}

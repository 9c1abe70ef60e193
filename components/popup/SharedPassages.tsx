/** Shared passages side by side: this page's wording beside the library article's. */
import type { Passage } from '../../lib/core/types';

export interface SharedPassagesProps {
  passages: readonly Passage[];
  pageText: string;
  sourceText: string;
  sourceTitle: string;
}

/** Long passages are cut: the popup is for seeing the reuse, not for reading both articles. */
const MAX_PASSAGE_CHARS = 600;

function excerpt(text: string, start: number, end: number): string {
  const slice = text.slice(start, end).trim();
  return slice.length > MAX_PASSAGE_CHARS ? `${slice.slice(0, MAX_PASSAGE_CHARS).trimEnd()}…` : slice;
}

export function SharedPassages({ passages, pageText, sourceText, sourceTitle }: SharedPassagesProps) {
  return (
    <section class="passages" aria-label="Shared passages">
      <div class="passages__heads" aria-hidden="true">
        <span>This page</span>
        <span title={sourceTitle}>Library article</span>
      </div>
      <ol class="passages__list">
        {passages.map((passage, index) => (
          <li class="passage" key={index}>
            <blockquote class="passage__side passage__side--page">{excerpt(pageText, passage.inputStart, passage.inputEnd)}</blockquote>
            <blockquote class="passage__side passage__side--source">
              {excerpt(sourceText, passage.sourceStart, passage.sourceEnd)}
            </blockquote>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Shared passages side by side: this page's wording beside the library article's, differing words marked. */
import { diffPassage } from '../../lib/extension/passage-diff';
import type { Passage } from '../../lib/core/types';
import { t } from '../../lib/i18n';
import { PassageSide } from './PassageSide';

export interface SharedPassagesProps {
  passages: readonly Passage[];
  pageText: string;
  sourceText: string;
  sourceTitle: string;
}

export function SharedPassages({ passages, pageText, sourceText, sourceTitle }: SharedPassagesProps) {
  return (
    <section class="passages" aria-label={t('passagesLabel')}>
      <div class="passages__heads" aria-hidden="true">
        <span>{t('passagesThisPage')}</span>
        <span title={sourceTitle}>{t('passagesLibraryArticle')}</span>
      </div>
      <ol class="passages__list">
        {passages.map((passage, index) => {
          const diff = diffPassage(pageText, sourceText, passage);
          return (
            <li class="passage" key={index}>
              <PassageSide segments={diff.page} cut={diff.cut} side="page" />
              <PassageSide segments={diff.source} cut={diff.cut} side="source" />
            </li>
          );
        })}
      </ol>
    </section>
  );
}

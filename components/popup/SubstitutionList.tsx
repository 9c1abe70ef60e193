/** A spun copy's word swaps: original wording → spun wording, most frequent first. */
import { useState } from 'preact/hooks';
import type { Substitution } from '../../lib/core/types';
import { formatNumber, t } from '../../lib/i18n';

export interface SubstitutionListProps {
  /** `from` is the original's wording, `to` the spun text's. */
  substitutions: readonly Substitution[];
  title: string;
  /** How many are shown before "Show all". */
  initiallyShown?: number;
}

export function SubstitutionList({ substitutions, title, initiallyShown = 8 }: SubstitutionListProps) {
  const [expanded, setExpanded] = useState(false);
  const sorted = [...substitutions].sort((a, b) => b.count - a.count);
  const shown = expanded ? sorted : sorted.slice(0, initiallyShown);
  const total = sorted.reduce((sum, swap) => sum + swap.count, 0);
  return (
    <section class="swaps" aria-label={t('swapsLabel')}>
      <h3 class="section-title">
        {/* Two counts, each named: distinct wordings, and how often they occur in all. */}
        {title} <span class="muted">{t('swapsCounts', formatNumber(sorted.length), formatNumber(total))}</span>
      </h3>
      <ul class="swaps__list">
        {shown.map((swap) => (
          <li class="swap" key={`${swap.from}\u0000${swap.to}`}>
            <bdi class="swap__from">{swap.from}</bdi>
            <span class="swap__arrow" aria-label={t('swapsBecame')}>→</span>
            <bdi class="swap__to">{swap.to}</bdi>
            {swap.count > 1 && <span class="swap__count">×{formatNumber(swap.count)}</span>}
          </li>
        ))}
      </ul>
      {sorted.length > shown.length && (
        <button type="button" class="link-button" onClick={() => setExpanded(true)}>
          {t('swapsShowAll', formatNumber(sorted.length))}
        </button>
      )}
    </section>
  );
}

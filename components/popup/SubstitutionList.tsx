/** A spun copy's word swaps: original wording → spun wording, most frequent first. */
import { useState } from 'preact/hooks';
import type { Substitution } from '../../lib/core/types';

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
    <section class="swaps" aria-label="Words swapped by a spinner">
      <h3 class="section-title">
        {title} <span class="muted">({total} swap{total === 1 ? '' : 's'})</span>
      </h3>
      <ul class="swaps__list">
        {shown.map((swap) => (
          <li class="swap" key={`${swap.from}\u0000${swap.to}`}>
            <span class="swap__from">{swap.from}</span>
            <span class="swap__arrow" aria-label="became">→</span>
            <span class="swap__to">{swap.to}</span>
            {swap.count > 1 && <span class="swap__count">×{swap.count}</span>}
          </li>
        ))}
      </ul>
      {sorted.length > shown.length && (
        <button type="button" class="link-button" onClick={() => setExpanded(true)}>
          Show all {sorted.length}
        </button>
      )}
    </section>
  );
}

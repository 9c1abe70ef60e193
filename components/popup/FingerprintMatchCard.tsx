/**
 * A match known from fingerprints only (no text to put side by side, no list of swapped words):
 * the original named (title, site, date), the kind, the estimated shares, where it is known
 * from, and a way to the original. Used for fingerprint packs (PackMatchCard) and for library
 * articles whose text was dropped to reclaim space (DroppedTextMatchCard).
 */
import type { ComponentChildren } from 'preact';
import type { MatchKind } from '../../lib/core/types';
import { percent } from '../../lib/extension/verdict-words';
import { formatDate, t, type MessageKey } from '../../lib/i18n';

export interface FingerprintMatchCardProps {
  kind: MatchKind;
  /** The original's title (else its address or id: something names it). */
  title: string;
  source?: string;
  publishedAt?: string;
  /** The original's address: a link only when it is http(s). */
  url?: string;
  /** The options page's address of the library entry, when there is one. */
  entryUrl?: string;
  coverage: number;
  sourceCoverage: number;
  /** Chips after the kind's (where it comes from, its direction). */
  chips: string[];
  /** Where the original is known from (a pack's name, or the library). */
  origin: ComponentChildren;
  /** Why nothing can be shown side by side. */
  note: string;
  /** The card's modifier class and data attributes (tests and styles find matches by them). */
  variant: string;
  data: Record<`data-${string}`, string>;
}

const KIND_LABEL: Record<MatchKind, MessageKey> = { spun: 'kindSpun', verbatim: 'kindVerbatim', partial: 'kindPartial' };

export function FingerprintMatchCard(props: FingerprintMatchCardProps) {
  const date = formatDate(props.publishedAt);
  // A javascript: or data: address must stay inert: only http(s) becomes a link.
  const web = props.url && /^https?:\/\//i.test(props.url) ? props.url : undefined;
  return (
    <article class={`match match--${props.kind} match--${props.variant}`} data-kind={props.kind} {...props.data}>
      <div class="match__top">
        <span class={`chip chip--${props.kind}`}>{t(KIND_LABEL[props.kind])}</span>
        {props.chips.map((chip) => (
          <span key={chip} class="chip chip--direction">
            {chip}
          </span>
        ))}
      </div>
      <h2 class="match__title page-text clamp" title={props.title}>{props.title}</h2>
      <p class="match__meta clamp">
        {props.source && <bdi>{props.source}</bdi>}
        {date && <> · {date}</>}
      </p>
      <p class="match__pack">{props.origin}</p>
      <dl class="match__figures">
        <div>
          <dt>{t('matchOfThisPage')}</dt>
          <dd>{t('packMatchShareOfPage', percent(props.coverage))}</dd>
        </div>
        <div>
          <dt>{t('packMatchOfOriginal')}</dt>
          <dd>{t('packMatchShareOfOriginal', percent(props.sourceCoverage))}</dd>
        </div>
      </dl>
      <p class="match__reason">{props.note}</p>
      {(web || props.entryUrl) && (
        <p class="match__links">
          {web && (
            <a href={web} target="_blank" rel="noreferrer noopener">
              {t('packMatchOpenOriginal')}
            </a>
          )}
          {props.entryUrl && (
            <a href={props.entryUrl} target="_blank" rel="noopener">
              {t('linkInLibrary')}
            </a>
          )}
        </p>
      )}
    </article>
  );
}

/** One library entry opened: its metadata, the pages that recently matched it, and its text (or
 *  that it was dropped to reclaim space). */
import type { RecentMatch } from '../../lib/library/db';
import type { LibraryEntry } from '../../lib/library/types';
import { t, type MessageKey } from '../../lib/i18n';
import { formatDate, formatSize, originLabel } from './format';

export interface EntryDetailsProps {
  entry: LibraryEntry;
  recentMatches: RecentMatch[];
  onClose: () => void;
  onDelete: () => void;
}

const KIND_WORDS = { verbatim: 'detailsKindVerbatim', partial: 'detailsKindPartial', spun: 'detailsKindSpun' } as const satisfies Record<string, MessageKey>;
const COPIED_BY_WORDS = {
  verbatim: 'detailsCopiedByVerbatim',
  partial: 'detailsCopiedByPartial',
  spun: 'detailsCopiedBySpun',
} as const satisfies Record<string, MessageKey>;

/** What the page was to this entry: e.g. "Spun copy", or "Copied (spun) by it" when the entry reuses the page. */
function matchKindLabel(match: RecentMatch): string {
  if (!match.kind) return '';
  return t(match.direction === 'copied-by' ? COPIED_BY_WORDS[match.kind] : KIND_WORDS[match.kind]);
}

export function EntryDetails({ entry, recentMatches, onClose, onDelete }: EntryDetailsProps) {
  const paragraphs = entry.text.split(/\n\s*\n/);
  return (
    <section class="details" aria-labelledby="entry-title">
      <header class="details-head">
        <button type="button" class="link" onClick={onClose}>
          {t('detailsBack')}
        </button>
        <button type="button" class="danger" onClick={onDelete}>
          {t('detailsDelete')}
        </button>
      </header>
      <h2 id="entry-title" class="page-text">
        {entry.title}
      </h2>
      <dl class="meta">
        <dt>{t('columnSource')}</dt>
        <dd class="page-text">{entry.source}</dd>
        {entry.url && (
          <>
            <dt>{t('detailsAddress')}</dt>
            <dd>
              {/* Only web addresses become links: a javascript: URL from an import must stay inert text. */}
              {/^https?:\/\//i.test(entry.url) ? (
                <a href={entry.url} target="_blank" rel="noreferrer noopener">
                  {entry.url}
                </a>
              ) : (
                entry.url
              )}
            </dd>
          </>
        )}
        <dt>{t('tableDatePublished')}</dt>
        <dd>{entry.publishedAt ? formatDate(entry.publishedAt) : t('detailsNotStated')}</dd>
        <dt>{t('detailsAdded')}</dt>
        <dd>{formatDate(entry.addedAt)}</dd>
        <dt>{t('columnOrigin')}</dt>
        <dd>{originLabel(entry.origin)}</dd>
        <dt>{t('columnSize')}</dt>
        <dd>{entry.textDroppedAt === undefined ? formatSize(entry.text.length) : '—'}</dd>
        <dt>{t('detailsId')}</dt>
        <dd>
          <code>{entry.id}</code>
        </dd>
      </dl>
      <h3>{t('detailsRecent')}</h3>
      {recentMatches.length === 0 ? (
        <p class="muted">{t('detailsNoRecent')}</p>
      ) : (
        <ul class="recent">
          {recentMatches.map((match) => (
            <li key={`${match.url}-${match.at}`}>
              {match.kind && <span class={`recent-kind recent-kind--${match.kind}`}>{matchKindLabel(match)}</span>}{' '}
              {/* The page's address comes from the page itself: a link only when it is a web address. */}
              {/^https?:\/\//i.test(match.url) ? (
                <a class="recent-title" href={match.url} target="_blank" rel="noreferrer noopener">
                  <bdi>{match.title || match.url}</bdi>
                </a>
              ) : (
                <bdi class="recent-title">{match.title || match.url}</bdi>
              )}{' '}
              <span class="muted">{match.url}</span> <span class="muted">· {formatDate(new Date(match.at).toISOString())}</span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('detailsText')}</h3>
      {entry.textDroppedAt === undefined ? (
        <div class="entry-text">
          {paragraphs.map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </div>
      ) : (
        <p class="muted text-dropped">{t('detailsTextDropped', formatDate(entry.textDroppedAt))}</p>
      )}
    </section>
  );
}

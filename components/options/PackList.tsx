/** The installed packs: publisher, articles, date, size, where from; remove or update each. */
import { t } from '../../lib/i18n';
import type { InstalledPack } from '../../lib/packs/store-db';
import { formatBytes, formatCount, formatDate } from './format';

export interface PackListProps {
  packs: InstalledPack[];
  busy: boolean;
  onRemove(pack: InstalledPack): void;
}

export function PackList({ packs, busy, onRemove }: PackListProps) {
  if (packs.length === 0) return <p class="muted packs-none">{t('packsNone')}</p>;
  return (
    <table class="entries packs-table">
      <thead>
        <tr>
          <th scope="col">{t('packsColumnPublisher')}</th>
          <th scope="col" class="num">{t('packsColumnArticles')}</th>
          <th scope="col">{t('packsColumnDate')}</th>
          <th scope="col" class="num">{t('packsColumnSize')}</th>
          <th scope="col">{t('packsColumnFrom')}</th>
          <th scope="col">
            <span class="visually-hidden">{t('packsColumnActions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {packs.map((pack) => (
          <tr key={pack.slot} data-pack={pack.slot}>
            <td>
              <strong class="page-text">{pack.name}</strong>
              {pack.description && <div class="muted page-text">{pack.description}</div>}
            </td>
            <td class="num">{formatCount(pack.articles)}</td>
            <td>{formatDate(pack.createdAt)}</td>
            <td class="num">{formatBytes(pack.bytes)}</td>
            <td class="packs-from page-text">{pack.origin.kind === 'url' ? pack.origin.url : pack.origin.file}</td>
            <td>
              <button type="button" class="danger" disabled={busy} onClick={() => onRemove(pack)} aria-label={t('packsRemoveNamed', pack.name)}>
                {t('packsRemove')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

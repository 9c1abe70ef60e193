/** Where to read the library article: its own address (web addresses only) and its entry in the options page. */
import { t } from '../../lib/i18n';

export interface OriginalLinksProps {
  url?: string;
  /** The options page's address for the entry; absent where there is no options page (tests). */
  entryUrl?: string;
}

export function OriginalLinks({ url, entryUrl }: OriginalLinksProps) {
  // A javascript: or data: address from an import must stay inert: only http(s) becomes a link.
  const web = url && /^https?:\/\//i.test(url) ? url : undefined;
  if (!web && !entryUrl) return null;
  return (
    <p class="match__links">
      {web && (
        <a href={web} target="_blank" rel="noreferrer noopener">
          {t('linkOriginal')}
        </a>
      )}
      {entryUrl && (
        <a href={entryUrl} target="_blank" rel="noopener">
          {t('linkInLibrary')}
        </a>
      )}
    </p>
  );
}

/** A list of sites typed one per line; saved as clean host names when the field loses focus. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { normalizeSiteList } from '../../lib/settings';

export interface SiteListEditorProps {
  label: string;
  sites: string[];
  onChange: (sites: string[]) => void;
  disabled?: boolean;
}

export function SiteListEditor({ label, sites, onChange, disabled }: SiteListEditorProps) {
  const [draft, setDraft] = useState(sites.join('\n'));
  useEffect(() => setDraft(sites.join('\n')), [sites]);
  const save = () => {
    const clean = normalizeSiteList(draft);
    setDraft(clean.join('\n'));
    if (clean.join('\n') !== sites.join('\n')) onChange(clean);
  };
  return (
    <label class="site-list">
      {label} <span class="muted">{t('siteListHelp')}</span>
      <textarea rows={4} value={draft} disabled={disabled} onInput={(event) => setDraft(event.currentTarget.value)} onBlur={save} />
    </label>
  );
}

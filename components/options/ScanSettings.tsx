/** Which pages are scanned: all sites, all but an exclusion list, or only on a click of the toolbar button. */
import { t, type MessageKey } from '../../lib/i18n';
import type { ScanMode } from '../../lib/settings';
import { SiteListEditor } from './SiteListEditor';

export interface ScanSettingsProps {
  mode: ScanMode;
  excludedSites: string[];
  onModeChange: (mode: ScanMode) => void;
  onExcludedSitesChange: (sites: string[]) => void;
}

const MODES: Array<{ mode: ScanMode; label: MessageKey; help: MessageKey }> = [
  { mode: 'all', label: 'scanModeAll', help: 'scanModeAllHelp' },
  { mode: 'all-except', label: 'scanModeExcept', help: 'scanModeExceptHelp' },
  { mode: 'click', label: 'scanModeClick', help: 'scanModeClickHelp' },
];

export function ScanSettings({ mode, excludedSites, onModeChange, onExcludedSitesChange }: ScanSettingsProps) {
  return (
    <fieldset>
      <legend>{t('scanLegend')}</legend>
      {MODES.map((option) => (
        <label key={option.mode} class="choice">
          <input type="radio" name="scan-mode" value={option.mode} checked={mode === option.mode} onChange={() => onModeChange(option.mode)} />
          <span>
            {t(option.label)}
            <span class="help">{t(option.help)}</span>
          </span>
        </label>
      ))}
      <SiteListEditor label={t('scanExcludedSites')} sites={excludedSites} onChange={onExcludedSitesChange} disabled={mode !== 'all-except'} />
    </fieldset>
  );
}

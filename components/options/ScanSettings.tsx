/** Which pages are scanned: all sites, all but an exclusion list, or only on a click of the toolbar button. */
import type { ScanMode } from '../../lib/settings';
import { SiteListEditor } from './SiteListEditor';

export interface ScanSettingsProps {
  mode: ScanMode;
  excludedSites: string[];
  onModeChange: (mode: ScanMode) => void;
  onExcludedSitesChange: (sites: string[]) => void;
}

const MODES: Array<{ mode: ScanMode; label: string; help: string }> = [
  { mode: 'all', label: 'All sites', help: 'Every news page you open is checked as it loads.' },
  { mode: 'all-except', label: 'All sites except the ones listed below', help: 'Pages of the listed sites are never read.' },
  {
    mode: 'click',
    label: 'Only when I click the toolbar button',
    help: 'Nothing is read until you click the Recycled News button on a page; only that page is checked.',
  },
];

export function ScanSettings({ mode, excludedSites, onModeChange, onExcludedSitesChange }: ScanSettingsProps) {
  return (
    <fieldset>
      <legend>Which pages are checked</legend>
      {MODES.map((option) => (
        <label key={option.mode} class="choice">
          <input type="radio" name="scan-mode" value={option.mode} checked={mode === option.mode} onChange={() => onModeChange(option.mode)} />
          <span>
            {option.label}
            <span class="help">{option.help}</span>
          </span>
        </label>
      ))}
      <SiteListEditor label="Sites never checked" sites={excludedSites} onChange={onExcludedSitesChange} disabled={mode !== 'all-except'} />
    </fieldset>
  );
}

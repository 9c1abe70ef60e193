/** The settings tab: scanning, detection, learning and storage, saved as soon as they change. */
import { useEffect, useState } from 'preact/hooks';
import type { LibraryStats } from '../../lib/library/service';
import { sendMessage } from '../../lib/messaging/client';
import {
  excludedSitesSetting,
  learningSetting,
  loadSettings,
  scanModeSetting,
  sensitivitySetting,
  spinHintSetting,
  showBadgeSetting,
  type Settings,
} from '../../lib/settings';
import { DetectionSettings } from './DetectionSettings';
import { LearningSettingsPanel } from './LearningSettingsPanel';
import { Notice } from './Notice';
import { ScanSettings } from './ScanSettings';
import { StorageUsage } from './StorageUsage';

export interface SettingsViewProps {
  /** Changes when the library changed elsewhere on the page, so the counts are read again. */
  libraryVersion?: number;
}

export function SettingsView({ libraryVersion = 0 }: SettingsViewProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [stats, setStats] = useState<LibraryStats | null>(null);
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    loadSettings().then(setSettings, (reason: unknown) => setError(`Settings could not be read: ${String(reason)}`));
    // Another options tab (or the popup) may change a setting: show its value, not a stale one.
    const unwatch = [scanModeSetting, excludedSitesSetting, showBadgeSetting, sensitivitySetting, spinHintSetting, learningSetting].map((item) =>
      item.watch(() => void loadSettings().then(setSettings)),
    );
    return () => unwatch.forEach((stop) => stop());
  }, []);

  useEffect(() => {
    sendMessage('library/stats', {}).then(setStats, (reason: Error) => setError(`The library could not be counted: ${reason.message}`));
    navigator.storage?.estimate?.().then(setEstimate, () => setEstimate(null));
  }, [libraryVersion]);

  const save = <T,>(item: { setValue: (value: T) => Promise<void> }, key: keyof Settings) => (value: T) => {
    setSettings((previous) => previous && { ...previous, [key]: value });
    item.setValue(value).catch((reason: unknown) => setError(`The setting was not saved: ${String(reason)}`));
  };

  if (!settings) {
    return error ? <p class="state state-error" role="alert">{error}</p> : <p class="state">Loading the settings…</p>;
  }

  return (
    <div class="settings">
      <ScanSettings
        mode={settings.scanMode}
        excludedSites={settings.excludedSites}
        onModeChange={save(scanModeSetting, 'scanMode')}
        onExcludedSitesChange={save(excludedSitesSetting, 'excludedSites')}
      />
      <DetectionSettings
        sensitivity={settings.sensitivity}
        showBadge={settings.showBadge}
        onSensitivityChange={save(sensitivitySetting, 'sensitivity')}
        onShowBadgeChange={save(showBadgeSetting, 'showBadge')}
        spinHint={settings.spinHint}
        onSpinHintChange={save(spinHintSetting, 'spinHint')}
      />
      <LearningSettingsPanel learning={settings.learning} learnedCount={stats?.byOrigin.learned ?? 0} onChange={save(learningSetting, 'learning')} />
      <StorageUsage stats={stats} estimate={estimate} />
      {error && <Notice message={error} tone="error" onDismiss={() => setError(null)} />}
    </div>
  );
}

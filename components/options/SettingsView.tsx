/** The settings tab: scanning, detection, learning and storage, saved as soon as they change (and it says so). */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
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
  const [saved, setSaved] = useState(0);
  /** Bumped when space was reclaimed here, so the counts are read again. */
  const [reclaimed, setReclaimed] = useState(0);

  useEffect(() => {
    loadSettings().then(setSettings, (reason: unknown) => setError(t('settingsReadFailed', String(reason))));
    // Another options tab (or the popup) may change a setting: show its value, not a stale one.
    const unwatch = [scanModeSetting, excludedSitesSetting, showBadgeSetting, sensitivitySetting, spinHintSetting, learningSetting].map((item) =>
      item.watch(() => void loadSettings().then(setSettings)),
    );
    return () => unwatch.forEach((stop) => stop());
  }, []);

  useEffect(() => {
    sendMessage('library/stats', {}).then(setStats, (reason: Error) => setError(t('settingsCountFailed', reason.message)));
    navigator.storage?.estimate?.().then(setEstimate, () => setEstimate(null));
  }, [libraryVersion, reclaimed]);

  const save = <T,>(item: { setValue: (value: T) => Promise<void> }, key: keyof Settings) => (value: T) => {
    setSettings((previous) => previous && { ...previous, [key]: value });
    item.setValue(value).then(
      () => setSaved((n) => n + 1),
      (reason: unknown) => setError(t('settingNotSaved', String(reason))),
    );
  };

  if (!settings) {
    return error ? <p class="state state-error" role="alert">{error}</p> : <p class="state">{t('settingsLoading')}</p>;
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
      <StorageUsage stats={stats} estimate={estimate} onLibraryChanged={() => setReclaimed((n) => n + 1)} />
      {error && <Notice message={error} tone="error" onDismiss={() => setError(null)} />}
      {!error && saved > 0 && <Notice key={saved} message={t('settingSaved')} onDismiss={() => setSaved(0)} />}
    </div>
  );
}

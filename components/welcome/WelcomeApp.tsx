/**
 * The welcome page, opened once when the extension is installed: what it does, that it works on
 * this device only, what the library is and how it grows (the learning switch is right here),
 * and how to read the toolbar badge.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatNumber, t } from '../../lib/i18n';
import type { LibraryStats } from '../../lib/library/service';
import { sendMessage } from '../../lib/messaging/client';
import { learningSetting, type LearningSettings } from '../../lib/settings';
import { BadgeLegend } from './BadgeLegend';

export interface WelcomeAppProps {
  /** Opens the options page at a tab ("import", "settings"). */
  onOpenOptions: (tab: string) => void;
}

export function WelcomeApp({ onOpenOptions }: WelcomeAppProps) {
  const [stats, setStats] = useState<LibraryStats | null>(null);
  const [learning, setLearning] = useState<LearningSettings | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    sendMessage('library/stats', {}).then(setStats, () => setStats(null));
    void learningSetting.getValue().then(setLearning);
    return learningSetting.watch((value) => setLearning(value));
  }, []);

  async function toggleLearning(enabled: boolean) {
    if (!learning) return;
    const next = { ...learning, enabled };
    setLearning(next);
    try {
      await learningSetting.setValue(next);
      setSaved(enabled ? t('welcomeLearningOnSaved') : t('welcomeLearningOffSaved'));
    } catch (error) {
      setSaved(t('settingNotSaved', String(error)));
    }
  }

  return (
    <main class="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p class="lead">{t('welcomeWhat')}</p>

      <section>
        <h2>{t('welcomePrivacyTitle')}</h2>
        <p>{t('welcomePrivacy')}</p>
      </section>

      <section>
        <h2>{t('welcomeLibraryTitle')}</h2>
        <p>{t('welcomeLibrary')}</p>
        <p data-library-size={stats?.total ?? ''}>
          {stats ? t('welcomeLibrarySize', formatNumber(stats.total)) : t('welcomeLibraryCounting')}
        </p>
        <h3>{t('welcomeGrowTitle')}</h3>
        <ul class="grow">
          <li>
            <label class="choice">
              <input
                type="checkbox"
                name="learning"
                checked={learning?.enabled ?? false}
                disabled={!learning}
                onChange={(event) => void toggleLearning(event.currentTarget.checked)}
              />
              <span>
                {t('welcomeLearnLabel')}
                <span class="help">{t('welcomeLearnHelp')}</span>
              </span>
            </label>
            <p class="saved" role="status">
              {saved}
            </p>
          </li>
          <li>
            {t('welcomeImport')}{' '}
            <button type="button" class="link" onClick={() => onOpenOptions('import')}>
              {t('welcomeImportLink')}
            </button>
          </li>
          <li>{t('welcomeAddPage')}</li>
        </ul>
      </section>

      <section>
        <h2>{t('welcomeBadgeTitle')}</h2>
        <BadgeLegend />
      </section>

      <p>
        <button type="button" class="link" onClick={() => onOpenOptions('settings')}>
          {t('welcomeSettingsLink')}
        </button>
      </p>
    </main>
  );
}

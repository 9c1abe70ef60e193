/** How readily each kind of copy is reported, and whether the toolbar badge shows. */
import type { MatchKind } from '../../lib/core/types';
import { t, type MessageKey } from '../../lib/i18n';
import type { Sensitivity, SensitivityByKind, SpinSensitivity } from '../../lib/settings';

export interface DetectionSettingsProps {
  sensitivity: SensitivityByKind;
  showBadge: boolean;
  onSensitivityChange: (sensitivity: SensitivityByKind) => void;
  onShowBadgeChange: (show: boolean) => void;
  spinHint: SpinSensitivity;
  onSpinHintChange: (level: SpinSensitivity) => void;
}

const KINDS: Array<{ kind: MatchKind; label: MessageKey; help: MessageKey; select: MessageKey }> = [
  { kind: 'verbatim', label: 'kindVerbatimCopies', help: 'kindVerbatimHelp', select: 'sensitivityVerbatim' },
  { kind: 'partial', label: 'kindPartialCopies', help: 'kindPartialHelp', select: 'sensitivityPartial' },
  { kind: 'spun', label: 'kindSpunCopies', help: 'kindSpunHelp', select: 'sensitivitySpun' },
];

const LEVELS: Array<{ level: Sensitivity; label: MessageKey }> = [
  { level: 'low', label: 'levelLow' },
  { level: 'normal', label: 'levelNormal' },
  { level: 'high', label: 'levelHigh' },
];

const SPIN_HINT_LEVELS: Array<{ level: SpinSensitivity; label: MessageKey }> = [
  { level: 'off', label: 'spinLevelOff' },
  { level: 'cautious', label: 'spinLevelCautious' },
  { level: 'normal', label: 'spinLevelNormal' },
];

export function DetectionSettings({ sensitivity, showBadge, onSensitivityChange, onShowBadgeChange, spinHint, onSpinHintChange }: DetectionSettingsProps) {
  return (
    <fieldset>
      <legend>{t('detectionLegend')}</legend>
      <table class="sensitivity">
        <tbody>
          {KINDS.map(({ kind, label, help, select }) => (
            <tr key={kind}>
              <th scope="row">
                {t(label)}
                <span class="help">{t(help)}</span>
              </th>
              <td>
                <select
                  aria-label={t(select)}
                  value={sensitivity[kind]}
                  onChange={(event) => onSensitivityChange({ ...sensitivity, [kind]: event.currentTarget.value as Sensitivity })}
                >
                  {LEVELS.map(({ level, label: text }) => (
                    <option key={level} value={level}>
                      {t(text)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">
              {t('spinHintSetting')}
              <span class="help">{t('spinHintSettingHelp')}</span>
            </th>
            <td>
              <select
                aria-label={t('spinHintSettingLabel')}
                value={spinHint}
                onChange={(event) => onSpinHintChange(event.currentTarget.value as SpinSensitivity)}
              >
                {SPIN_HINT_LEVELS.map(({ level, label }) => (
                  <option key={level} value={level}>
                    {t(label)}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        </tbody>
      </table>
      <label class="choice">
        <input type="checkbox" checked={showBadge} onChange={(event) => onShowBadgeChange(event.currentTarget.checked)} />
        <span>
          {t('badgeSetting')}
          <span class="help">{t('badgeSettingHelp')}</span>
        </span>
      </label>
    </fieldset>
  );
}

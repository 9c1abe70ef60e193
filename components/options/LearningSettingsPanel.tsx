/** Learning while reading: off by default, explained, with excluded sites and a cap. */
import { t } from '../../lib/i18n';
import { LEARNED_CAP_MAX, type LearningSettings } from '../../lib/settings';
import { formatCount } from './format';
import { SiteListEditor } from './SiteListEditor';

export interface LearningSettingsPanelProps {
  learning: LearningSettings;
  /** How many learned entries the library holds now. */
  learnedCount: number;
  onChange: (learning: LearningSettings) => void;
}

export function LearningSettingsPanel({ learning, learnedCount, onChange }: LearningSettingsPanelProps) {
  return (
    <fieldset>
      <legend>{t('learningLegend')}</legend>
      <p class="explain">{t('learningExplain')}</p>
      <label class="choice">
        <input type="checkbox" name="learning" checked={learning.enabled} onChange={(event) => onChange({ ...learning, enabled: event.currentTarget.checked })} />
        <span>{t('learningCheckbox')}</span>
      </label>
      <SiteListEditor
        label={t('learningExcludedSites')}
        sites={learning.excludedSites}
        disabled={!learning.enabled}
        onChange={(excludedSites) => onChange({ ...learning, excludedSites })}
      />
      <label>
        {t('learningCapBefore')}{' '}
        <input
          type="number"
          min={1}
          max={LEARNED_CAP_MAX}
          value={learning.cap}
          disabled={!learning.enabled}
          onChange={(event) => {
            const cap = Math.round(Number(event.currentTarget.value));
            if (cap >= 1 && cap <= LEARNED_CAP_MAX) onChange({ ...learning, cap });
          }}
        />{' '}
        {t('learningCapAfter')} <span class="muted">{t('learningCapHelp', formatCount(learnedCount))}</span>
      </label>
    </fieldset>
  );
}

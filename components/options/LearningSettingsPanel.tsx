/** Learning while reading: off by default, explained, with excluded sites and a cap. */
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
      <legend>Learn while reading</legend>
      <p class="explain">
        When this is on, every article you read is added to your library (marked “learned while reading”). If you later meet a
        copy of it anywhere, even reworded, it is flagged with the article you read first as its source. The articles stay on
        this device, like the rest of the library. It is off unless you turn it on.
      </p>
      <label class="choice">
        <input type="checkbox" name="learning" checked={learning.enabled} onChange={(event) => onChange({ ...learning, enabled: event.currentTarget.checked })} />
        <span>Add the articles I read to the library</span>
      </label>
      <SiteListEditor
        label="Never learn from these sites"
        sites={learning.excludedSites}
        disabled={!learning.enabled}
        onChange={(excludedSites) => onChange({ ...learning, excludedSites })}
      />
      <label>
        Keep at most{' '}
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
        learned articles <span class="muted">(the oldest go first; {formatCount(learnedCount)} kept now)</span>
      </label>
    </fieldset>
  );
}

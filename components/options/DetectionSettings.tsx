/** How readily each kind of copy is reported, and whether the toolbar badge shows. */
import type { MatchKind } from '../../lib/core/types';
import type { Sensitivity, SensitivityByKind, SpinSensitivity } from '../../lib/settings';

export interface DetectionSettingsProps {
  sensitivity: SensitivityByKind;
  showBadge: boolean;
  onSensitivityChange: (sensitivity: SensitivityByKind) => void;
  onShowBadgeChange: (show: boolean) => void;
  spinHint: SpinSensitivity;
  onSpinHintChange: (level: SpinSensitivity) => void;
}

const KINDS: Array<{ kind: MatchKind; label: string; help: string }> = [
  { kind: 'verbatim', label: 'Verbatim copies', help: 'the whole article, word for word' },
  { kind: 'partial', label: 'Partial copies', help: 'paragraphs or long passages copied' },
  { kind: 'spun', label: 'Spun copies', help: 'the article with words swapped for synonyms' },
];

const LEVELS: Array<{ level: Sensitivity; label: string }> = [
  { level: 'low', label: 'Low: only strong evidence' },
  { level: 'normal', label: 'Normal' },
  { level: 'high', label: 'High: also weaker matches' },
];

const SPIN_HINT_LEVELS: Array<{ level: SpinSensitivity; label: string }> = [
  { level: 'off', label: 'Off' },
  { level: 'cautious', label: 'Cautious: only strong signs' },
  { level: 'normal', label: 'Normal: also lighter signs' },
];

export function DetectionSettings({ sensitivity, showBadge, onSensitivityChange, onShowBadgeChange, spinHint, onSpinHintChange }: DetectionSettingsProps) {
  return (
    <fieldset>
      <legend>What is reported</legend>
      <table class="sensitivity">
        <tbody>
          {KINDS.map(({ kind, label, help }) => (
            <tr key={kind}>
              <th scope="row">
                {label}
                <span class="help">{help}</span>
              </th>
              <td>
                <select
                  aria-label={`Sensitivity for ${label.toLowerCase()}`}
                  value={sensitivity[kind]}
                  onChange={(event) => onSensitivityChange({ ...sensitivity, [kind]: event.currentTarget.value as Sensitivity })}
                >
                  {LEVELS.map(({ level, label: text }) => (
                    <option key={level} value={level}>
                      {text}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">
              Machine-rewording hint
              <span class="help">signs of a synonym spinner in the text itself, with no library source</span>
            </th>
            <td>
              <select
                aria-label="Sensitivity for the machine-rewording hint"
                value={spinHint}
                onChange={(event) => onSpinHintChange(event.currentTarget.value as SpinSensitivity)}
              >
                {SPIN_HINT_LEVELS.map(({ level, label }) => (
                  <option key={level} value={level}>
                    {label}
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
          Show a badge on the toolbar button when a page is a copy
          <span class="help">The popup always has the full result, badge or not.</span>
        </span>
      </label>
    </fieldset>
  );
}

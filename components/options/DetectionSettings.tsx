/** How readily each kind of copy is reported, and whether the toolbar badge shows. */
import type { MatchKind } from '../../lib/core/types';
import type { Sensitivity, SensitivityByKind } from '../../lib/settings';

export interface DetectionSettingsProps {
  sensitivity: SensitivityByKind;
  showBadge: boolean;
  onSensitivityChange: (sensitivity: SensitivityByKind) => void;
  onShowBadgeChange: (show: boolean) => void;
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

export function DetectionSettings({ sensitivity, showBadge, onSensitivityChange, onShowBadgeChange }: DetectionSettingsProps) {
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

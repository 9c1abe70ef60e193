// @vitest-environment jsdom
/** The spin hint in the badge and the popup's headline: a hint when no source is found, never over a source. */
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeFor } from '../../../lib/extension/badge';
import { describeResult } from '../../../lib/extension/verdict-words';
import type { TabResult } from '../../../lib/protocol';
import { detectSpin } from '../../../lib/spin';
import { SpinHintEvidence } from '../../../components/popup/SpinHintEvidence';
import { doneResult, matchOf, seeds } from '../popup/matches';

const [seed000, seed001] = seeds;

function withSpin(result: TabResult): TabResult {
  return result.status === 'done' ? { ...result, spin: detectSpin(result.text) } : result;
}

describe('spin hint display', () => {
  it('says "machine rewording" with a "?" badge when no library source is found', () => {
    const result = withSpin(doneResult(seed000.text, []));
    expect(badgeFor(result)).toMatchObject({ text: '?', color: BADGE_COLORS.hint });
    expect(describeResult(result)).toMatchObject({ tone: 'hint', headline: 'This text shows signs of machine rewording' });
  });

  it('keeps the source-based verdict when a source is found too', () => {
    const result = withSpin(doneResult(seed000.text, [matchOf(seed000.text, seed001)]));
    expect(badgeFor(result)).toMatchObject({ text: 'SPUN' });
    expect(describeResult(result)).toMatchObject({ tone: 'copy', headline: 'Spun copy of' });
  });

  it('shows nothing for the unspun original, nor for results stored without a hint', () => {
    expect(badgeFor(withSpin(doneResult(seed001.text, [])))).toBeNull();
    expect(badgeFor(doneResult(seed000.text, []))).toBeNull();
    expect(describeResult(doneResult(seed000.text, [])).tone).toBe('clean');
  });

  it('lists each odd phrase once with its likely original and count, and marks it in its sentence as text', () => {
    const hint = detectSpin(seed000.text);
    const root = document.createElement('div');
    render(h(SpinHintEvidence, { hint, pageText: seed000.text, secondary: false }), root);
    const summaries = [...root.querySelectorAll('summary')].map((s) => [...s.querySelectorAll('q')].map((q) => q.textContent).join(' → ') + (s.querySelector('.spin-hint__count')?.textContent ?? ''));
    expect(summaries).toContain('warfare → war ×9');
    expect(new Set(summaries).size).toBe(summaries.length);
    const first = hint.evidence[0];
    expect(root.querySelector('mark')?.textContent).toBe(first.text);
  });
});

/** Prints the figures of all matchers side by side, with the issue's targets. */
import { DISGUISES } from './cases-disguise';
import { SHORTER_COPIED_BY_VARIANT, SHORTER_SPIN_VARIANT } from './cases-shorter-spin';
import type { CaseGroup } from './cases-types';
import type { Figures, Tally } from './quality-metrics';

interface Ratio {
  num: number;
  den: number;
}

interface Row {
  label: string;
  /** "≥ 0.99" / "≤ 0.005": the target, when the issue sets one. */
  target?: { atLeast?: number; atMost?: number };
  value: (f: Figures) => Ratio | string | undefined;
}

const SPUN_GROUPS: readonly CaseGroup[] = ['spun', 'copied-by'];
/** Cases of the kinds issue 9 found (cases-disguise.ts): whole copies that only look different, shortened versions. */
const ISSUE_9_VARIANTS = [...DISGUISES.map((d) => `disguised-${d}`), 'shortened'];

export function reportRows(spinVariants: readonly string[], negativeVariants: readonly string[]): Row[] {
  const group = (g: CaseGroup) => (f: Figures) => ratio(f.byGroup.get(g), (t) => t.hits);
  const variant = (v: string) => (f: Figures) => ratio(f.byVariant.get(v), (t) => t.hits);
  const subs = (pick: (f: Figures) => Tally[], which: 'precision' | 'recall') => (f: Figures) => {
    const tallies = pick(f);
    const num = tallies.reduce((s, t) => s + (which === 'precision' ? t.substitutions.correct : t.substitutions.recalled), 0);
    const den = tallies.reduce((s, t) => s + (which === 'precision' ? t.substitutions.reported : t.substitutions.recorded), 0);
    return { num, den };
  };
  const spunTallies = (f: Figures) => SPUN_GROUPS.flatMap((g) => f.byGroup.get(g) ?? []);
  return [
    { label: 'recall verbatim', target: { atLeast: 0.99 }, value: group('verbatim') },
    { label: 'recall partial', target: { atLeast: 0.95 }, value: group('partial') },
    { label: '  contiguous', value: variant('contiguous') },
    { label: '  scattered', value: variant('scattered') },
    ...ISSUE_9_VARIANTS.map((v) => ({
      label: `  ${v}: found / right kind`,
      value: (f: Figures) => {
        const found = ratio(f.byVariant.get(v), (t) => t.hits);
        const kind = ratio(f.byVariant.get(v), (t) => t.kindCorrect, (t) => t.hits);
        return found && kind ? `${fraction(found)} / ${fraction(kind)}` : undefined;
      },
    })),
    ...spinVariants.map((v) => ({ label: `recall ${v}`, target: v.startsWith('spun-') && /\d$/.test(v) ? { atLeast: 0.95 } : undefined, value: variant(v) })),
    { label: 'recall copied-by (library holds the spun copy)', value: group('copied-by') },
    { label: 'kind accuracy (of found sources)', value: (f) => ratio(f.positives, (t) => t.kindCorrect, (t) => t.hits) },
    ...(['verbatim', 'partial', 'spun', 'copied-by'] as const).map((g) => ({
      label: `  ${g}`,
      value: (f: Figures) => ratio(f.byGroup.get(g), (t) => t.kindCorrect, (t) => t.hits),
    })),
    { label: 'direction accuracy (of found sources)', value: (f) => ratio(f.positives, (t) => t.directionCorrect, (t) => t.hits) },
    ...[SHORTER_SPIN_VARIANT, SHORTER_COPIED_BY_VARIANT].map((v) => ({
      label: `  ${v}, no dates`,
      value: (f: Figures) => ratio(f.byVariant.get(v), (t) => t.directionCorrect, (t) => t.hits),
    })),
    { label: 'positives with a wrong extra match', value: (f) => ratio(f.positives, (t) => t.wrongExtra) },
    { label: 'false positives on negatives', target: { atMost: 0.005 }, value: group('negative') },
    ...negativeVariants.map((v) => ({ label: `  ${v}`, value: variant(v) })),
    { label: 'substitution precision', target: { atLeast: 0.95 }, value: subs(spunTallies, 'precision') },
    { label: 'substitution recall', target: { atLeast: 0.9 }, value: subs(spunTallies, 'recall') },
    ...spinVariants
      .filter((v) => /\d$/.test(v))
      .map((v) => ({
        label: `  ${v} P / R`,
        value: (f: Figures) => {
          const p = subs((x) => [x.byVariant.get(v) ?? []].flat(), 'precision')(f);
          const r = subs((x) => [x.byVariant.get(v) ?? []].flat(), 'recall')(f);
          return `${fraction(p)} / ${fraction(r)}`;
        },
      })),
    { label: 'index build (ms)', value: (f) => f.indexMs.toFixed(0) },
    { label: 'queries: total s / p50 ms / p95 ms', value: (f) => `${(f.totalMs / 1000).toFixed(1)} / ${f.p50Ms.toFixed(1)} / ${f.p95Ms.toFixed(1)}` },
  ];
}

export function formatTable(rows: readonly Row[], figures: readonly Figures[]): string {
  const header = ['figure', ...figures.map((f) => f.matcher), 'target'];
  const body = rows.map((row) => {
    const cells = figures.map((f) => {
      const value = row.value(f);
      if (value === undefined) return '–';
      if (typeof value === 'string') return value;
      const mark = row.target && value.den > 0 ? (meets(value, row.target) ? ' ok' : ' MISS') : '';
      return `${fraction(value)} (${value.num}/${value.den})${mark}`;
    });
    const target = row.target ? (row.target.atLeast !== undefined ? `≥ ${row.target.atLeast}` : `≤ ${row.target.atMost}`) : '';
    return [row.label, ...cells, target];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((r) => r[i].length)));
  return [header, ...body].map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

function ratio(tally: Tally | undefined, num: (t: Tally) => number, den: (t: Tally) => number = (t) => t.cases): Ratio | undefined {
  return tally ? { num: num(tally), den: den(tally) } : undefined;
}

function fraction({ num, den }: Ratio): string {
  return den === 0 ? 'n/a' : (num / den).toFixed(3);
}

function meets(value: Ratio, target: { atLeast?: number; atMost?: number }): boolean {
  const x = value.num / value.den;
  return target.atLeast !== undefined ? x >= target.atLeast : x <= (target.atMost ?? Infinity);
}

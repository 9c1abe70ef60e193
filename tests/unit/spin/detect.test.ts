import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSpin, distinctSpinEvidence } from '../../../lib/spin';

const CORPUS = join(import.meta.dirname, '../../../public/corpus');
const seedText = (prefix: string) => readFileSync(join(CORPUS, readdirSync(CORPUS).find((f) => f.startsWith(prefix))!), 'utf8');

describe('detectSpin', () => {
  it('flags seed 000 (a spun copy) with at least 10 distinct odd phrases, most telling first', () => {
    const hint = detectSpin(seedText('000'));
    expect(hint.flagged).toBe(true);
    const distinct = distinctSpinEvidence(hint.evidence);
    expect(distinct.length).toBeGreaterThanOrEqual(10);
    const likely = new Map(distinct.map((e) => [e.text.toLowerCase(), e.likely]));
    expect(likely.get('final 12 months')).toBe('last year');
    expect(likely.get('high diplomat')).toBe('top diplomat');
    expect(likely.get('metropolis')).toBe('city');
    expect(likely.get('warfare')).toBe('war');
    // Ranked: a stronger group never follows a weaker one.
    const strength = distinct.map((e) => e.weight * Math.sqrt(e.count));
    for (let i = 1; i < strength.length; i++) expect(strength[i]).toBeLessThanOrEqual(strength[i - 1] + 1e-9);
  });

  it('does not flag the original or the independent seeds 001-004', () => {
    for (const prefix of ['001', '002', '003', '004']) expect(detectSpin(seedText(prefix)).flagged, prefix).toBe(false);
  });

  it('gives evidence offsets that point at the evidence text, counted per phrase', () => {
    const text = seedText('000');
    const hint = detectSpin(text);
    for (const item of hint.evidence) expect(text.slice(item.start, item.end)).toBe(item.text);
    const warfare = hint.evidence.filter((e) => e.text.toLowerCase() === 'warfare');
    expect(warfare.length).toBe(warfare[0].count);
    expect(warfare.length).toBe(text.match(/\bwarfare\b/gi)!.length);
  });

  it('keeps offsets right after astral characters and CRLF line breaks', () => {
    const filler = 'The council met on Tuesday and the mayor said the plan would go ahead as planned. '.repeat(10);
    const text = `😀 ${filler}\r\nThe metropolis grew final 12 months.\r\n${filler}`;
    const hint = detectSpin(text, 'normal');
    const phrase = hint.evidence.find((e) => e.likely === 'last year')!;
    expect(text.slice(phrase.start, phrase.end)).toBe('final 12 months');
    const city = hint.evidence.find((e) => e.likely === 'city')!;
    expect(text.slice(city.start, city.end)).toBe('metropolis');
  });

  it('gives flagged:false, never an error, for empty, one-word, non-English and odd input', () => {
    const german = 'Die Regierung hat am Dienstag beschlossen, dass die Metropole im kommenden Jahr mehr Geld bekommt. '.repeat(20);
    const russian = 'Правительство заявило во вторник, что город получит больше денег в следующем году. '.repeat(20);
    for (const text of ['', ' ', 'metropolis', 'final 12 months', german, russian, '\u0000'.repeat(100)]) {
      const hint = detectSpin(text);
      expect(hint.flagged).toBe(false);
      expect(hint.score).toBeGreaterThanOrEqual(0);
    }
    expect(detectSpin(undefined as unknown as string)).toEqual({ flagged: false, score: 0, evidence: [] });
  });

  it('judges a huge text on its first part, with offsets still right', () => {
    const text = seedText('000').repeat(60);
    const hint = detectSpin(text, 'normal');
    expect(hint.evidence.length).toBeGreaterThan(0);
    expect(Math.max(...hint.evidence.map((e) => e.end))).toBeLessThanOrEqual(200_000);
    for (const item of hint.evidence.slice(0, 50)) expect(text.slice(item.start, item.end)).toBe(item.text);
  });

  it('never flags when the setting is off, and normal flags what cautious flags', () => {
    const text = seedText('000');
    expect(detectSpin(text, 'off')).toEqual({ flagged: false, score: 0, evidence: [] });
    expect(detectSpin(text, 'normal').flagged).toBe(true);
  });

  it('reads a capitalised word as a name, not as spinner output', () => {
    const body = 'The committee said the budget would be approved next week after a long debate in the chamber. '.repeat(12);
    const named = `${body} Shares of Metropolis Insurance and Warfare Studies Ltd rose.`;
    expect(detectSpin(named, 'normal').evidence.some((e) => /metropolis|warfare/i.test(e.text))).toBe(false);
  });
});

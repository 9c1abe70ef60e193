/**
 * The UI catalogues (public/_locales/<lang>/messages.json): every language has exactly the
 * English names, a message for each, and the same `$1`… substitutions, so no French screen
 * shows a raw name, an empty line or a lost figure.
 */
import { describe, expect, it } from 'vitest';
import english from '../../../public/_locales/en/messages.json';
import french from '../../../public/_locales/fr/messages.json';
import { t } from '../../../lib/i18n';

type Catalogue = Record<string, { message: string }>;

const placeholders = (message: string) => [...new Set(message.match(/\$\d/g) ?? [])].sort();

describe.each([['fr', french as Catalogue]])('the %s catalogue', (_lang, catalogue) => {
  const en = english as Catalogue;

  it('has exactly the English message names', () => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
  });

  it('has a message for every name', () => {
    const empty = Object.entries(catalogue).filter(([, entry]) => typeof entry?.message !== 'string' || entry.message.trim() === '');
    expect(empty.map(([name]) => name)).toEqual([]);
  });

  it('uses the same $n substitutions as English in every message', () => {
    const differing = Object.keys(en)
      .filter((name) => catalogue[name])
      .filter((name) => placeholders(en[name].message).join() !== placeholders(catalogue[name].message).join())
      .map((name) => `${name}: en ${placeholders(en[name].message).join() || '-'} / fr ${placeholders(catalogue[name].message).join() || '-'}`);
    expect(differing).toEqual([]);
  });
});

describe('the English catalogue', () => {
  it('has only names the browser accepts (ASCII letters, digits, _ and @)', () => {
    expect(Object.keys(english).filter((name) => !/^[A-Za-z0-9_@]+$/.test(name))).toEqual([]);
  });

  it('is what t() reads outside a browser, substitutions inserted as text', () => {
    expect(t('highlightPosition', 2, 5)).toBe('Passage 2 of 5');
    expect(t('badgeTitleSpun', 'Recycled News', 'A $1 title')).toBe('Recycled News: spun copy of “A $1 title”');
  });
});

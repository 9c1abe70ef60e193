/**
 * User-facing words from the browser's i18n catalogue (public/_locales/<lang>/messages.json,
 * read with `i18n.getMessage`), so the browser's UI language picks them. Outside a browser
 * (unit tests, the scan command) the English catalogue is used directly, with the same
 * `$1`…`$9` substitution the browser applies.
 *
 *   t('popupCleanDetail', formatNumber(5))  // "Nothing in your library of 5 articles matches…"
 */
import { browser } from 'wxt/browser';
import english from '../../public/_locales/en/messages.json';

/** Every message name: the English catalogue is the reference; others must have the same names. */
export type MessageKey = Extract<keyof typeof english, string>;

type Catalogue = Record<string, { message: string }>;

function fromEnglish(key: MessageKey, substitutions: readonly string[]): string {
  const message = (english as Catalogue)[key]?.message ?? key;
  return message.replace(/\$(\d)/g, (whole, digit: string) => substitutions[Number(digit) - 1] ?? whole);
}

function browserMessage(key: string, substitutions: readonly string[]): string {
  try {
    // WXT types getMessage with the built-in names only; ours are checked by MessageKey.
    return (browser.i18n.getMessage as (name: string, substitutions: string[]) => string)(key, [...substitutions]);
  } catch {
    // No i18n API here (Node, a test's fake browser).
    return '';
  }
}

/**
 * The message `key` in the user's language, with `$1`… replaced by `substitutions` (strings
 * inserted as text; callers format numbers with {@link formatNumber} first).
 */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const values = substitutions.map(String);
  return browserMessage(key, values) || fromEnglish(key, values);
}

let locale: { value: string | undefined } | undefined;

/** The browser's UI language (e.g. "fr"), or undefined outside a browser: Intl then uses its
 *  default. Asked once per page: it changes only with a browser restart, and each call crosses
 *  into the extension API (an import's progress, redrawn hundreds of times, spent 5 % of the
 *  options page's time asking). */
export function uiLocale(): string | undefined {
  if (locale) return locale.value;
  try {
    locale = { value: browser.i18n.getUILanguage() || undefined };
  } catch {
    locale = { value: undefined };
  }
  return locale.value;
}

/** A count or figure written the user's way ("1,234" in English, "1 234" in French). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(uiLocale(), options).format(value);
}

/** A share (0..1) as a whole percentage in the user's style; any share above 0 shows as at least 1%. */
export function formatPercent(share: number): string {
  const rounded = Math.max(share > 0 ? 0.01 : 0, Math.round(share * 100) / 100);
  return formatNumber(rounded, { style: 'percent', maximumFractionDigits: 0 });
}

/** A calendar date (ISO string) in the user's style; the input itself when it is not a date. */
export function formatDate(iso: string | undefined, options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' }): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(uiLocale(), options);
}

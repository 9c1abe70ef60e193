/** How the options page writes dates, counts and sizes: short, the same everywhere, in the user's locale. */
import { formatDate as localDate, formatNumber, t, type MessageKey } from '../../lib/i18n';
import type { EntryOrigin } from '../../lib/library/types';

export function formatDate(iso: string | undefined): string {
  return localDate(iso) ?? '—';
}

export const formatCount = (n: number): string => formatNumber(n);

/** `n` of something in words: the message `one` when it is 1, else `many` with the count as
 *  its $1 (the catalogue's way of writing plurals). */
export const countInWords = (n: number, one: MessageKey, many: MessageKey): string => (n === 1 ? t(one) : t(many, formatCount(n)));

/** Text length for people: "840 chars", "12.4k chars". */
export function formatSize(chars: number): string {
  return chars < 1000
    ? t('sizeChars', formatNumber(chars))
    : t('sizeKiloChars', formatNumber(chars / 1000, { maximumFractionDigits: chars < 10_000 ? 1 : 0 }));
}

const BYTE_UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** Bytes in binary steps (1 KB = 1024 bytes), with the locale's unit names ("12 MB", "12 Mo"). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return formatNumber(bytes, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return formatNumber(value, { style: 'unit', unit: BYTE_UNITS[unit], maximumFractionDigits: value < 10 ? 1 : 0 });
}

const ORIGIN_KEYS: Record<EntryOrigin, MessageKey> = {
  seed: 'originSeed',
  imported: 'originImported',
  page: 'originPage',
  pasted: 'originPasted',
  learned: 'originLearned',
};

/** Where an entry came from, in words ("Seed corpus", "Learned while reading"). */
export const originLabel = (origin: EntryOrigin): string => t(ORIGIN_KEYS[origin]);

/** Every origin, in the order the filters list them. */
export const ORIGIN_ORDER = Object.keys(ORIGIN_KEYS) as EntryOrigin[];

/** What an export says of the entries it left out because their text was dropped (lib/library/export-runner.ts). */
export const textDroppedSkipped = (count: number): string => countInWords(count, 'exportTextDroppedOne', 'exportTextDropped');

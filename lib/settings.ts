/**
 * Every user setting, declared once with its default and its migrations (WXT storage items
 * work the same in the background, popup, options page and content script). Read them through
 * these items only, never by raw storage key.
 */
import { storage } from 'wxt/utils/storage';
import { SENSITIVITIES, type Sensitivity, type SensitivityByKind } from './core/sensitivity';
import type { MatchKind } from './core/types';
import { SPIN_SENSITIVITIES, type SpinSensitivity } from './spin/types';

/** Which pages are scanned: every site, every site but the excluded ones, or only a page the
 *  user asks about by clicking the toolbar button (activeTab: no broad host permission). */
export type ScanMode = 'all' | 'all-except' | 'click';
export const SCAN_MODES: readonly ScanMode[] = ['all', 'all-except', 'click'];

/** How readily each kind of copy is reported: `low` wants stronger evidence, `high` reports
 *  weaker matches too. The engine owns the levels (its threshold profiles, lib/core/sensitivity.ts). */
export { SENSITIVITIES, type Sensitivity, type SensitivityByKind };

export interface LearningSettings {
  /** Off by default: adding every article the user reads is their choice to make. */
  enabled: boolean;
  /** Sites whose articles are never learned (e.g. a bank's blog, an intranet). */
  excludedSites: string[];
  /** Most learned entries kept; the oldest go first. */
  cap: number;
}

export const LEARNED_CAP_DEFAULT = 1000;
export const LEARNED_CAP_MAX = 100_000;

export const scanModeSetting = storage.defineItem<ScanMode>('local:scanMode', { fallback: 'all', version: 1 });

/**
 * Version 1 stored the exclusion list as typed ("https://www.Example.com/news"); version 2
 * stores bare host names, so matching a page is a plain comparison.
 */
export const excludedSitesSetting = storage.defineItem<string[]>('local:excludedSites', {
  fallback: [],
  version: 2,
  migrations: { 2: (old: unknown) => normalizeSiteList(old) },
});

export const showBadgeSetting = storage.defineItem<boolean>('local:showBadge', { fallback: true, version: 1 });

/**
 * Version 1 had one sensitivity for every kind (a string); version 2 has one per kind, each
 * starting from the old single value.
 */
export const sensitivitySetting = storage.defineItem<SensitivityByKind>('local:sensitivity', {
  fallback: { verbatim: 'normal', partial: 'normal', spun: 'normal' },
  version: 2,
  migrations: { 2: (old: unknown) => sensitivityByKind(old) },
});

const isSensitivity = (value: unknown): value is Sensitivity => SENSITIVITIES.includes(value as Sensitivity);

/** Per-kind levels from a single level, a (partial) per-kind object, or junk ("normal"). */
export function sensitivityByKind(value: unknown): SensitivityByKind {
  const single = isSensitivity(value) ? value : 'normal';
  const level = (kind: MatchKind): Sensitivity => {
    const given = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[kind] : undefined;
    return isSensitivity(given) ? given : single;
  };
  return { verbatim: level('verbatim'), partial: level('partial'), spun: level('spun') };
}

/** The spin hint from text alone (lib/spin): cautious by default, since a false warning on an honest article costs more than a miss. */
export { SPIN_SENSITIVITIES, type SpinSensitivity };
export const spinHintSetting = storage.defineItem<SpinSensitivity>('local:spinHint', { fallback: 'cautious', version: 1 });

export const learningSetting = storage.defineItem<LearningSettings>('local:learning', {
  fallback: { enabled: false, excludedSites: [], cap: LEARNED_CAP_DEFAULT },
  version: 1,
});

/** Check packs added from an address for updates once a day (lib/extension/pack-schedule.ts). Off by default: no request the user did not turn on. */
export const packAutoUpdateSetting = storage.defineItem<boolean>('local:packAutoUpdate', { fallback: false, version: 1 });

export interface Settings {
  scanMode: ScanMode;
  excludedSites: string[];
  showBadge: boolean;
  sensitivity: SensitivityByKind;
  spinHint: SpinSensitivity;
  learning: LearningSettings;
}

export async function loadSettings(): Promise<Settings> {
  const [scanMode, excludedSites, showBadge, sensitivity, spinHint, learning] = await Promise.all([
    scanModeSetting.getValue(),
    excludedSitesSetting.getValue(),
    showBadgeSetting.getValue(),
    sensitivitySetting.getValue(),
    spinHintSetting.getValue(),
    learningSetting.getValue(),
  ]);
  // Storage is shared with other code and can be edited by hand: never trust its shapes.
  return {
    scanMode: SCAN_MODES.includes(scanMode) ? scanMode : scanModeSetting.fallback,
    excludedSites: normalizeSiteList(excludedSites),
    showBadge: showBadge !== false,
    sensitivity: sensitivityByKind(sensitivity),
    spinHint: SPIN_SENSITIVITIES.includes(spinHint) ? spinHint : spinHintSetting.fallback,
    learning: {
      enabled: learning?.enabled === true,
      excludedSites: normalizeSiteList(learning?.excludedSites),
      cap: Number.isInteger(learning?.cap) && learning.cap >= 1 ? Math.min(learning.cap, LEARNED_CAP_MAX) : LEARNED_CAP_DEFAULT,
    },
  };
}

/**
 * The host name a user means by what they typed: "https://www.Example.com/x" → "example.com".
 * Empty for text that names no host.
 */
export function normalizeSite(input: string): string {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return '';
  try {
    const host = new URL(trimmed.includes('://') ? trimmed : `http://${trimmed}`).hostname;
    return host.replace(/^www\./, '').replace(/\.$/, '');
  } catch {
    return '';
  }
}

/** A clean, sorted list of distinct hosts from whatever was stored or typed. */
export function normalizeSiteList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  const hosts = items.filter((item): item is string => typeof item === 'string').map(normalizeSite).filter(Boolean);
  return [...new Set(hosts)].sort();
}

/** Whether a page's URL belongs to one of the sites (the site itself or any subdomain of it). */
export function isSiteListed(url: string, sites: readonly string[]): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return false;
  }
  return sites.some((site) => host === site || host.endsWith(`.${site}`));
}

/** Whether the content script should scan this page on its own under the current settings. */
export function scansAutomatically(url: string, settings: Pick<Settings, 'scanMode' | 'excludedSites'>): boolean {
  if (settings.scanMode === 'click') return false;
  return settings.scanMode === 'all' || !isSiteListed(url, settings.excludedSites);
}

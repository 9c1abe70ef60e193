import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  excludedSitesSetting,
  isSiteListed,
  learningSetting,
  loadSettings,
  normalizeSite,
  scanModeSetting,
  scansAutomatically,
  sensitivitySetting,
} from '../../lib/settings';

beforeEach(() => fakeBrowser.reset());

describe('defaults', () => {
  test('a fresh install scans all sites, shows the badge, normal sensitivity, learning off', async () => {
    expect(await loadSettings()).toEqual({
      scanMode: 'all',
      excludedSites: [],
      showBadge: true,
      sensitivity: { verbatim: 'normal', partial: 'normal', spun: 'normal' },
      spinHint: 'cautious',
      learning: { enabled: false, excludedSites: [], cap: 1000 },
    });
  });

  test('values saved through the items are read back, and junk in storage falls back safely', async () => {
    await scanModeSetting.setValue('click');
    await learningSetting.setValue({ enabled: true, excludedSites: ['bank.example'], cap: 50 });
    expect(await loadSettings()).toMatchObject({ scanMode: 'click', learning: { enabled: true, excludedSites: ['bank.example'], cap: 50 } });
    await fakeBrowser.storage.local.set({ scanMode: 'sometimes', learning: { enabled: 'yes', cap: -4 }, showBadge: 'no', spinHint: 'loud' });
    expect(await loadSettings()).toMatchObject({ scanMode: 'all', showBadge: true, spinHint: 'cautious', learning: { enabled: false, excludedSites: [], cap: 1000 } });
  });
});

describe('migrations', () => {
  test('excluded sites typed as text in version 1 become clean host names', async () => {
    await fakeBrowser.storage.local.set({ excludedSites: 'https://www.Example.com/news, blog.test\nexample.com', excludedSites$: { v: 1 } });
    await excludedSitesSetting.migrate();
    expect(await excludedSitesSetting.getValue()).toEqual(['blog.test', 'example.com']);
    expect((await fakeBrowser.storage.local.get('excludedSites$')).excludedSites$).toEqual({ v: 2 });
  });

  test('one sensitivity for all kinds (version 1) becomes the same level for each kind', async () => {
    await fakeBrowser.storage.local.set({ sensitivity: 'low' });
    await sensitivitySetting.migrate();
    expect(await sensitivitySetting.getValue()).toEqual({ verbatim: 'low', partial: 'low', spun: 'low' });
  });

  test('an unknown version-1 value migrates to the defaults rather than failing', async () => {
    await fakeBrowser.storage.local.set({ sensitivity: 42 });
    await sensitivitySetting.migrate();
    expect(await sensitivitySetting.getValue()).toEqual({ verbatim: 'normal', partial: 'normal', spun: 'normal' });
  });
});

describe('sites', () => {
  test('what users type is reduced to a host name', () => {
    expect(normalizeSite('  HTTPS://www.News.Example/a/b?c ')).toBe('news.example');
    expect(normalizeSite('news.example.')).toBe('news.example');
    expect(normalizeSite('')).toBe('');
  });

  test('a listed site covers its subdomains but not look-alike names', () => {
    const sites = ['example.com'];
    expect(isSiteListed('https://example.com/x', sites)).toBe(true);
    expect(isSiteListed('https://www.example.com/x', sites)).toBe(true);
    expect(isSiteListed('https://news.example.com/x', sites)).toBe(true);
    expect(isSiteListed('https://badexample.com/x', sites)).toBe(false);
    expect(isSiteListed('not a url', sites)).toBe(false);
  });

  test('scan modes decide which pages are read on their own', () => {
    const url = 'https://news.example/a';
    expect(scansAutomatically(url, { scanMode: 'all', excludedSites: ['news.example'] })).toBe(true);
    expect(scansAutomatically(url, { scanMode: 'all-except', excludedSites: ['news.example'] })).toBe(false);
    expect(scansAutomatically('https://other.example/', { scanMode: 'all-except', excludedSites: ['news.example'] })).toBe(true);
    expect(scansAutomatically(url, { scanMode: 'click', excludedSites: [] })).toBe(false);
  });
});

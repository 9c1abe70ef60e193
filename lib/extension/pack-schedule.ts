/**
 * The daily update check of packs, only when the user turned it on (packAutoUpdateSetting, off
 * by default): a browser alarm, which survives the service worker's stops and wakes it.
 */
import { browser } from 'wxt/browser';

export const PACK_UPDATE_ALARM = 'pack-updates';
const DAY_MINUTES = 24 * 60;

/** Creates the daily alarm (keeping one already there, so restarts do not postpone it) or clears it. */
export async function schedulePackUpdates(enabled: boolean): Promise<void> {
  if (!enabled) {
    await browser.alarms.clear(PACK_UPDATE_ALARM);
    return;
  }
  if (await browser.alarms.get(PACK_UPDATE_ALARM)) return;
  await browser.alarms.create(PACK_UPDATE_ALARM, { delayInMinutes: DAY_MINUTES, periodInMinutes: DAY_MINUTES });
}

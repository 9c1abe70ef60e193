/**
 * The background: registers every listener synchronously (an MV3 service worker may be
 * woken by any of them) and hands the work to lib/extension and lib/messaging.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { showBadge } from '../lib/extension/badge';
import { createBackgroundHandlers } from '../lib/extension/background-handlers';
import { getLibrary } from '../lib/extension/library-access';
import { sendHighlight, SHOW_ON_PAGE_COMMAND, toggleFirstMatch } from '../lib/extension/highlight-request';
import { requestScan } from '../lib/extension/request-scan';
import { LearningScheduler } from '../lib/extension/learning-scheduler';
import { PageTexts } from '../lib/extension/page-texts';
import { PageReports, forgetClosedTabs, pageHoldEvents, recheckInterrupted, redrawBadges, watchTabs } from '../lib/extension/tab-lifecycle';
import { sessionTabResults } from '../lib/extension/tab-results';
import { createLibraryHandlers } from '../lib/library/handlers';
import { watchImportPort } from '../lib/library/import-watch';
import { createMessageRouter } from '../lib/messaging/router';
import { loadSettings, packAutoUpdateSetting, showBadgeSetting } from '../lib/settings';
import { getPacksDb } from '../lib/extension/pack-access';
import { PACK_UPDATE_ALARM, schedulePackUpdates } from '../lib/extension/pack-schedule';
import { createPackService } from '../lib/extension/pack-service';

export default defineBackground(() => {
  // Open the library, and restore the engine's index, as soon as the worker starts, whatever
  // woke it: a stopped worker is mostly woken by a tab starting to load a page, whose report
  // comes a few hundred ms later, time in which the index snapshot is read.
  openLibrary();
  const pageTexts = new PageTexts();
  const learning = new LearningScheduler();
  const reports = new PageReports();
  const packs = createPackService(getPacksDb);
  const handlers = createBackgroundHandlers({
    library: getLibrary,
    settings: loadSettings,
    tabResults: sessionTabResults,
    showBadge,
    requestScan,
    showOnPage: (tabId, plan) => sendHighlight(tabId, plan),
    libraryHandlers: createLibraryHandlers(getLibrary),
    pageTexts,
    learning,
    reports,
    packs,
  });
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  const route = createMessageRouter(handlers, self);
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.runtime.onConnect.addListener((port) => watchImportPort(port, self, async (importId) => (await getLibrary()).abortImport(importId)));
  watchTabs(sessionTabResults, showBadge, {
    reports,
    onLeave: (tabId) => {
      pageTexts.forget(tabId);
      learning.cancel(tabId);
    },
    // A loading page goes before an import's writes (foreground.ts).
    ...pageHoldEvents(getLibrary, reports),
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PACK_UPDATE_ALARM) void packs.checkUpdates().catch((error: unknown) => console.warn('Recycled News: pack update check', error));
  });
  packAutoUpdateSetting.watch((enabled) => void schedulePackUpdates(enabled === true));
  showBadgeSetting.watch((enabled) => void redrawBadges(sessionTabResults, showBadge, enabled));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== SHOW_ON_PAGE_COMMAND || tab?.id === undefined) return;
    const tabId = tab.id;
    const sourceText = async (id: string) => (await (await getLibrary()).getEntry(id))?.text ?? null;
    void sessionTabResults
      .get(tabId)
      .then((stored) => toggleFirstMatch(tabId, pageTexts.withText(tabId, stored), sourceText))
      .catch((error: unknown) => console.warn('Recycled News: cannot show the match on the page', error));
  });

  // The library was opened above; the pack update alarm follows its setting.
  const scheduleUpdates = () => void packAutoUpdateSetting.getValue().then((enabled) => schedulePackUpdates(enabled === true));
  browser.runtime.onInstalled.addListener(scheduleUpdates);
  browser.runtime.onStartup.addListener(scheduleUpdates);
  // The welcome page explains what the library is; shown once, on a first install (not on updates).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  void forgetClosedTabs(sessionTabResults).then(() => recheckInterrupted(sessionTabResults, (tabId) => handlers['tab/result']({ tabId })));
});

/** Opens (seeds, indexes) the library; a failure is logged, and the next message tries again. */
function openLibrary(): void {
  void getLibrary().catch((error: unknown) => console.error('Recycled News: library failed to open', error));
}

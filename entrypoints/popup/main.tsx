/**
 * Popup entry: finds the tab to show (`?tabId=N`, else the active tab) and renders PopupApp
 * with the real messaging client, in the user's language.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup/PopupApp';
import { localizeDocument } from '../../lib/i18n/document';
import { sendMessage } from '../../lib/messaging/client';
import '../../components/theme.css';
import './style.css';

async function targetTab(): Promise<{ id: number | null; url?: string }> {
  const requested = new URLSearchParams(location.search).get('tabId');
  if (requested !== null && /^\d+$/.test(requested)) {
    const id = Number(requested);
    const tab = await browser.tabs.get(id).catch(() => undefined);
    return { id, url: tab?.url };
  }
  // The click on the toolbar button (activeTab) lets the popup see the tab's address.
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: active?.id ?? null, url: active?.url };
}

localizeDocument('extName');
void targetTab().then(({ id, url }) => {
  render(
    <PopupApp
      tabId={id}
      pageUrl={url}
      send={sendMessage}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onGrowLibrary={() => void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') })}
      extensionVersion={browser.runtime.getManifest().version}
      entryUrl={(entryId) => `${browser.runtime.getURL('/options.html')}#library/entry=${encodeURIComponent(entryId)}`}
    />,
    document.getElementById('app')!,
  );
});

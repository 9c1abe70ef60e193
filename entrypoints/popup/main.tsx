/**
 * Popup entry: finds the tab to show (`?tabId=N`, else the active tab) and renders PopupApp
 * with the real messaging client.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup/PopupApp';
import { sendMessage } from '../../lib/messaging/client';
import './style.css';

async function targetTabId(): Promise<number | null> {
  const requested = new URLSearchParams(location.search).get('tabId');
  if (requested !== null && /^\d+$/.test(requested)) return Number(requested);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

void targetTabId().then((tabId) => {
  render(
    <PopupApp
      tabId={tabId}
      send={sendMessage}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      extensionVersion={browser.runtime.getManifest().version}
      entryUrl={(id) => `${browser.runtime.getURL('/options.html')}#library/entry=${encodeURIComponent(id)}`}
    />,
    document.getElementById('app')!,
  );
});

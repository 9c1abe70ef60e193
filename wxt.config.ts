import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Permissions are justified one by one in the README ("Permissions").
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: lib/ must run in Node (CLI, tests) without WXT's globals.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  // The sources zip for Firefox's review (`wxt zip -b firefox`): what rebuilds the add-on,
  // without the tests, their artifacts and the README's pictures.
  zip: { excludeSources: ['tests/**', 'test-artifacts/**', 'docs/**'] },
  manifest: ({ browser }) => ({
    // Name and description come from public/_locales (the browser's language picks them).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // alarms: the daily pack update check, only when the user turns it on.
    permissions: ['storage', 'activeTab', 'scripting', 'alarms'],
    // Packs from an https address: access to that host only, asked for when the user adds one.
    // MV3 (Chrome) has optional_host_permissions; Firefox's MV2 build takes hosts in optional_permissions.
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*'] } : { optional_host_permissions: ['https://*/*'] }),
    action: { default_title: '__MSG_extName__' },
    // One background for normal and private windows (the browsers' default, and the only mode
    // Firefox offers); the extension runs in private windows only if the user allows it there,
    // and then writes nothing of them to lasting storage (README, "Private windows").
    incognito: 'spanning',
    // The content script is an unlisted script declared here, not WXT's defineContentScript
    // (whose start-up handshake pages can see and forge): see entrypoints/content-scanner.ts.
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content-scanner.js'], run_at: 'document_idle' }],
    // "Show on the page" for the page's first match (lib/extension/highlight-request); pressed again, it turns off.
    commands: {
      'show-on-page': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Show the recycled text on the page (press again to turn off)',
      },
    },
    ...(browser === 'firefox'
      ? {
          // Firefox 140 (ESR) is the first to know data_collection_permissions, which
          // addons.mozilla.org requires of new add-ons; Firefox for Android got it in 142.
          browser_specific_settings: {
            gecko: {
              id: 'recycled-news@example.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

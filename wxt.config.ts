import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Permissions are justified one by one in the README ("Permissions").
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: lib/ must run in Node (CLI, tests) without WXT's globals.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Recycled News',
    description: 'Tells you when a news article is a verbatim, partial or spun copy of another one. Runs entirely on your device.',
    permissions: ['storage', 'activeTab', 'scripting'],
    action: { default_title: 'Recycled News' },
    // "Show on the page" for the page's first match (lib/extension/highlight-request); pressed again, it turns off.
    commands: {
      'show-on-page': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Show the recycled text on the page (press again to turn off)',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'recycled-news@example.org',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});

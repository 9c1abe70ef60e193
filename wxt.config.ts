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
    // One background for normal and private windows (the browsers' default, and the only mode
    // Firefox offers); the extension runs in private windows only if the user allows it there,
    // and then writes nothing of them to lasting storage (README, "Private windows").
    incognito: 'spanning',
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

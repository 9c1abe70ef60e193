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

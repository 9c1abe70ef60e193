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
    // The content script is an unlisted script declared here, not WXT's defineContentScript
    // (whose start-up handshake pages can see and forge): see entrypoints/content-scanner.ts.
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content-scanner.js'], run_at: 'document_idle' }],
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

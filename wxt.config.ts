import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Chrome MV3 and Firefox MV3 from one source. Permissions are the least the features need;
// README.md ("Permissions") says why each is there.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // No auto-imports: every edge between files is an import a reader (and the dependency rules in
  // .dependency-cruiser.cjs) can see.
  imports: false,
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  zip: {
    // The Firefox sources zip must rebuild the add-on: everything but outputs and dependencies.
    excludeSources: ['.output/**', 'tests/screenshots/**', 'bench-results/**'],
  },
  hooks: {
    // The detector is built as an unlisted script to stay tiny (see entrypoints/detector.ts) and
    // declared here as the content script it is: every http(s) page, once the page is idle.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: ['http://*/*', 'https://*/*'], js: ['detector.js'], run_at: 'document_idle' },
      ];
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab: when the user clicks the button, the popup may read the tab's address, so it can
    // say why a browser page, a store page or a file cannot be read.
    // offscreen (Chrome only): a DOM to parse pages fetched by "Save link"; Firefox's background has one.
    // declarativeNetRequestWithHostAccess: while the background fetches a linked or imported page,
    // one session rule refuses its own requests to private hosts, so a redirect cannot lead there
    // (extension/fetch-page.ts). No install warning: it acts only where host access already is.
    // alarms: sync of the library every N minutes, and shortly after a change (background/sync.ts).
    permissions: [
      'storage',
      'alarms',
      'contextMenus',
      'scripting',
      'activeTab',
      'unlimitedStorage',
      'declarativeNetRequestWithHostAccess',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    // The same sites the detector already runs on (so no new install warning): lets the reader
    // be injected into the tab from the popup, the menu or a shortcut.
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    // The extension's own pages run only their own scripts. Stated, rather than left to each
    // browser's default, because Firefox's default adds upgrade-insecure-requests: "Save linked
    // article" then asked for https:// of a site that serves only http:// and failed, and "Load
    // images from the site" on a saved copy asked for the wrong address. No request is made by
    // these pages unless the user asked for it (README, Privacy).
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
    // Chromium 156 leaves Alt+Shift+A and Alt+Shift+R unassigned (it keeps them for itself), so
    // the popup is Alt+Shift+O and the reader Alt+Shift+V ("view"); the E2E test checks they hold.
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+O' },
      },
      'toggle-reader': {
        suggested_key: { default: 'Alt+Shift+V' },
        description: '__MSG_commandToggleReader__',
      },
      'save-article': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSaveArticle__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'reading-assistant@example.org',
              strict_min_version: '140.0',
              // Firefox asks every add-on to declare what it collects: nothing leaves the device.
              data_collection_permissions: { required: ['none'] },
            },
            // The data-collection declaration needs Firefox for Android 142 or later.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : // The themes' colours are light-dark() pairs (components/theme.css, reader.css): Chrome 123.
        { minimum_chrome_version: '123' }),
  }),
});

// Where code runs, checked on every lint (npm run lint:deps). The folders say the context:
//   lib/         pure logic: any context, Node and jsdom too (no extension API, no storage, no UI)
//   platform/    thin use of extension APIs that works in every context (i18n, messages, settings)
//   page/        content-script code that runs inside web pages
//   extension/   extension-origin code (background and extension pages): the database lives here
//   background/  the service worker / event page alone
//   components/  Preact UI for extension pages and the reader overlay
//   entrypoints/ WXT entry points, one per bundle
// Type-only imports are allowed across the lines (they vanish from bundles); values are not.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'lib-is-pure',
      comment:
        'lib/ is pure logic: it may use lib/, platform/i18n (strings) and npm libraries other than dexie, preact and the browser API.',
      severity: 'error',
      from: { path: '^lib/' },
      to: {
        path: [
          '^(platform|page|background|extension|components|entrypoints)/',
          'node_modules/(dexie|preact|wxt|webextension-polyfill|@wxt-dev)/',
        ],
        pathNot: '^platform/i18n\\.ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'platform-no-context',
      comment: 'platform/ runs in every context: no database, no UI, no page-, background- or extension-only code.',
      severity: 'error',
      from: { path: '^platform/' },
      to: {
        path: ['^(page|background|extension|components|entrypoints)/', 'node_modules/(dexie|preact)/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'page-no-database',
      comment: "Page code runs in web pages: IndexedDB there is the web site's, so no Dexie and no extension-origin code.",
      severity: 'error',
      from: { path: '^(page/|entrypoints/(reader\\.content|detector\\.ts|entities\\.ts))' },
      to: { path: ['^(background|extension)/', 'node_modules/dexie/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'page-bundle-no-database',
      comment: 'Nothing a page bundle loads may reach Dexie, however indirectly.',
      severity: 'error',
      from: { path: '^entrypoints/(reader\\.content|detector\\.ts|entities\\.ts)' },
      to: { path: 'node_modules/dexie/', reachable: true },
    },
    {
      name: 'extension-no-page-or-ui',
      comment: 'extension/ serves the background too: no Preact, no page code.',
      severity: 'error',
      from: { path: '^extension/' },
      to: { path: ['^(page|background|components|entrypoints)/', 'node_modules/preact/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'background-is-lean',
      comment:
        'The background bundle never loads Preact, the UI, page code or the extraction pipeline (parsing runs in the offscreen document).',
      severity: 'error',
      from: { path: '^(background/|entrypoints/background\\.ts)' },
      to: {
        path: ['^(page|components)/', '^lib/article/(extract|clutter)', 'node_modules/(preact|@mozilla/readability)/'],
        reachable: true,
      },
    },
    {
      name: 'components-no-page-or-background',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^(page|background)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-tests-in-shipped-code',
      comment: 'Shipped code never imports test helpers or fixtures.',
      severity: 'error',
      from: { path: '^(lib|platform|page|extension|background|components|entrypoints)/' },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
  },
};

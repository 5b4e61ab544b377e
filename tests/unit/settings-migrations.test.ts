// @vitest-environment node
// Every stored setting (platform/settings/index.ts) against data as each of its versions stored it:
// the migrations run as WXT runs them after an update, and the user's choices must come back.
// (Settings need no DOM; under jsdom the WXT test plugin trips over esbuild loading there.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { SETTINGS } from '@/platform/settings';
import { defineSetting, type Setting } from '@/platform/settings/define';
import { DEFAULT_TYPOGRAPHY } from '@/platform/settings/typography';

beforeEach(() => fakeBrowser.reset());

interface Fixture {
  /** The version whose code stored `stored`. */
  version: number;
  stored: unknown;
  /** What the setting must read after its migrations: what the user had chosen. */
  reads: unknown;
}

/**
 * Per setting, a value as each version stored it, from 1 to the current one. Raising a setting's
 * version means adding its migration and a fixture of the version before.
 */
const FIXTURES: Record<string, Fixture[]> = {
  'sync:typography': [
    {
      version: 1,
      stored: { fontStep: 6, font: 'sans', lineHeight: 2, width: 'wide', theme: 'sepia' },
      reads: { fontStep: 6, font: 'sans', lineHeight: 2, width: 'wide', theme: 'sepia' },
    },
  ],
  'local:typographyBySite': [
    {
      version: 1,
      stored: {
        'news.example': { ...DEFAULT_TYPOGRAPHY, fontStep: 8, theme: 'dark' },
        'blog.example': { ...DEFAULT_TYPOGRAPHY, width: 'narrow' },
      },
      reads: {
        'news.example': { ...DEFAULT_TYPOGRAPHY, fontStep: 8, theme: 'dark' },
        'blog.example': { ...DEFAULT_TYPOGRAPHY, width: 'narrow' },
      },
    },
  ],
  'sync:entityHighlights': [
    {
      version: 1,
      stored: { on: true, groups: ['person', 'org', 'contact'] },
      reads: { on: true, groups: ['person', 'org', 'contact'] },
    },
  ],
  'sync:entityUncertain': [{ version: 1, stored: true, reads: true }],
  'sync:readAloud': [
    {
      version: 1,
      stored: { rate: 1.5, volume: 0.8, voices: { ko: 'Korean+Iven' }, bilingual: 'both' },
      reads: { rate: 1.5, volume: 0.8, voices: { ko: 'Korean+Iven' }, bilingual: 'both' },
    },
  ],
  'local:keyPointsProvider': [
    {
      version: 1,
      stored: { origin: 'http://localhost:11434', allow: true },
      reads: { origin: 'http://localhost:11434', allow: true },
    },
  ],
  'local:translateProvider': [
    {
      version: 1,
      stored: { kind: 'openai', baseUrl: 'http://localhost:11434/v1', model: 'qwen3' },
      reads: { kind: 'openai', baseUrl: 'http://localhost:11434/v1', model: 'qwen3' },
    },
  ],
  'sync:translateTarget': [{ version: 1, stored: 'ja', reads: 'ja' }],
  'sync:translateMode': [{ version: 1, stored: 'translation-only', reads: 'translation-only' }],
  'local:syncConfig': [
    {
      version: 1,
      stored: { url: 'https://cloud.example.org/dav/', user: 'me', password: 'app', key: 'AAAA', auto: true, minutes: 15 },
      reads: { url: 'https://cloud.example.org/dav/', user: 'me', password: 'app', key: 'AAAA', auto: true, minutes: 15 },
    },
  ],
};

/** Version steps without a migration: a setting at version n needs migrations[2] … migrations[n]. */
function missingMigrations(setting: Pick<Setting<unknown>, 'version' | 'migrations'>): number[] {
  const missing: number[] = [];
  for (let v = 2; v <= setting.version; v++) if (typeof setting.migrations[v] !== 'function') missing.push(v);
  return missing;
}

/**
 * Puts `stored` in the fake browser's storage the way version `version` left it (data from before
 * an item had a version carries no mark, which WXT reads as version 1), runs the item's
 * migrations, and reads it back with the version now marked.
 */
async function migrateFrom(setting: Setting<unknown>, stored: unknown, version: number | null) {
  const [area, name] = setting.key.split(/:(.*)/) as ['local' | 'sync' | 'session', string];
  await fakeBrowser.storage[area].set({ [name]: stored, ...(version === null ? {} : { [`${name}$`]: { v: version } }) });
  await setting.migrate();
  const meta = await storage.getMeta<{ v?: number }>(setting.key);
  return { value: await setting.getValue(), version: meta.v ?? 1 };
}

const keyOf = (s: Setting<unknown>) => s.key;

/** Stored items that are not settings: nothing the user chose, nothing lost if a shape changes. */
const NOT_SETTINGS = [
  // extension/save-page.ts: the background's progress fetching imported articles, rewritten each run.
  'local:pendingProgress',
  // platform/settings/sync.ts: what the last sync did, rewritten by each sync.
  'local:syncStatus',
];

test('every stored setting in the code is in the list', () => {
  const SOURCE_ROOTS = ['lib', 'platform', 'page', 'extension', 'background', 'components', 'entrypoints'];
  const root = join(__dirname, '../..');
  const files = SOURCE_ROOTS.flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => join(root, dir, f)),
  ).filter((f) => statSync(f).isFile());
  const defined = files.flatMap((f) =>
    [
      ...readFileSync(f, 'utf8').matchAll(
        /define(?:Item|Setting)\s*(?:<[^(]*>)?\(\s*['"`]((?:local|sync|session|managed):[^'"`]+)/g,
      ),
    ].map((m) => m[1]!),
  );
  expect(defined.length).toBeGreaterThanOrEqual(SETTINGS.length);
  expect([...new Set(defined)].filter((key) => !NOT_SETTINGS.includes(key)).sort()).toEqual(SETTINGS.map(keyOf).sort());
});

test('every version step of every setting has its migration', () => {
  for (const setting of SETTINGS) {
    expect(Number.isInteger(setting.version) && setting.version >= 1, `${setting.key} version ${setting.version}`).toBe(true);
    expect(missingMigrations(setting), `${setting.key}: versions without a migration`).toEqual([]);
  }
});

test('each setting migrates to the version the list gives it', async () => {
  for (const setting of SETTINGS) {
    fakeBrowser.reset();
    const first = FIXTURES[setting.key]?.[0];
    expect(first, `${setting.key}: a fixture`).toBeDefined();
    expect((await migrateFrom(setting, first!.stored, null)).version, setting.key).toBe(setting.version);
  }
});

test('data stored by every version of every setting reads back as the user set it', async () => {
  for (const setting of SETTINGS) {
    const fixtures = FIXTURES[setting.key] ?? [];
    const versions = Array.from({ length: setting.version }, (_, i) => i + 1);
    expect(
      fixtures.map((f) => f.version),
      `${setting.key}: a fixture stored by each version`,
    ).toEqual(versions);
    for (const fixture of fixtures) {
      // Version 1 data comes both without a mark (written before versions) and with one.
      for (const mark of fixture.version === 1 ? [null, 1] : [fixture.version]) {
        fakeBrowser.reset();
        expect(await migrateFrom(setting, fixture.stored, mark), `${setting.key} from version ${mark ?? 'unmarked'}`).toEqual({
          value: fixture.reads,
          version: setting.version,
        });
      }
    }
  }
});

describe('the harness itself, on a setting at version 3', () => {
  // Version 1 stored a font size in percent, version 2 renamed it, version 3 made it a step.
  const migrations = {
    2: (old: { size: number }) => ({ percent: old.size }),
    3: (old: { percent: number }) => ({ step: [70, 80, 90, 100, 110, 125, 150, 175, 200].indexOf(old.percent) }),
  };
  const probe = defineSetting<{ step: number }>('local:migrationHarnessProbe', {
    fallback: { step: 3 },
    version: 3,
    migrations,
  }) as Setting<unknown>;

  test('chains the migrations from every older version', async () => {
    expect(await migrateFrom(probe, { size: 125 }, null)).toEqual({ value: { step: 5 }, version: 3 });
    fakeBrowser.reset();
    expect(await migrateFrom(probe, { percent: 175 }, 2)).toEqual({ value: { step: 7 }, version: 3 });
    fakeBrowser.reset();
    expect(await migrateFrom(probe, { step: 1 }, 3)).toEqual({ value: { step: 1 }, version: 3 });
  });

  test('finds a version step left without its migration', () => {
    expect(missingMigrations(probe)).toEqual([]);
    expect(missingMigrations({ version: 3, migrations: { 2: migrations[2] } })).toEqual([3]);
    expect(missingMigrations({ version: 2, migrations: {} })).toEqual([2]);
  });
});

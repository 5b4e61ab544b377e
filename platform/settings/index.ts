// Every setting the extension stores in browser.storage, in one list: the migration test
// (tests/unit/settings-migrations.test.ts) runs each one's migrations from every older version.
// A new stored setting belongs here, defined with defineSetting.
import type { Setting } from '@/platform/settings/define';
import { highlightSettings } from '@/platform/settings/entities';
import { globalTypography, siteTypography } from '@/platform/settings/typography';
import { displayModeItem, providerConfigItem, targetLanguageItem } from '@/platform/translate/settings';

/**
 * The translation settings declare `version: 1, migrations: {}` to WXT directly
 * (platform/translate/settings.ts), which a plain item cannot report: they are listed as that, and
 * the migration test checks that each item really migrates to the version listed here.
 */
const versionOne = <T>(item: Omit<Setting<T>, 'version' | 'migrations'>): Setting<T> => ({ ...item, version: 1, migrations: {} }) as Setting<T>;

export const SETTINGS: ReadonlyArray<Setting<unknown>> = [
  globalTypography,
  siteTypography,
  highlightSettings,
  versionOne(providerConfigItem),
  versionOne(targetLanguageItem),
  versionOne(displayModeItem),
] as ReadonlyArray<Setting<unknown>>;

// Every setting the extension stores in browser.storage, in one list: the migration test
// (tests/unit/settings-migrations.test.ts) runs each one's migrations from every older version.
// A new stored setting belongs here, defined with defineSetting.
import type { Setting } from '@/platform/settings/define';
import { highlightSettings, uncertainEntitiesItem } from '@/platform/settings/entities';
import { keyPointsConsentItem } from '@/platform/settings/key-points';
import { readAloudSettings } from '@/platform/settings/read-aloud';
import { syncConfigItem } from '@/platform/settings/sync';
import { globalTypography, siteTypography } from '@/platform/settings/typography';
import { displayModeItem, providerConfigItem, targetLanguageItem } from '@/platform/translate/settings';

export const SETTINGS: ReadonlyArray<Setting<unknown>> = [
  globalTypography,
  siteTypography,
  highlightSettings,
  uncertainEntitiesItem,
  readAloudSettings,
  keyPointsConsentItem,
  syncConfigItem,
  providerConfigItem,
  targetLanguageItem,
  displayModeItem,
] as ReadonlyArray<Setting<unknown>>;

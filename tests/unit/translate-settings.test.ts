// @vitest-environment node
// Target languages, the default from the UI language, and the stored translation settings.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultTargetLanguage, normalizeLang, sameLanguage, TARGET_LANGUAGES } from '@/lib/translate/languages';
import {
  displayMode,
  displayModeItem,
  effectiveProvider,
  providerConfigItem,
  targetLanguage,
  targetLanguageItem,
} from '@/platform/translate/settings';
import { normalizeProviderConfig } from '@/lib/translate/providers/index';
import type { TranslatorApi } from '@/lib/translate/providers/browser';

beforeEach(() => fakeBrowser.reset());

test('at least the 20 most used languages, Korean, English, Japanese and Chinese among them, no duplicates', () => {
  expect(TARGET_LANGUAGES.length).toBeGreaterThanOrEqual(20);
  for (const code of ['ko', 'en', 'ja', 'zh', 'zh-TW', 'es', 'hi', 'ar', 'pt', 'fr', 'de', 'ru'])
    expect(TARGET_LANGUAGES).toContain(code);
  expect(new Set(TARGET_LANGUAGES).size).toBe(TARGET_LANGUAGES.length);
  // Every code has a name the UI can show.
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  for (const code of TARGET_LANGUAGES) expect(names.of(code)).not.toBe(code);
});

test('the default target is the UI language when offered, English otherwise', () => {
  expect(defaultTargetLanguage('ko-KR')).toBe('ko');
  expect(defaultTargetLanguage('zh-TW')).toBe('zh-TW');
  expect(defaultTargetLanguage('zh_CN')).toBe('zh');
  expect(defaultTargetLanguage('pt-BR')).toBe('pt');
  expect(defaultTargetLanguage('gd')).toBe('en');
  expect(defaultTargetLanguage('')).toBe('en');
});

test("an article already in the browser's language is offered the reader's next language, not its own", () => {
  // A Korean article in a Korean browser: English, or the next language the reader prefers.
  expect(defaultTargetLanguage('ko', 'ko-KR')).toBe('en');
  expect(defaultTargetLanguage('ko', 'ko', ['ko-KR', 'ja', 'en-US'])).toBe('ja');
  // An English article in an English browser, with Korean second in the reader's list.
  expect(defaultTargetLanguage('en-US', 'en', ['en-US', 'ko'])).toBe('ko');
  // An English article in an English-only browser: Korean, never English into English (issue 15).
  expect(defaultTargetLanguage('en', 'en-GB')).toBe('ko');
  expect(defaultTargetLanguage('en', 'en', ['en-US', 'en'])).toBe('ko');
  // A Korean article in a browser that lists only Korean: English.
  expect(defaultTargetLanguage('ko', 'ko', ['ko'])).toBe('en');
  // Other articles keep the browser's language.
  expect(defaultTargetLanguage('ko', 'en', ['ja'])).toBe('ko');
  expect(defaultTargetLanguage('ko', null)).toBe('ko');
});

test('language tags are normalized; regions do not make a different language', () => {
  expect(normalizeLang('EN-us')).toBe('en');
  expect(normalizeLang('zh-Hant-HK')).toBe('zh-TW');
  expect(normalizeLang('iw')).toBe('he');
  expect(normalizeLang('und')).toBeNull();
  expect(normalizeLang('  ')).toBeNull();
  expect(sameLanguage('en-GB', 'en-US')).toBe(true);
  expect(sameLanguage('zh-TW', 'zh-CN')).toBe(false);
});

test('stored settings: provider made safe, on-device by default where it exists, target and mode', async () => {
  const withTranslator = {
    onDevice: {
      translator: {
        availability: async () => 'available',
        create: async () => ({ translate: async (s: string) => s, destroy() {} }),
      } satisfies TranslatorApi,
    },
  };
  expect(await effectiveProvider(withTranslator)).toEqual({ kind: 'browser' });
  expect(await effectiveProvider({ onDevice: {} })).toBeNull();
  await providerConfigItem.setValue({ kind: 'deepl', apiKey: ' k:fx ' });
  expect(await effectiveProvider(withTranslator)).toEqual({ kind: 'deepl', apiKey: 'k:fx' });
  expect(normalizeProviderConfig({ kind: 'openai', baseUrl: 'http://localhost:11434/v1', model: '' })).toBeNull();
  expect(normalizeProviderConfig({ kind: 'libretranslate', url: 'https://lt.example', apiKey: '' })).toEqual({
    kind: 'libretranslate',
    url: 'https://lt.example',
  });
  expect(normalizeProviderConfig({ kind: 'ftp' })).toBeNull();

  expect(await targetLanguage('ja-JP')).toBe('ja');
  expect(await targetLanguage('ja-JP', 'ja', [])).toBe('en');
  await targetLanguageItem.setValue('ko');
  expect(await targetLanguage('ja-JP')).toBe('ko');
  // An article already in the chosen language is offered the next one (issue 15: no ko → ko), and
  // the choice stays stored for the next article.
  expect(await targetLanguage('ja-JP', 'ko')).toBe('ja');
  expect(await targetLanguage('en-US', 'ko', ['en-US'])).toBe('en');
  expect(await targetLanguageItem.getValue()).toBe('ko');
  expect(await displayMode()).toBe('side-by-side');
  await displayModeItem.setValue('translation-only');
  expect(await displayMode()).toBe('translation-only');
});

test("every provider's settings as today's options page stores them read back the same through the versioned item", async () => {
  // Written by every release so far (version 1), unmarked (before items had versions) and marked.
  const stored = [
    { kind: 'browser' },
    { kind: 'libretranslate', url: 'https://lt.example.org', apiKey: 'k' },
    { kind: 'libretranslate', url: 'http://127.0.0.1:5000' },
    { kind: 'deepl', apiKey: 'abc:fx' },
    { kind: 'deepl', apiKey: 'abc', url: 'http://127.0.0.1:9000' },
    { kind: 'openai', baseUrl: 'http://localhost:11434/v1', model: 'llama3.1' },
    { kind: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', apiKey: 'sk-x' },
  ];
  for (const value of stored) {
    for (const mark of [null, 1]) {
      fakeBrowser.reset();
      await fakeBrowser.storage.local.set({ translateProvider: value, ...(mark ? { translateProvider$: { v: mark } } : {}) });
      await providerConfigItem.migrate();
      expect(normalizeProviderConfig(await providerConfigItem.getValue()), JSON.stringify(value)).toEqual(value);
      expect((await providerConfigItem.getMeta()).v ?? 1).toBe(providerConfigItem.version);
    }
  }
});

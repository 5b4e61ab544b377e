// @vitest-environment node
// The on-device provider. This machine has no Chrome model, so it is tested against a fake
// written to Chrome's documented API (developer.chrome.com "Translator API" / "Language Detector
// API", MDN Translator and LanguageDetector): Translator.availability({sourceLanguage,
// targetLanguage}) → 'unavailable' | 'downloadable' | 'downloading' | 'available';
// Translator.create({sourceLanguage, targetLanguage, monitor, signal}) where monitor(m) gets
// m.addEventListener('downloadprogress', e => e.loaded) with loaded from 0 to 1, and create()
// rejects with NotAllowedError without a user activation while a model must be downloaded;
// translator.translate(text, {signal}) → Promise<string>; LanguageDetector.create() and
// detector.detect(text) → [{detectedLanguage, confidence}, …] ending with 'und'.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  browserAvailability,
  createBrowserTranslator,
  downloadBrowserModel,
  onDeviceApis,
  type Availability,
  type CreateMonitor,
  type LanguageDetectorApi,
  type TranslatorApi,
} from '@/lib/translate/providers/browser';
import { translateAll } from '@/lib/translate/engine';
import { detectLanguage } from '@/lib/translate/detect';
import { translateErrorMessage, TranslateError } from '@/lib/translate/types';
import { installEnglishMessages } from './translate-helpers';

beforeEach(() => {
  fakeBrowser.reset();
  installEnglishMessages();
});

/** A fake of Chrome's Translator, per its documentation. */
function fakeTranslatorApi(pairs: Record<string, Availability>, options: { activation?: boolean } = {}) {
  const log: string[] = [];
  const api: TranslatorApi = {
    async availability({ sourceLanguage, targetLanguage }) {
      return pairs[`${sourceLanguage}>${targetLanguage}`] ?? 'unavailable';
    },
    async create({ sourceLanguage, targetLanguage, monitor, signal }) {
      const key = `${sourceLanguage}>${targetLanguage}`;
      const state = pairs[key] ?? 'unavailable';
      if (state === 'unavailable')
        throw new DOMException('Unable to create translator for the given source and target language.', 'NotSupportedError');
      if (state !== 'available' && !options.activation)
        throw new DOMException(
          'Requires a user gesture when availability is "downloading" or "downloadable".',
          'NotAllowedError',
        );
      const listeners: ((e: { loaded: number }) => void)[] = [];
      const m: CreateMonitor = { addEventListener: (_type, listener) => void listeners.push(listener) };
      monitor?.(m);
      if (state !== 'available') {
        for (const loaded of [0, 0.5, 1]) listeners.forEach((l) => l({ loaded }));
        pairs[key] = 'available';
      }
      log.push(`create ${key}`);
      let destroyed = false;
      signal?.addEventListener('abort', () => (destroyed = true));
      return {
        async translate(input: string, opts?: { signal?: AbortSignal }) {
          if (destroyed) throw new DOMException('The translator has been destroyed.', 'InvalidStateError');
          if (opts?.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
          log.push(`translate ${input}`);
          return `(${targetLanguage}) ${input}`;
        },
        destroy() {
          destroyed = true;
        },
      };
    },
  };
  return { api, log };
}

test('the APIs are found on the global object where the browser has them', () => {
  const { api } = fakeTranslatorApi({});
  expect(onDeviceApis({})).toEqual({});
  expect(onDeviceApis({ Translator: api }).translator).toBe(api);
});

test('translates each paragraph with one session per pair, markup passed through', async () => {
  const { api, log } = fakeTranslatorApi({ 'en>ko': 'available' });
  const tr = createBrowserTranslator({ api });
  expect(tr.cacheId).toBe('browser');
  const out = await translateAll(['Hello <b>world</b>', 'Second'], { translator: tr, from: 'en', to: 'ko' });
  expect(out).toEqual(['(ko) Hello <b>world</b>', '(ko) Second']);
  expect(log.filter((l) => l.startsWith('create'))).toEqual(['create en>ko']);
});

test('a model to download reports its progress (with a user activation)', async () => {
  const { api } = fakeTranslatorApi({ 'ko>en': 'downloadable' }, { activation: true });
  const progress: number[] = [];
  expect(await browserAvailability('ko', 'en', api)).toBe('downloadable');
  const tr = createBrowserTranslator({ api, onDownloadProgress: (f) => progress.push(f) });
  expect(await tr.translate(['안녕'], 'ko', 'en', new AbortController().signal)).toEqual(['(en) 안녕']);
  expect(progress).toEqual([0, 0.5, 1]);
  expect(await browserAvailability('ko', 'en', api)).toBe('available');
  const fromOptions: number[] = [];
  const other = fakeTranslatorApi({ 'en>ja': 'downloadable' }, { activation: true });
  await downloadBrowserModel('en', 'ja', (f) => fromOptions.push(f), other.api);
  expect(fromOptions).toEqual([0, 0.5, 1]);
});

test('without a click to start a download, the error says how to get the model', async () => {
  const { api } = fakeTranslatorApi({ 'ko>en': 'downloadable' });
  const err = await createBrowserTranslator({ api })
    .translate(['안녕'], 'ko', 'en', new AbortController().signal)
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(TranslateError);
  expect(translateErrorMessage(err)).toMatch(/must be downloaded first/);
});

test('an unsupported pair, an unknown source and a browser without the API are plain errors', async () => {
  const { api } = fakeTranslatorApi({ 'en>ko': 'available' });
  const s = new AbortController().signal;
  await expect(createBrowserTranslator({ api }).translate(['x'], 'en', 'xh', s)).rejects.toMatchObject({
    kind: 'unsupported-pair',
  });
  await expect(createBrowserTranslator({ api }).translate(['x'], '', 'ko', s)).rejects.toMatchObject({
    kind: 'unsupported-pair',
    messageKey: 'translateErrorSourceUnknown',
  });
  // No Translator in this Node global: as in Firefox.
  await expect(createBrowserTranslator().translate(['x'], 'en', 'ko', s)).rejects.toMatchObject({ kind: 'not-configured' });
  expect(await browserAvailability('en', 'ko', undefined)).toBe('no-api');
});

test('cancel stops between paragraphs', async () => {
  const { api, log } = fakeTranslatorApi({ 'en>ko': 'available' });
  const controller = new AbortController();
  const run = translateAll(['a', 'b', 'c'], {
    translator: createBrowserTranslator({ api }),
    from: 'en',
    to: 'ko',
    signal: controller.signal,
    maxBatchItems: 3,
  });
  controller.abort();
  await expect(run).rejects.toMatchObject({ kind: 'cancelled' });
  expect(log.filter((l) => l.startsWith('translate'))).toEqual([]);
});

/** A fake of Chrome's LanguageDetector, per its documentation. */
function fakeDetector(results: { detectedLanguage: string; confidence: number }[]): LanguageDetectorApi & { created: number } {
  const d = {
    created: 0,
    async availability() {
      return 'available' as const;
    },
    async create() {
      d.created++;
      return { detect: async () => [...results, { detectedLanguage: 'und', confidence: 0.01 }], destroy() {} };
    },
  };
  return d;
}

describe('language detection chain', () => {
  const korean = '삼성전자는 오늘 새로운 반도체 공장을 세운다고 밝혔다. '.repeat(5);
  const reliable = (language: string) => async () => ({ isReliable: true, languages: [{ language, percentage: 97 }] });
  const unsure = async () => ({ isReliable: false, languages: [{ language: 'ja', percentage: 30 }] });

  test("the page's declared language first", async () => {
    expect(await detectLanguage({ declared: 'ko-KR', text: korean, i18nDetect: reliable('ko') })).toEqual({
      lang: 'ko',
      source: 'declared',
    });
    expect(await detectLanguage({ declared: 'zh-Hant-TW', text: '' })).toEqual({ lang: 'zh-TW', source: 'declared' });
  });

  test('a declaration that a reliable detection contradicts gives way', async () => {
    expect(await detectLanguage({ declared: 'en', text: korean, i18nDetect: reliable('ko') })).toEqual({
      lang: 'ko',
      source: 'i18n',
    });
  });

  test('then browser.i18n.detectLanguage, then the on-device LanguageDetector', async () => {
    expect(await detectLanguage({ text: korean, i18nDetect: reliable('ko') })).toEqual({ lang: 'ko', source: 'i18n' });
    const detector = fakeDetector([{ detectedLanguage: 'ko', confidence: 0.93 }]);
    expect(await detectLanguage({ text: korean, i18nDetect: unsure, detector })).toEqual({ lang: 'ko', source: 'on-device' });
    expect(detector.created).toBe(1);
    // A detector that is not sure leaves the best guess of i18n.
    expect(
      await detectLanguage({
        text: korean,
        i18nDetect: unsure,
        detector: fakeDetector([{ detectedLanguage: 'ko', confidence: 0.2 }]),
      }),
    ).toEqual({ lang: 'ja', source: 'i18n' });
    expect(await detectLanguage({ text: korean })).toEqual({ lang: null, source: null });
  });
});

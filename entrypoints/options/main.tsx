// The options page: the translation provider (with a Test button that says plainly what worked
// or failed), the on-device model, the default target language and display mode, and the
// translation cache. An extension page, so it opens the library database directly.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatBytes, languageName, t, uiLanguage } from '@/platform/i18n';
import { openLibrary } from '@/extension/library/db';
import { clearTranslationCache, translationCacheSize } from '@/extension/translate/cache';
import { browserAvailability, downloadBrowserModel, onDeviceApis, type Availability } from '@/lib/translate/providers/browser';
import { providerDestination, providerOrigin, providerPermission, testProvider } from '@/lib/translate/providers/index';
import type { DisplayMode } from '@/lib/translate/segment';
import { displayMode, displayModeItem, normalizeProviderConfig, providerConfigItem, targetLanguage } from '@/platform/translate/settings';
import { translateErrorMessage, type ProviderConfig, type ProviderKind } from '@/lib/translate/types';
import { TargetLanguageSelect } from '@/components/TargetLanguageSelect';

const db = openLibrary();
const apis = onDeviceApis();

interface Fields {
  ltUrl: string;
  ltKey: string;
  deeplKey: string;
  oaiBase: string;
  oaiModel: string;
  oaiKey: string;
}
const EMPTY: Fields = { ltUrl: '', ltKey: '', deeplKey: '', oaiBase: '', oaiModel: '', oaiKey: '' };

function fieldsOf(config: ProviderConfig | null): Fields {
  switch (config?.kind) {
    case 'libretranslate':
      return { ...EMPTY, ltUrl: config.url, ltKey: config.apiKey ?? '' };
    case 'deepl':
      return { ...EMPTY, deeplKey: config.apiKey };
    case 'openai':
      return { ...EMPTY, oaiBase: config.baseUrl, oaiModel: config.model, oaiKey: config.apiKey ?? '' };
    default:
      return EMPTY;
  }
}

function configOf(kind: ProviderKind, f: Fields, previous: ProviderConfig | null): ProviderConfig | null {
  switch (kind) {
    case 'browser':
      return { kind };
    case 'libretranslate':
      return normalizeProviderConfig({ kind, url: f.ltUrl, apiKey: f.ltKey });
    case 'deepl':
      // Keeps an endpoint override set outside this page (tests point DeepL at a local server).
      return normalizeProviderConfig({ kind, apiKey: f.deeplKey, url: previous?.kind === 'deepl' ? previous.url : undefined });
    case 'openai':
      return normalizeProviderConfig({ kind, baseUrl: f.oaiBase, model: f.oaiModel, apiKey: f.oaiKey });
  }
}

type Status = { tone: 'ok' | 'error' | 'info'; text: string } | null;

function Options() {
  const [kind, setKind] = useState<ProviderKind>(apis.translator ? 'browser' : 'libretranslate');
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [saved, setSaved] = useState<ProviderConfig | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const [target, setTarget] = useState('en');
  const [mode, setMode] = useState<DisplayMode>('side-by-side');
  const [availability, setAvailability] = useState<Availability | 'no-api' | null>(null);
  const [download, setDownload] = useState<number | null>(null);
  const [cache, setCache] = useState<{ entries: number; bytes: number } | null>(null);

  const pair = { from: target === 'en' ? 'ko' : 'en', to: target };
  const pairName = `${languageName(pair.from)} → ${languageName(pair.to)}`;
  const refreshCache = () => void translationCacheSize(db).then(setCache, () => setCache(null));
  // What the user chose or typed before the stored provider was read wins over it.
  const touched = useRef(false);

  useEffect(() => {
    document.title = t('optionsTitle');
    void providerConfigItem.getValue().then((value) => {
      const config = normalizeProviderConfig(value);
      setSaved(config);
      if (config && !touched.current) {
        setKind(config.kind);
        setFields(fieldsOf(config));
      }
    });
    void targetLanguage(uiLanguage()).then(setTarget);
    void displayMode().then(setMode);
    refreshCache();
  }, []);

  useEffect(() => {
    void browserAvailability(pair.from, pair.to, apis.translator).then(setAvailability);
  }, [target]);

  const choose = (next: ProviderKind) => {
    touched.current = true;
    setKind(next);
  };
  const set = (name: keyof Fields) => (event: Event) => {
    touched.current = true;
    setFields({ ...fields, [name]: (event.currentTarget as HTMLInputElement).value });
  };

  /** Asks for the provider's origin, in the click itself (the browser wants a user gesture). */
  const askPermission = (config: ProviderConfig): Promise<boolean> => {
    const permission = providerPermission(config);
    return permission ? browser.permissions.request(permission).catch(() => false) : Promise.resolve(true);
  };

  const current = () => {
    const config = configOf(kind, fields, saved);
    if (!config) setStatus({ tone: 'error', text: t('optionsIncomplete') });
    return config;
  };

  const onSave = (event: Event) => {
    event.preventDefault();
    const config = current();
    if (!config) return;
    const granted = askPermission(config);
    void granted.then(async (ok) => {
      if (!ok) {
        setStatus({ tone: 'error', text: t('optionsPermissionDenied', providerOrigin(config) ?? '') });
        return;
      }
      await providerConfigItem.setValue(config);
      setSaved(config);
      setStatus({ tone: 'ok', text: `${t('optionsSaved')} ${providerDestination(config)}` });
    });
  };

  const onTest = () => {
    const config = current();
    if (!config) return;
    const granted = askPermission(config);
    setBusy(true);
    setStatus({ tone: 'info', text: t('optionsTesting') });
    void granted
      .then(async (ok) => {
        if (!ok) {
          setStatus({ tone: 'error', text: t('optionsPermissionDenied', providerOrigin(config) ?? '') });
          return;
        }
        const result = await testProvider(config, { from: 'en', to: target === 'en' ? 'ko' : target, browserOptions: { onDownloadProgress: setDownload } });
        setStatus(result.ok ? { tone: 'ok', text: t('optionsTestOk', result.sample) } : { tone: 'error', text: t('optionsTestFailed', result.message) });
      })
      .finally(() => setBusy(false));
  };

  const onDownload = () => {
    setDownload(0);
    void downloadBrowserModel(pair.from, pair.to, setDownload, apis.translator)
      .then(() => setStatus({ tone: 'ok', text: t('optionsOnDeviceDone') }))
      .catch((err: unknown) => setStatus({ tone: 'error', text: translateErrorMessage(err) }))
      .finally(() => {
        setDownload(null);
        void browserAvailability(pair.from, pair.to, apis.translator).then(setAvailability);
      });
  };

  const onClearCache = () => {
    void clearTranslationCache(db).then(() => {
      refreshCache();
      setStatus({ tone: 'ok', text: t('optionsCacheCleared') });
    });
  };

  const availabilityText = {
    available: t('optionsOnDeviceAvailable', pairName),
    downloadable: t('optionsOnDeviceDownloadable', pairName),
    downloading: t('optionsOnDeviceDownloading', pairName),
    unavailable: t('optionsOnDeviceUnavailable', pairName),
    'no-api': t('optionsOnDeviceMissing'),
  };

  const providers: { kind: ProviderKind; label: string; hint: string }[] = [
    { kind: 'browser', label: t('optionsProviderBrowser'), hint: t('optionsProviderBrowserHint') },
    { kind: 'libretranslate', label: t('optionsProviderLibre'), hint: t('optionsProviderLibreHint') },
    { kind: 'deepl', label: t('optionsProviderDeepl'), hint: t('optionsProviderDeeplHint') },
    { kind: 'openai', label: t('optionsProviderOpenai'), hint: t('optionsProviderOpenaiHint') },
  ];

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>

      <section aria-labelledby="provider-heading">
        <h2 id="provider-heading">{t('optionsProviderHeading')}</h2>
        {!saved && !apis.translator && <p class="hint">{t('translateNoProvider')}</p>}
        <form onSubmit={onSave}>
          <fieldset>
            <legend>{t('optionsProviderLegend')}</legend>
            {providers.map((p) => (
              <div class="choice" key={p.kind}>
                <input type="radio" name="provider" id={`provider-${p.kind}`} value={p.kind} checked={kind === p.kind} onChange={() => choose(p.kind)} aria-describedby={`provider-${p.kind}-hint`} />
                <div>
                  <label for={`provider-${p.kind}`}>{p.label}</label>
                  <p class="hint" id={`provider-${p.kind}-hint`}>
                    {p.hint}
                  </p>
                </div>
              </div>
            ))}
          </fieldset>

          {kind === 'browser' && (
            <div>
              <p>{availability ? availabilityText[availability] : '…'}</p>
              {apis.translator && <p class="hint">{apis.detector ? t('optionsDetectorAvailable') : t('optionsDetectorMissing')}</p>}
              {(availability === 'downloadable' || availability === 'downloading') && (
                <div class="actions">
                  <button type="button" onClick={onDownload} disabled={download !== null}>
                    {t('optionsOnDeviceDownload')}
                  </button>
                </div>
              )}
            </div>
          )}
          {download !== null && (
            <p role="status">
              <label for="download-progress">{t('optionsOnDeviceProgress', Math.round(download * 100))}</label>{' '}
              <progress id="download-progress" max={1} value={download} />
            </p>
          )}

          {kind === 'libretranslate' && (
            <>
              <div class="field">
                <label for="lt-url">{t('optionsLibreUrl')}</label>
                <input id="lt-url" type="url" required placeholder="https://libretranslate.example.org" value={fields.ltUrl} onInput={set('ltUrl')} autocomplete="url" />
              </div>
              <div class="field">
                <label for="lt-key">{t('optionsApiKeyOptional')}</label>
                <input id="lt-key" type="password" value={fields.ltKey} onInput={set('ltKey')} autocomplete="off" />
              </div>
            </>
          )}
          {kind === 'deepl' && (
            <div class="field">
              <label for="deepl-key">{t('optionsApiKey')}</label>
              <input id="deepl-key" type="password" required value={fields.deeplKey} onInput={set('deeplKey')} autocomplete="off" aria-describedby="deepl-key-hint" />
              <p class="hint" id="deepl-key-hint">
                {t('optionsDeeplKeyHint')}
              </p>
            </div>
          )}
          {kind === 'openai' && (
            <>
              <div class="field">
                <label for="oai-base">{t('optionsOpenaiBaseUrl')}</label>
                <input id="oai-base" type="url" required placeholder="http://localhost:11434/v1" value={fields.oaiBase} onInput={set('oaiBase')} />
              </div>
              <div class="field">
                <label for="oai-model">{t('optionsOpenaiModel')}</label>
                <input id="oai-model" type="text" required placeholder="llama3.1" value={fields.oaiModel} onInput={set('oaiModel')} />
              </div>
              <div class="field">
                <label for="oai-key">{t('optionsApiKeyOptional')}</label>
                <input id="oai-key" type="password" value={fields.oaiKey} onInput={set('oaiKey')} autocomplete="off" />
              </div>
            </>
          )}

          <div class="actions">
            <button type="submit" class="primary">
              {t('optionsSave')}
            </button>
            <button type="button" onClick={onTest} disabled={busy}>
              {busy ? t('optionsTesting') : t('optionsTest')}
            </button>
          </div>
          <p class={`status ${status?.tone ?? ''}`} role="status" aria-live="polite">
            {status?.text ?? ''}
          </p>
        </form>
      </section>

      <section aria-labelledby="defaults-heading">
        <h2 id="defaults-heading">{t('optionsDefaultsHeading')}</h2>
        <div class="field">
          <label for="target">{t('optionsTargetLanguage')}</label>
          <TargetLanguageSelect id="target" value={target} onChange={setTarget} />
        </div>
        <fieldset>
          <legend>{t('optionsDisplayMode')}</legend>
          {(['side-by-side', 'translation-only'] as const).map((m) => (
            <div class="choice" key={m}>
              <input
                type="radio"
                name="mode"
                id={`mode-${m}`}
                checked={mode === m}
                onChange={() => {
                  setMode(m);
                  void displayModeItem.setValue(m);
                }}
              />
              <label for={`mode-${m}`}>{m === 'side-by-side' ? t('optionsModeSideBySide') : t('optionsModeTranslationOnly')}</label>
            </div>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="cache-heading">
        <h2 id="cache-heading">{t('optionsCacheHeading')}</h2>
        <p>{cache ? t('optionsCacheSize', formatBytes(cache.bytes), cache.entries) : '…'}</p>
        <div class="actions">
          <button type="button" onClick={onClearCache} disabled={!cache?.entries}>
            {t('optionsCacheClear')}
          </button>
        </div>
      </section>
    </main>
  );
}

document.documentElement.lang = uiLanguage();
render(<Options />, document.getElementById('app')!);

// The options page: the translation provider (with a Test button that says plainly what worked
// or failed), the on-device model, the default target language and display mode, and the
// translation cache, whether highlights show less certain names too, and sync across devices
// (SyncSection.tsx). An extension page, so it opens the cache's database directly. The provider
// section (ProviderSection.tsx) draws every provider from the registry.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatBytes, t, uiLanguage } from '@/platform/i18n';
import { clearTranslationCache, openTranslationCache, translationCacheSize } from '@/extension/translate/cache';
import type { DisplayMode } from '@/lib/translate/segment';
import { displayMode, displayModeItem, targetLanguage } from '@/platform/translate/settings';
import { TargetLanguageSelect } from '@/components/TargetLanguageSelect';
import { uncertainEntitiesItem } from '@/platform/settings/entities';
import { ProviderSection, type Status } from '@/entrypoints/options/ProviderSection';
import { SyncSection } from '@/entrypoints/options/SyncSection';

const db = openTranslationCache();

function Options() {
  const [status, setStatus] = useState<Status>(null);
  const [target, setTarget] = useState('en');
  const [mode, setMode] = useState<DisplayMode>('side-by-side');
  const [uncertain, setUncertain] = useState(false);
  const [cache, setCache] = useState<{ entries: number; bytes: number } | null>(null);

  const refreshCache = () => void translationCacheSize(db).then(setCache, () => setCache(null));

  useEffect(() => {
    document.title = t('optionsTitle');
    void targetLanguage(uiLanguage()).then(setTarget);
    void displayMode().then(setMode);
    void uncertainEntitiesItem.getValue().then((v) => setUncertain(v === true));
    refreshCache();
  }, []);

  const onClearCache = () => {
    void clearTranslationCache(db).then(() => {
      refreshCache();
      setStatus({ tone: 'ok', text: t('optionsCacheCleared') });
    });
  };

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>

      <ProviderSection target={target} status={status} onStatus={setStatus} />

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
              <label for={`mode-${m}`}>
                {m === 'side-by-side' ? t('optionsModeSideBySide') : t('optionsModeTranslationOnly')}
              </label>
            </div>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="entities-heading">
        <h2 id="entities-heading">{t('optionsEntitiesHeading')}</h2>
        <div class="choice">
          <input
            type="checkbox"
            id="entities-uncertain"
            checked={uncertain}
            aria-describedby="entities-uncertain-hint"
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setUncertain(on);
              void uncertainEntitiesItem.setValue(on);
            }}
          />
          <label for="entities-uncertain">{t('optionsEntitiesUncertain')}</label>
        </div>
        <p class="hint" id="entities-uncertain-hint">
          {t('optionsEntitiesUncertainHint')}
        </p>
      </section>

      <SyncSection />

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

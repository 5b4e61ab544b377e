// The options page's translation provider: one radio button per provider of the registry
// (lib/translate/providers/registry.ts), the inputs each describes, the state and download of an
// on-device model, Save (which asks for the provider's host permission in the click) and Test.
// Nothing here names a provider.
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { languageName, t } from '@/platform/i18n';
import type { Availability } from '@/lib/translate/providers/browser';
import {
  fallbackProvider,
  normalizeProviderConfig,
  providerDestination,
  providerOrigin,
  providerPermission,
  testProvider,
} from '@/lib/translate/providers/index';
import type { ProviderDefinition, ProviderRuntime } from '@/lib/translate/providers/provider';
import { PROVIDERS, providerOf, type ProviderConfig, type ProviderKind } from '@/lib/translate/providers/registry';
import { providerConfigItem } from '@/platform/translate/settings';
import { translateErrorMessage } from '@/lib/translate/types';

export type Status = { tone: 'ok' | 'error' | 'info'; text: string } | null;

type Values = Record<string, string>;

/** The inputs' values for a stored configuration of the same provider, else its defaults. */
function valuesOf(provider: ProviderDefinition, config: ProviderConfig | null): Values {
  const stored = (config?.kind === provider.kind ? config : {}) as Record<string, unknown>;
  return Object.fromEntries(
    provider.fields.map((f) => [
      f.key,
      typeof stored[f.key] === 'string' ? (stored[f.key] as string) : (provider.defaults[f.key] ?? ''),
    ]),
  );
}

/** The configuration the inputs describe, or null when incomplete. */
function configOf(kind: ProviderKind, values: Values, previous: ProviderConfig | null): ProviderConfig | null {
  // Settings that have no input are kept from the stored configuration of the same provider
  // (tests point DeepL at a local server with an endpoint override set outside this page).
  return normalizeProviderConfig({ ...(previous?.kind === kind ? previous : {}), ...values, kind });
}

/** Each provider's inputs, from its defaults. */
const initialValues = (): Record<string, Values> => Object.fromEntries(PROVIDERS.map((p) => [p.kind, valuesOf(p, null)]));

export interface ProviderSectionProps {
  /** The default target language: the model's pair and the Test's target follow it. */
  target: string;
  /** The page's one status line, shown under the buttons. */
  status: Status;
  onStatus: (status: Status) => void;
  /** This page's own on-device APIs and fetch unless given (unit tests pass fakes). */
  runtime?: ProviderRuntime;
}

export function ProviderSection({ target, status, onStatus, runtime = {} }: ProviderSectionProps) {
  // The first provider this browser can use (the on-device one where it has it).
  const [kind, setKind] = useState<ProviderKind>(() => PROVIDERS.find((p) => p.available?.(runtime) ?? true)!.kind);
  const [values, setValues] = useState<Record<string, Values>>(initialValues);
  const [saved, setSaved] = useState<ProviderConfig | null>(null);
  const [busy, setBusy] = useState(false);
  const [availability, setAvailability] = useState<Partial<Record<ProviderKind, Availability | 'no-api'>>>({});
  const [download, setDownload] = useState<number | null>(null);
  const provider = providerOf(kind)!;

  const pair = { from: target === 'en' ? 'ko' : 'en', to: target };
  const pairName = `${languageName(pair.from)} → ${languageName(pair.to)}`;
  // What the user chose or typed before the stored provider was read wins over it.
  const touched = useRef(false);

  useEffect(() => {
    void providerConfigItem.getValue().then((value) => {
      const config = normalizeProviderConfig(value);
      setSaved(config);
      const stored = config && providerOf(config.kind);
      if (config && stored && !touched.current) {
        setKind(config.kind);
        setValues((all) => ({ ...all, [config.kind]: valuesOf(stored, config) }));
      }
    });
  }, []);

  /** The model's state for the pair, for each provider that keeps one on the device. */
  const refreshAvailability = () => {
    for (const p of PROVIDERS) {
      void p.model
        ?.availability(pair.from, pair.to, runtime)
        .then((state) => setAvailability((all) => ({ ...all, [p.kind]: state })));
    }
  };
  useEffect(refreshAvailability, [target]);

  const choose = (next: ProviderKind) => {
    touched.current = true;
    setKind(next);
  };
  const set = (key: string) => (event: Event) => {
    touched.current = true;
    setValues({ ...values, [kind]: { ...values[kind], [key]: (event.currentTarget as HTMLInputElement).value } });
  };

  /** Asks for the provider's origin, in the click itself (the browser wants a user gesture). */
  const askPermission = (config: ProviderConfig): Promise<boolean> => {
    const permission = providerPermission(config);
    return permission ? browser.permissions.request(permission).catch(() => false) : Promise.resolve(true);
  };

  const current = () => {
    const config = configOf(kind, values[kind] ?? {}, saved);
    if (!config) onStatus({ tone: 'error', text: t('optionsIncomplete') });
    return config;
  };

  const onSave = (event: Event) => {
    event.preventDefault();
    const config = current();
    if (!config) return;
    const granted = askPermission(config);
    void granted.then(async (ok) => {
      if (!ok) {
        onStatus({ tone: 'error', text: t('optionsPermissionDenied', providerOrigin(config) ?? '') });
        return;
      }
      await providerConfigItem.setValue(config);
      setSaved(config);
      onStatus({ tone: 'ok', text: `${t('optionsSaved')} ${providerDestination(config)}` });
    });
  };

  const onTest = () => {
    const config = current();
    if (!config) return;
    const granted = askPermission(config);
    setBusy(true);
    onStatus({ tone: 'info', text: t('optionsTesting') });
    void granted
      .then(async (ok) => {
        if (!ok) {
          onStatus({ tone: 'error', text: t('optionsPermissionDenied', providerOrigin(config) ?? '') });
          return;
        }
        const result = await testProvider(config, {
          from: 'en',
          to: target === 'en' ? 'ko' : target,
          runtime: { ...runtime, onDownloadProgress: setDownload },
        });
        onStatus(
          result.ok
            ? { tone: 'ok', text: t('optionsTestOk', result.sample) }
            : { tone: 'error', text: t('optionsTestFailed', result.message) },
        );
      })
      .finally(() => setBusy(false));
  };

  const onDownload = () => {
    const model = provider.model;
    if (!model) return;
    setDownload(0);
    void model
      .download(pair.from, pair.to, setDownload, runtime)
      .then(() => onStatus({ tone: 'ok', text: t('optionsOnDeviceDone') }))
      .catch((err: unknown) => onStatus({ tone: 'error', text: translateErrorMessage(err) }))
      .finally(() => {
        setDownload(null);
        refreshAvailability();
      });
  };

  const state = availability[kind];
  const note = provider.model?.note?.(runtime);

  return (
    <section aria-labelledby="provider-heading">
      <h2 id="provider-heading">{t('optionsProviderHeading')}</h2>
      {!saved && !fallbackProvider(runtime) && <p class="hint">{t('translateNoProvider')}</p>}
      <form onSubmit={onSave}>
        <fieldset>
          <legend>{t('optionsProviderLegend')}</legend>
          {PROVIDERS.map((p) => (
            <div class="choice" key={p.kind}>
              <input
                type="radio"
                name="provider"
                id={`provider-${p.kind}`}
                value={p.kind}
                checked={kind === p.kind}
                onChange={() => choose(p.kind)}
                aria-describedby={`provider-${p.kind}-hint`}
              />
              <div>
                <label for={`provider-${p.kind}`}>{t(p.label)}</label>
                <p class="hint" id={`provider-${p.kind}-hint`}>
                  {t(p.hint)}
                </p>
              </div>
            </div>
          ))}
        </fieldset>

        {provider.model && (
          <div>
            <p>{state ? t(provider.model.messages[state], pairName) : '…'}</p>
            {note && <p class="hint">{t(note)}</p>}
            {(state === 'downloadable' || state === 'downloading') && (
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

        {provider.fields.map((f) => (
          <div class="field" key={`${kind}-${f.key}`}>
            <label for={f.id}>{t(f.label)}</label>
            <input
              id={f.id}
              type={f.type === 'secret' ? 'password' : f.type}
              required={f.required}
              placeholder={f.placeholder}
              value={values[kind]?.[f.key] ?? ''}
              onInput={set(f.key)}
              // A key is not something the browser should offer to fill in or remember.
              autocomplete={f.type === 'secret' ? 'off' : f.autocomplete}
              aria-describedby={f.hint ? `${f.id}-hint` : undefined}
            />
            {f.hint && (
              <p class="hint" id={`${f.id}-hint`}>
                {t(f.hint)}
              </p>
            )}
          </div>
        ))}

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
  );
}

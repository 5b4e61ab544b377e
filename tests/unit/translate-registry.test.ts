// @vitest-environment node
// The contract every translation provider keeps, checked on each entry of the registry
// (lib/translate/providers/registry.ts). A provider is one file plus its line in the registry and
// its labels in both catalogues; each test here fails when one of those is missing or when the
// file's parts disagree (its inputs and its stored settings, its errors and the kinds the
// pipeline knows), so a half-registered provider does not pass.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';
import ko from '../../public/_locales/ko/messages.json';
import { PROVIDERS, providerOf, type ProviderConfig } from '@/lib/translate/providers/registry';
import type { ProviderDefinition, ProviderRuntime } from '@/lib/translate/providers/provider';
import {
  createTranslator,
  fallbackProvider,
  normalizeProviderConfig,
  providerDestination,
  providerPermission,
  testProvider,
} from '@/lib/translate/providers/index';
import { errorForStatus } from '@/lib/translate/providers/http';
import type { TranslatorApi } from '@/lib/translate/providers/browser';
import { TRANSLATE_ERROR_KINDS, TranslateError, translateErrorMessage } from '@/lib/translate/types';
import { installEnglishMessages } from './translate-helpers';

beforeEach(() => {
  fakeBrowser.reset();
  installEnglishMessages();
});

const catalogues = { en, ko } as Record<'en' | 'ko', Record<string, { message?: string }>>;
const each = PROVIDERS.map((p) => [p.kind, p as ProviderDefinition<ProviderConfig>] as const);

/** A value for each input, as a user might type it (with stray spaces). */
const TYPED = { url: ' https://translate.example.org/api/ ', text: ' model-1 ', secret: ' key-1 ' } as const;
function typedValues(p: ProviderDefinition<ProviderConfig>, skip?: string): Record<string, string> {
  return Object.fromEntries(p.fields.filter((f) => f.key !== skip).map((f) => [f.key, TYPED[f.type]]));
}
/** A complete configuration of `p`: every input filled. */
function complete(p: ProviderDefinition<ProviderConfig>): ProviderConfig {
  const config = normalizeProviderConfig({ ...p.defaults, ...typedValues(p), kind: p.kind });
  expect(config, `${p.kind}: every input filled is a complete configuration`).not.toBeNull();
  return config!;
}

const translatorApi: TranslatorApi = {
  availability: async () => 'available',
  create: async () => ({ translate: async (s: string) => s, destroy() {} }),
};
const withDevice: ProviderRuntime = { onDevice: { translator: translatorApi } };

test('every provider file is registered once, under a kind of its own', () => {
  // Every module in the providers' folder, whether the registry imports it or not.
  const modules = import.meta.glob<Record<string, unknown>>('../../lib/translate/providers/*.ts', { eager: true });
  expect(Object.keys(modules).length).toBeGreaterThanOrEqual(PROVIDERS.length);
  const defined: unknown[] = [];
  for (const module of Object.values(modules)) {
    for (const value of Object.values(module)) {
      const v = value as Partial<ProviderDefinition> | null;
      if (
        v &&
        typeof v === 'object' &&
        typeof v.kind === 'string' &&
        typeof v.create === 'function' &&
        typeof v.normalize === 'function'
      )
        defined.push(value);
    }
  }
  expect(defined.length).toBeGreaterThan(0);
  for (const d of defined) expect(PROVIDERS, `${(d as ProviderDefinition).kind} is defined but not in the registry`).toContain(d);
  const kinds = PROVIDERS.map((p) => p.kind);
  expect(new Set(kinds).size).toBe(kinds.length);
  for (const kind of kinds) expect(providerOf(kind)?.kind).toBe(kind);
  expect(providerOf('ftp')).toBeUndefined();
});

test.each(each)('%s: its labels, inputs and model states are in English and Korean', (_kind, p) => {
  const keys = [p.label, p.hint, ...p.fields.flatMap((f) => [f.label, ...(f.hint ? [f.hint] : [])])];
  if (p.model) {
    keys.push(...Object.values(p.model.messages));
    for (const runtime of [withDevice, { onDevice: { translator: translatorApi, detector: {} as never } }, { onDevice: {} }]) {
      const note = p.model.note?.(runtime);
      if (note) keys.push(note);
    }
  }
  for (const lang of ['en', 'ko'] as const) {
    for (const key of keys) expect(catalogues[lang][key]?.message?.trim(), `${lang}: ${key}`).toBeTruthy();
  }
});

test.each(each)('%s: its inputs are described whole, with ids no other provider uses', (_kind, p) => {
  const ids = PROVIDERS.flatMap((q) => q.fields.map((f) => f.id));
  for (const f of p.fields) {
    expect(['url', 'text', 'secret']).toContain(f.type);
    expect(f.id).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(ids.filter((id) => id === f.id)).toHaveLength(1);
    expect(p.defaults[f.key], `${f.key} has a default`).toBeTypeOf('string');
  }
  expect(new Set(p.fields.map((f) => f.key)).size).toBe(p.fields.length);
});

test.each(each)('%s: its defaults normalise, and a stored value reads back as it was', (_kind, p) => {
  const fromDefaults = p.normalize({ ...p.defaults, kind: p.kind });
  if (fromDefaults) {
    expect(fromDefaults.kind).toBe(p.kind);
    expect(normalizeProviderConfig(JSON.parse(JSON.stringify(fromDefaults)))).toEqual(fromDefaults);
  } else {
    // Only a provider that needs setting up may start incomplete.
    expect(p.fields.some((f) => f.required)).toBe(true);
  }
  const config = complete(p);
  expect(config.kind).toBe(p.kind);
  // What storage gives back (a JSON copy) normalises to the same configuration.
  expect(normalizeProviderConfig(JSON.parse(JSON.stringify(config)))).toEqual(config);
  expect(normalizeProviderConfig({ ...config, kind: 'no-such-provider' })).toBeNull();
});

test.each(each)('%s: the inputs and the stored settings agree (required, optional, trimmed)', (_kind, p) => {
  const config = complete(p) as unknown as Record<string, unknown>;
  for (const f of p.fields) {
    expect(config[f.key], `${f.key} is stored, trimmed`).toBe(TYPED[f.type].trim());
    const without = normalizeProviderConfig({ ...p.defaults, ...typedValues(p, f.key), kind: p.kind }) as Record<
      string,
      unknown
    > | null;
    if (f.required) expect(without, `${f.key} is required`).toBeNull();
    else expect(without && f.key in without, `${f.key} is optional and left out when empty`).toBe(false);
  }
});

test.each(each)('%s: where the text goes, and the permission that needs', (_kind, p) => {
  const config = complete(p);
  if (p.where === 'network') {
    expect(providerPermission(config)).toEqual({ origins: [expect.stringMatching(/^https?:\/\/[^/]+\/\*$/)] });
    expect(providerDestination(config)).toMatch(/will be sent to .+ for translation/);
  } else {
    expect(p.where).toBe('device');
    expect(providerPermission(config)).toBeNull();
    expect(providerDestination(config)).toBe('Translated on this device; nothing is sent out.');
  }
});

test('only an on-device provider is used before the user chooses, and only where the browser has it', () => {
  expect(fallbackProvider({ onDevice: {} })).toBeNull();
  const fallback = fallbackProvider(withDevice);
  if (fallback) expect(providerOf(fallback.kind)?.where).toBe('device');
});

/** Failures a provider may meet: our own kinds, HTTP statuses, the network, the on-device API, anything. */
const FAILURES: [string, unknown][] = [
  ...TRANSLATE_ERROR_KINDS.map((kind): [string, unknown] => [`TranslateError ${kind}`, new TranslateError(kind)]),
  ...[400, 401, 403, 404, 429, 456, 500, 503].map((status): [string, unknown] => [
    `HTTP ${status}`,
    errorForStatus(status, status === 400 ? 'target language not supported' : ''),
  ]),
  ['fetch failed', new TypeError('Failed to fetch')],
  ...['AbortError', 'NotAllowedError', 'NotSupportedError', 'InvalidStateError', 'UnknownError'].map(
    (name): [string, unknown] => [`DOMException ${name}`, new DOMException('x', name)],
  ),
  ['a string', 'something odd'],
  ['nothing', undefined],
];

test.each(each)('%s: every failure maps to a known kind with a sentence in both languages', (_kind, p) => {
  const config = complete(p);
  for (const [name, raw] of FAILURES) {
    const err = p.mapError(raw, config);
    expect(err, name).toBeInstanceOf(TranslateError);
    expect(TRANSLATE_ERROR_KINDS, name).toContain(err.kind);
    if (err.messageKey)
      for (const lang of ['en', 'ko'] as const)
        expect(catalogues[lang][err.messageKey]?.message, `${name}: ${lang} ${err.messageKey}`).toBeTruthy();
    const sentence = translateErrorMessage(err);
    expect(sentence, name).toMatch(/\w.*\./);
    expect(sentence).not.toMatch(/^translateError/);
  }
  // A cancel is never reported as a failure.
  expect(p.mapError(new DOMException('x', 'AbortError'), config).kind).toBe('cancelled');
  expect(p.mapError(new TranslateError('cancelled'), config).kind).toBe('cancelled');
});

test.each(each)('%s: its Test answers a sentence when nothing can be reached', async (_kind, p) => {
  const config = complete(p);
  const runtime: ProviderRuntime = {
    onDevice: {},
    fetchImpl: async () => {
      throw new TypeError('Failed to fetch');
    },
  };
  const result = await testProvider(config, { to: 'ko', runtime });
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.message).toMatch(/\w.*\./);
  // The translator it tests rejects with TranslateErrors only.
  const failure = await createTranslator(config, runtime)
    .translate(['x'], 'en', 'ko', new AbortController().signal)
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(failure).toBeInstanceOf(TranslateError);
});

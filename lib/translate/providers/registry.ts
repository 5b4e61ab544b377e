// Every translation provider, in the order the options page lists them. A provider is one file
// (its settings, fields, requests, errors: see provider.ts); adding one is that file, a line
// here and its labels in public/_locales/{en,ko}/messages.json. tests/unit/translate-registry.test.ts
// checks each entry's contract, and that no provider file is left out of this list.
import type { ProviderDefinition } from '@/lib/translate/providers/provider';
import { browserProvider } from '@/lib/translate/providers/browser';
import { libreTranslateProvider } from '@/lib/translate/providers/libretranslate';
import { deeplProvider } from '@/lib/translate/providers/deepl';
import { openAiProvider } from '@/lib/translate/providers/openai';

export const PROVIDERS = [browserProvider, libreTranslateProvider, deeplProvider, openAiProvider] as const;

type ConfigOf<D> = D extends ProviderDefinition<infer C> ? C : never;

/** A translation provider as the user configured it (stored by platform/translate/settings.ts). */
export type ProviderConfig = ConfigOf<(typeof PROVIDERS)[number]>;
export type ProviderKind = ProviderConfig['kind'];

/** The definition of `kind`, or undefined for a kind no provider has (an old or damaged value). */
export function providerOf(kind: unknown): ProviderDefinition<ProviderConfig> | undefined {
  // Each definition takes the configs of its own kind, which is how it is found here.
  return PROVIDERS.find((p) => p.kind === kind) as ProviderDefinition<ProviderConfig> | undefined;
}

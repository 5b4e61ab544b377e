// What a translation provider is, as data: one object per provider (its own file), listed once in
// registry.ts. Everything else (settings, the options page, where translation runs, the popup's
// privacy line, the Test button) reads these objects, so a new provider is its file, a line in
// the registry and its labels in the two message catalogues.
import type { MessageKey } from '@/platform/i18n';
import type { TranslateError, Translator } from '@/lib/translate/types';
import type { FetchLike } from '@/lib/translate/providers/http';
import type { Availability, OnDeviceApis } from '@/lib/translate/providers/browser';

/** Every stored provider configuration: its kind and string settings. */
export interface ProviderConfigBase {
  kind: string;
}

/** What a provider may use where it runs; each part defaults to this context's own. */
export interface ProviderRuntime {
  /** fetch, for network providers (a fake in unit tests). */
  fetchImpl?: FetchLike;
  /** The browser's on-device APIs (onDeviceApis() when absent). */
  onDevice?: OnDeviceApis;
  /** Model download progress of an on-device provider, 0…1. */
  onDownloadProgress?: (fraction: number) => void;
}

/** One input of the options page; its value is the config's property `key`. */
interface ProviderField {
  key: string;
  /** The element's id: kept stable, end-to-end tests and labels find the input by it. */
  id: string;
  label: MessageKey;
  /** A sentence under the input, tied to it by aria-describedby. */
  hint?: MessageKey;
  /** 'secret' is a password input the browser does not offer to fill (an API key). */
  type: 'url' | 'text' | 'secret';
  required?: boolean;
  placeholder?: string;
  autocomplete?: string;
}

/** A model the provider keeps on the device, with its state for a pair and its download. */
interface ProviderModel {
  availability(from: string, to: string, runtime: ProviderRuntime): Promise<Availability | 'no-api'>;
  /** Call it from a click: the browser wants the user's activation to download. */
  download(from: string, to: string, onProgress: (fraction: number) => void, runtime: ProviderRuntime): Promise<void>;
  /** The sentence for each state; `$1` is the language pair. */
  messages: Record<Availability | 'no-api', MessageKey>;
  /** One more line under the state (e.g. whether the language detector is there too), or null. */
  note?(runtime: ProviderRuntime): MessageKey | null;
}

export interface ProviderDefinition<C extends ProviderConfigBase = ProviderConfigBase> {
  readonly kind: C['kind'];
  /** The radio button's label and hint on the options page. */
  readonly label: MessageKey;
  readonly hint: MessageKey;
  /**
   * 'device': translates in the browser itself, so it runs in the page (a window's API) and sends
   * nothing out. 'network': sends the text to `origin`, from the background, which holds the cache
   * and the host permission; such a provider is never used before the user chooses it.
   */
  readonly where: 'device' | 'network';
  /** The options page's inputs, in order. */
  readonly fields: readonly ProviderField[];
  /** The inputs' values before the user types. */
  readonly defaults: Readonly<Record<string, string>>;
  /** A stored or typed value made safe: the complete configuration, trimmed, or null. */
  normalize(value: Readonly<Record<string, unknown>>): C | null;
  /** Whether it can run in this context (absent: always). */
  available?(runtime: ProviderRuntime): boolean;
  /** The origin the text goes to: the host permission asked for when saved or tested, and the popup's privacy line. */
  origin?(config: C): string | null;
  /** Its translator; may throw a TranslateError for a configuration it cannot use. */
  create(config: C, runtime: ProviderRuntime): Translator;
  /**
   * Present when it is a chat model that can also write an article's key points: one request of a
   * system prompt and a user message, answering the model's text (its failures go through mapError).
   */
  chat?(config: C, runtime: ProviderRuntime): (system: string, user: string, signal: AbortSignal) => Promise<string>;
  /** Any failure of its requests as a TranslateError: its statuses, its API's exceptions, its hints. */
  mapError(err: unknown, config: C): TranslateError;
  /** Present when it needs a model on the device (the options page shows its state and a Download button). */
  readonly model?: ProviderModel;
}

/** Checks a definition's type where it is written (the config type follows from normalize). */
export const defineProvider = <C extends ProviderConfigBase>(definition: ProviderDefinition<C>): ProviderDefinition<C> =>
  definition;

/** A stored string setting, trimmed; '' for anything else. */
export const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** `{[key]: value}` when the trimmed value is not empty, for optional settings. */
export const optional = <K extends string>(key: K, value: unknown): Partial<Record<K, string>> =>
  text(value) ? ({ [key]: text(value) } as Record<K, string>) : {};

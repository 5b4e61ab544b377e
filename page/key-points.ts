// Key points over one reader: made on demand from the article as the reader shows it (the
// original's sentences, as read aloud splits them), kept for the reader's life, and shown at the top
// of the article; a point scrolls to and marks the sentence it comes from. The engine is chosen by
// lib/summary/key-points.ts: the browser's Summarizer where it can run, else the OpenAI-compatible
// provider the user configured for translation (asked first, once per address: the article's text
// goes there, as translation says), else the extractive ranking on the device. The provider's
// request runs in the background (background/key-points.ts), like translation's.
//
// The points are a list element of its own (`list`, built here from text only, placed by the view),
// so the reader's translation takes it in with the article (ReaderSession.translate). A host that
// keeps the article (the saved-article page) gives a store: points once made are shown again at
// once when it is opened, unless the text they were made from has changed.
import { buildScript, rangeOf, type Spoken } from '@/lib/speech/script';
import { keyPoints, type KeyPointsResult, type SummarizerApi } from '@/lib/summary/key-points';
import { readSavedKeyPoints, sentencesKey, type SavedKeyPoints } from '@/lib/summary/saved';
import { normalizeProviderConfig, providerOrigin, writesKeyPoints } from '@/lib/translate/providers/index';
import { t } from '@/platform/i18n';
import { sendToBackground, type Req, type Res } from '@/platform/messages';
import { keyPointsConsent, setKeyPointsConsent } from '@/platform/settings/key-points';
import { providerConfigItem } from '@/platform/translate/settings';

export interface KeyPointsState {
  /** 'ask': waiting for the user to allow sending the article to `provider` (or not). */
  status: 'idle' | 'working' | 'ask' | 'done' | 'error';
  result: KeyPointsResult | null;
  /** The Summarizer's model download, 0 to 1, while it downloads. */
  progress: number | null;
  error: string | null;
  /**
   * The user's chat provider that can write key points ({host, allowed}: allowed is null until the
   * user answers), or null when there is none. Read when points are first asked for.
   */
  provider: { host: string; allowed: boolean | null } | null;
}

/** Where the user's chat provider is and whether it may be used (the settings, else a test's). */
export interface ProviderAccess {
  /** The provider's origin, when one that writes key points is configured. */
  origin(): Promise<string | null>;
  allowed(origin: string): Promise<boolean | null>;
  allow(origin: string, allow: boolean): Promise<void>;
  write(request: Req<'keypoints/write'>): Promise<Res<'keypoints/write'>>;
}

const settingsAccess: ProviderAccess = {
  async origin() {
    const config = normalizeProviderConfig(await providerConfigItem.getValue());
    return writesKeyPoints(config) ? providerOrigin(config) : null;
  },
  allowed: keyPointsConsent,
  allow: setKeyPointsConsent,
  write: (request) => sendToBackground('keypoints/write', request),
};

/** Where a saved article keeps its points. */
export interface KeyPointsStore {
  get(): Promise<unknown>;
  put(points: SavedKeyPoints): Promise<void>;
}

export interface KeyPointsOptions {
  content: HTMLElement;
  lang: string | null;
  signal: AbortSignal;
  /** Default: the window's Summarizer, where the browser has one. */
  summarizer?: SummarizerApi | null;
  /** Default: the user's provider from the settings, written through the background. */
  provider?: ProviderAccess | null;
  store?: KeyPointsStore;
  /** Told when new points are in `list` (the session translates them when the article is translated). */
  onPoints?: () => void;
}

const MARK = 'ra-keypoint';

export class KeyPoints {
  #state: KeyPointsState = { status: 'idle', result: null, progress: null, error: null, provider: null };
  readonly #listeners = new Set<(s: KeyPointsState) => void>();
  readonly #options: KeyPointsOptions;
  #sentences: Spoken[] = [];
  /** Settles the question to the user (Send to the provider, or this device). */
  #answer: ((allow: boolean) => void) | null = null;
  #origin: string | null = null;
  /** The points as shown: one item each, a link to its sentence when it has one. */
  readonly list: HTMLOListElement;

  constructor(options: KeyPointsOptions) {
    this.#options = options;
    this.list = options.content.ownerDocument.createElement('ol');
    this.list.className = 'ra-keypoints-list';
    if (options.store) void this.#restore(options.store);
    options.signal.addEventListener(
      'abort',
      () => {
        this.#listeners.clear();
        this.#answer?.(false);
      },
      { once: true },
    );
  }

  get state(): KeyPointsState {
    return this.#state;
  }

  subscribe(listener: (s: KeyPointsState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get #access(): ProviderAccess | null {
    return this.#options.provider === undefined ? settingsAccess : this.#options.provider;
  }

  #script(): string[] {
    this.#sentences = buildScript(this.#options.content, { lang: this.#options.lang, mode: 'original' });
    return this.#sentences.map((s) => s.text.replace(/\s+/gu, ' '));
  }

  /** The points kept with a saved article, shown at once when they were made from this text. */
  async #restore(store: KeyPointsStore): Promise<void> {
    try {
      const texts = this.#script();
      const saved = readSavedKeyPoints(await store.get(), texts.length);
      if (!saved || saved.of !== sentencesKey(texts) || this.#state.status !== 'idle') return;
      const { of: _, ...result } = saved;
      this.#done(result);
      // The other engine stays one click away, as after making them.
      await this.#readProvider();
    } catch (err) {
      console.warn('The saved key points could not be read:', err);
    }
  }

  #done(result: KeyPointsResult): void {
    this.#render(result);
    this.#update({ status: 'done', result, progress: null });
    this.#options.onPoints?.();
  }

  #render(result: KeyPointsResult): void {
    const doc = this.list.ownerDocument;
    this.list.replaceChildren(
      ...result.points.map((p) => {
        const li = doc.createElement('li');
        const source = p.source;
        const el = doc.createElement(source === null ? 'span' : 'a');
        el.textContent = p.text;
        el.dataset.testid = 'keypoint';
        if (source !== null) {
          el.setAttribute('href', '#');
          el.addEventListener('click', (e) => {
            e.preventDefault();
            this.show(source);
          });
        }
        li.append(el);
        return li;
      }),
    );
  }

  /** Makes the points (once: they are kept). */
  async make(): Promise<void> {
    if (this.#state.status !== 'idle' && this.#state.status !== 'error') return;
    this.#update({ status: 'working', error: null, progress: null });
    try {
      const texts = this.#script();
      const summarizer =
        this.#options.summarizer === undefined
          ? ((globalThis as { Summarizer?: SummarizerApi }).Summarizer ?? null)
          : this.#options.summarizer;
      const access = this.#access;
      const origin = await this.#readProvider();
      const host = origin ? new URL(origin).host : null;
      const made = await keyPoints(texts, {
        lang: this.#options.lang,
        summarizer,
        signal: this.#options.signal,
        onProgress: (p) => this.#update({ progress: p }),
        provider:
          access && origin
            ? async (sentences, count) => {
                if (!(await this.#mayUse(access, origin))) return null;
                const answer = await access.write({ sentences: [...sentences], count, lang: this.#options.lang });
                if (!answer.ok) throw new Error(answer.message);
                return answer.points;
              }
            : null,
      });
      const result = made.engine === 'provider' && host ? { ...made, by: host } : made;
      if (this.#options.signal.aborted) return;
      this.#done(result);
      // Kept without the error: the points are what was asked for; the error was for then.
      const { error: _, ...kept } = result;
      void this.#options.store
        ?.put({ ...kept, of: sentencesKey(texts) })
        .catch((err: unknown) => console.warn('Key points not kept:', err));
    } catch (err) {
      if (!this.#options.signal.aborted)
        this.#update({ status: 'error', error: t('keyPointsFailed', err instanceof Error ? err.message : String(err)) });
    }
  }

  /** The user's chat provider and whether it may be used, into the state; answers its origin. */
  async #readProvider(): Promise<string | null> {
    const access = this.#access;
    // A provider that cannot be read (storage unavailable) is no provider: the device makes them.
    const origin = access ? await access.origin().catch(() => null) : null;
    this.#origin = origin;
    const allowed = access && origin ? await access.allowed(origin).catch(() => null) : null;
    this.#update({ provider: origin ? { host: new URL(origin).host, allowed } : null });
    return origin;
  }

  /** The user's answer to "send the article to the provider?", remembered for its address. */
  answer(allow: boolean): void {
    const origin = this.#origin;
    if (origin) void this.#access?.allow(origin, allow).catch((err: unknown) => console.warn('Not remembered:', err));
    this.#answer?.(allow);
  }

  /** Makes the points again with the other engine: the provider (allowing it), or the device (no longer sending). */
  async remake(useProvider: boolean): Promise<void> {
    const origin = this.#origin;
    if (!origin || this.#state.status === 'working' || this.#state.status === 'ask') return;
    await this.#access?.allow(origin, useProvider).catch(() => undefined);
    this.#update({ status: 'idle', result: null });
    await this.make();
  }

  async #mayUse(access: ProviderAccess, origin: string): Promise<boolean> {
    const known = await access.allowed(origin).catch(() => null);
    if (known !== null) return known;
    const allow = await new Promise<boolean>((resolve) => {
      this.#answer = resolve;
      this.#update({ status: 'ask' });
    });
    this.#answer = null;
    const provider = this.#state.provider;
    this.#update({ status: 'working', ...(provider ? { provider: { ...provider, allowed: allow } } : {}) });
    return allow;
  }

  /** Scrolls to the sentence a point comes from and marks it. */
  show(source: number): void {
    const s = this.#sentences[source];
    const range = s && rangeOf(s);
    if (!s || !range) return;
    const g = globalThis as unknown as { CSS?: { highlights?: Map<string, unknown> }; Highlight?: new (r: Range) => unknown };
    if (g.CSS?.highlights && g.Highlight) g.CSS.highlights.set(MARK, new g.Highlight(range));
    s.block.scrollIntoView({ block: 'center' });
  }

  #update(patch: Partial<KeyPointsState>): void {
    if (this.#options.signal.aborted) return;
    this.#state = { ...this.#state, ...patch };
    for (const l of this.#listeners) l(this.#state);
  }
}

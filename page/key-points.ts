// Key points over one reader: made on demand from the article as the reader shows it (the
// original's sentences, as read aloud splits them), kept for the reader's life, and shown at the top
// of the article; a point scrolls to and marks the sentence it comes from. The engine is chosen by
// lib/summary/key-points.ts: the browser's Summarizer where it can run, else the extractive ranking
// on the device. (The user's OpenAI-compatible provider as the middle engine is not wired yet.)
import { buildScript, rangeOf, type Spoken } from '@/lib/speech/script';
import { keyPoints, type KeyPointsResult, type SummarizerApi } from '@/lib/summary/key-points';
import { t } from '@/platform/i18n';

export interface KeyPointsState {
  status: 'idle' | 'working' | 'done' | 'error';
  result: KeyPointsResult | null;
  /** The Summarizer's model download, 0 to 1, while it downloads. */
  progress: number | null;
  error: string | null;
}

export interface KeyPointsOptions {
  content: HTMLElement;
  lang: string | null;
  signal: AbortSignal;
  /** Default: the window's Summarizer, where the browser has one. */
  summarizer?: SummarizerApi | null;
}

const MARK = 'ra-keypoint';

export class KeyPoints {
  #state: KeyPointsState = { status: 'idle', result: null, progress: null, error: null };
  readonly #listeners = new Set<(s: KeyPointsState) => void>();
  readonly #options: KeyPointsOptions;
  #sentences: Spoken[] = [];

  constructor(options: KeyPointsOptions) {
    this.#options = options;
    options.signal.addEventListener('abort', () => this.#listeners.clear(), { once: true });
  }

  get state(): KeyPointsState {
    return this.#state;
  }

  subscribe(listener: (s: KeyPointsState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Makes the points (once: they are kept). */
  async make(): Promise<void> {
    if (this.#state.status === 'working' || this.#state.status === 'done') return;
    this.#update({ status: 'working', error: null, progress: null });
    try {
      this.#sentences = buildScript(this.#options.content, { lang: this.#options.lang, mode: 'original' });
      const summarizer =
        this.#options.summarizer === undefined
          ? ((globalThis as { Summarizer?: SummarizerApi }).Summarizer ?? null)
          : this.#options.summarizer;
      const result = await keyPoints(
        this.#sentences.map((s) => s.text.replace(/\s+/gu, ' ')),
        { lang: this.#options.lang, summarizer, signal: this.#options.signal, onProgress: (p) => this.#update({ progress: p }) },
      );
      this.#update({ status: 'done', result, progress: null });
    } catch (err) {
      if (!this.#options.signal.aborted)
        this.#update({ status: 'error', error: t('keyPointsFailed', err instanceof Error ? err.message : String(err)) });
    }
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

// Read-aloud over one reader (the overlay in a page, the saved-article page): the manager that
// speaks the article as the reader shows it with the browser's Web Speech voices, one sentence an
// utterance, and marks the sentence (and the word, where the voice sends word boundaries) with the
// CSS Custom Highlight API, which leaves the article's DOM untouched.
//
// The next sentence is queued while one is spoken, so the gap between sentences is the voice's own.
// Pause, speed and voice changes cancel and speak the current sentence again (engines differ in
// what pause() does; speech-dispatcher ignores it). Everything ends with the reader's AbortSignal:
// closing the reader stops speech. A hidden tab goes on (nothing listens to visibility).
import { buildScript, rangeOf, type BilingualMode, type Spoken } from '@/lib/speech/script';
import { languageName, t } from '@/platform/i18n';
import {
  DEFAULT_READ_ALOUD,
  loadReadAloud,
  normalizeReadAloud,
  saveReadAloud,
  type ReadAloudSettings,
} from '@/platform/settings/read-aloud';

/** The Web Speech API as used here: the page's own, or a fake written to the specification in tests. */
export interface SpeechApi {
  synth: SpeechSynthesis;
  Utterance: typeof SpeechSynthesisUtterance;
}

/** The window's speech synthesis, or null where the browser has none. */
function browserSpeech(win: typeof globalThis = globalThis): SpeechApi | null {
  const w = win as typeof globalThis & { speechSynthesis?: SpeechSynthesis };
  if (!w.speechSynthesis || typeof w.SpeechSynthesisUtterance !== 'function') return null;
  return { synth: w.speechSynthesis, Utterance: w.SpeechSynthesisUtterance };
}

interface VoiceChoice {
  uri: string;
  name: string;
  lang: string;
}

export interface ReadAloudState {
  status: 'idle' | 'playing' | 'paused';
  /** The sentence being read, or where Play goes on from. */
  index: number;
  total: number;
  /** The article's voices (its language's) and the one chosen. */
  voices: VoiceChoice[];
  voice: string | null;
  settings: ReadAloudSettings;
  /** The reader follows the voice; false once the user scrolled away. */
  following: boolean;
  /** A translation is shown beside the original: the bilingual choice applies. */
  bilingual: boolean;
  error: string | null;
}

export interface ReadAloudOptions {
  /** The article as the reader shows it. */
  content: HTMLElement;
  /** The title element, read first (looked up when reading starts). */
  title?: () => Element | null;
  lang: string | null;
  /** The reader's life: speech stops when it aborts. */
  signal: AbortSignal;
  /** Default: the window's. */
  speech?: SpeechApi | null;
  /** The element that scrolls the article (follow-along). */
  scroller?: () => HTMLElement | null;
  /** A sentence to go on from (a saved article's listening position). */
  start?: number;
  /** Told the sentence reached, as it starts (the saved-article page stores it). */
  onPosition?: (index: number, total: number) => void;
}

const primary = (lang: string | null | undefined) => (lang ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
const SENTENCE_MARK = 'ra-reading';
const WORD_MARK = 'ra-reading-word';

type HighlightCtor = new (...ranges: Range[]) => object;
interface HighlightRegistry {
  set(name: string, h: object): void;
  delete(name: string): void;
}

export class ReadAloud {
  #state: ReadAloudState;
  readonly #listeners = new Set<(s: ReadAloudState) => void>();
  readonly #options: ReadAloudOptions;
  readonly #speech: SpeechApi | null;
  #script: Spoken[] = [];
  /** Counts each start of speaking: events of utterances from before are ignored. */
  #gen = 0;
  /** Utterances queued (a reference keeps Chrome from dropping their events). */
  #queued = new Map<number, SpeechSynthesisUtterance>();

  constructor(options: ReadAloudOptions) {
    this.#options = options;
    this.#speech = options.speech === undefined ? browserSpeech() : options.speech;
    this.#state = {
      status: 'idle',
      index: Math.max(0, options.start ?? 0),
      total: 0,
      voices: [],
      voice: null,
      settings: DEFAULT_READ_ALOUD,
      following: true,
      bilingual: false,
      error: null,
    };
    const { signal } = options;
    signal.addEventListener('abort', () => this.#halt(), { once: true });
    void loadReadAloud()
      .then((settings) => this.#update({ settings }))
      .catch(() => undefined)
      .finally(() => this.#loadVoices());
    this.#speech?.synth.addEventListener?.('voiceschanged', () => this.#loadVoices(), { signal });
    this.#watchUserScroll();
  }

  get state(): ReadAloudState {
    return this.#state;
  }

  subscribe(listener: (s: ReadAloudState) => void): () => void {
    if (this.#options.signal.aborted) return () => undefined;
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ------------------------------------------------------------ controls

  /** Starts (from the sentence `from`, else where it stopped) or resumes. */
  play(from?: number): void {
    if (this.#options.signal.aborted) return;
    const script = this.#build();
    if (!script.length) return;
    if (!this.#speech) return this.#update({ error: t('listenNoSpeech') });
    const voice = this.#voiceFor(this.#options.lang);
    if (!voice) return this.#update({ error: this.#noVoiceMessage() });
    const index = Math.min(script.length - 1, Math.max(0, from ?? this.#state.index));
    this.#update({ error: null, following: true });
    this.#speakFrom(index);
  }

  /** Play, or Pause while playing. */
  toggle(): void {
    if (this.#state.status === 'playing') this.pause();
    else this.play();
  }

  /** Stops speaking and keeps the place (Play goes on from the sentence that was being read). */
  pause(): void {
    if (this.#state.status !== 'playing') return;
    this.#cancel();
    this.#update({ status: 'paused' });
  }

  /** Stops and goes back to the start. */
  stop(): void {
    this.#cancel();
    this.#clearMarks();
    this.#update({ status: 'idle', index: 0 });
  }

  /** The next paragraph's first sentence (or the previous one's; within a paragraph, its start). */
  nextParagraph(): void {
    this.#moveParagraph(1);
  }

  previousParagraph(): void {
    this.#moveParagraph(-1);
  }

  /** Reads from the block holding `node` (a click on a paragraph, the selection's start). */
  playFrom(node: Node): void {
    const script = this.#build();
    const i = script.findIndex((s) => s.block === node || s.block.contains(node) || s.nodes.includes(node as Text));
    if (i < 0) return;
    // Within the block, the sentence that holds the node (the selection's start).
    const within = script.findIndex((s, k) => k >= i && s.nodes.includes(node as Text));
    this.play(within >= 0 && script[within]!.block === script[i]!.block ? within : i);
  }

  setRate(rate: number): void {
    this.#remember({ ...this.#state.settings, rate });
  }

  setVolume(volume: number): void {
    this.#remember({ ...this.#state.settings, volume });
  }

  /** The voice for the article's language, remembered for that language. */
  setVoice(uri: string): void {
    const lang = primary(this.#options.lang);
    this.#remember({ ...this.#state.settings, voices: { ...this.#state.settings.voices, [lang]: uri } });
  }

  setBilingual(mode: BilingualMode): void {
    this.#script = [];
    this.#remember({ ...this.#state.settings, bilingual: mode });
  }

  /** Back to where it is reading, and follows it again. */
  follow(): void {
    this.#update({ following: true });
    const s = this.#script[this.#state.index];
    if (s) this.#scrollTo(s, true);
  }

  // ------------------------------------------------------------ speaking

  #build(): Spoken[] {
    // Built when reading starts, and again if the reader's DOM changed under it (a translation shown or taken away).
    const stale = !this.#script.length || this.#script.some((s) => !s.nodes[0]?.isConnected);
    const translated = !!this.#options.content.querySelector('.ra-translation-side-by-side');
    if (stale || translated !== this.#state.bilingual) {
      this.#script = buildScript(this.#options.content, {
        title: this.#options.title?.() ?? null,
        lang: this.#options.lang,
        mode: this.#state.settings.bilingual,
      });
      this.#update({ total: this.#script.length, bilingual: translated });
    }
    return this.#script;
  }

  #speakFrom(index: number): void {
    this.#cancel();
    const gen = ++this.#gen;
    this.#mark(index);
    this.#update({ status: 'playing', index });
    this.#queue(index, gen);
    this.#queue(index + 1, gen);
  }

  #queue(i: number, gen: number): void {
    const s = this.#script[i];
    if (!s || !this.#speech || gen !== this.#gen) return;
    const u = new this.#speech.Utterance(s.text);
    const { rate, volume } = this.#state.settings;
    u.rate = rate;
    u.volume = volume;
    if (s.lang) u.lang = s.lang;
    const voice = this.#voiceFor(s.lang);
    if (voice) u.voice = voice;
    u.addEventListener('start', () => {
      if (gen !== this.#gen) return;
      this.#mark(i);
      this.#update({ index: i });
      this.#options.onPosition?.(i, this.#script.length);
    });
    u.addEventListener('boundary', (e) => {
      if (gen !== this.#gen || e.name !== 'word') return;
      this.#markWord(s, e.charIndex, e.charLength || wordLength(s.text, e.charIndex));
    });
    u.addEventListener('end', () => {
      this.#queued.delete(i);
      if (gen !== this.#gen) return;
      if (i >= this.#script.length - 1) {
        this.#clearMarks();
        this.#update({ status: 'idle', index: 0 });
        this.#options.onPosition?.(0, this.#script.length);
      } else this.#queue(i + 2, gen);
    });
    u.addEventListener('error', (e) => {
      this.#queued.delete(i);
      if (gen !== this.#gen || e.error === 'interrupted' || e.error === 'canceled') return;
      this.#cancel();
      this.#update({ status: 'paused', error: t('listenFailed', e.error) });
    });
    this.#queued.set(i, u);
    this.#speech.synth.speak(u);
  }

  #cancel(): void {
    this.#gen++;
    this.#queued.clear();
    this.#speech?.synth.cancel();
  }

  #moveParagraph(step: 1 | -1): void {
    const script = this.#build();
    if (!script.length) return;
    const here = script[Math.min(this.#state.index, script.length - 1)]!.paragraph;
    const firstOf = (p: number) => script.findIndex((s) => s.paragraph === p);
    let target: number;
    if (step > 0) target = firstOf(here + 1);
    else {
      // Back to this paragraph's start, or the one before when already at its start.
      const start = firstOf(here);
      target = start < this.#state.index ? start : firstOf(here - 1);
    }
    if (target < 0) return;
    if (this.#state.status === 'playing') this.#speakFrom(target);
    else {
      this.#update({ index: target });
      this.#mark(target);
    }
  }

  #halt(): void {
    this.#cancel();
    this.#clearMarks();
    this.#listeners.clear();
  }

  // ------------------------------------------------------------ voices and settings

  #voiceFor(lang: string | null): SpeechSynthesisVoice | null {
    const all = this.#speech?.synth.getVoices() ?? [];
    const code = primary(lang) || primary(this.#options.lang);
    const mine = all.filter((v) => primary(v.lang) === code);
    const chosen = this.#state.settings.voices[code];
    return mine.find((v) => v.voiceURI === chosen) ?? mine.find((v) => v.default) ?? mine[0] ?? null;
  }

  #loadVoices(): void {
    const code = primary(this.#options.lang);
    const voices = (this.#speech?.synth.getVoices() ?? [])
      .filter((v) => primary(v.lang) === code)
      .map((v) => ({ uri: v.voiceURI, name: v.name, lang: v.lang }));
    this.#update({ voices, voice: this.#voiceFor(this.#options.lang)?.voiceURI ?? null });
  }

  /** "No Korean voice…": which voices there are, and how to add one. */
  #noVoiceMessage(): string {
    const all = this.#speech?.synth.getVoices() ?? [];
    const langs = [...new Set(all.map((v) => primary(v.lang)).filter(Boolean))];
    const wanted = languageName(primary(this.#options.lang)) ?? primary(this.#options.lang);
    if (!langs.length) return t('listenNoVoices', wanted);
    const names = langs.slice(0, 8).map((l) => languageName(l) ?? l);
    return t('listenNoVoice', wanted, names.join(', ') + (langs.length > 8 ? ', …' : ''));
  }

  #remember(next: ReadAloudSettings): void {
    const settings = normalizeReadAloud(next);
    const before = this.#state.settings;
    this.#update({ settings });
    this.#loadVoices();
    void saveReadAloud(settings).catch(() => undefined);
    // Heard at once: the sentence being read starts again with the new speed, volume or voice.
    const changed =
      settings.rate !== before.rate ||
      settings.volume !== before.volume ||
      settings.voices !== before.voices ||
      settings.bilingual !== before.bilingual;
    if (changed && this.#state.status === 'playing') {
      if (settings.bilingual !== before.bilingual) this.#build();
      this.#speakFrom(Math.min(this.#state.index, this.#script.length - 1));
    }
  }

  // ------------------------------------------------------------ follow along

  #registry(): { registry: HighlightRegistry; Highlight: HighlightCtor } | null {
    const g = globalThis as unknown as { CSS?: { highlights?: HighlightRegistry }; Highlight?: HighlightCtor };
    return g.CSS?.highlights && g.Highlight ? { registry: g.CSS.highlights, Highlight: g.Highlight } : null;
  }

  #mark(i: number): void {
    const s = this.#script[i];
    if (!s) return;
    const hl = this.#registry();
    const range = rangeOf(s);
    if (hl && range) {
      hl.registry.set(SENTENCE_MARK, new hl.Highlight(range));
      hl.registry.delete(WORD_MARK);
    }
    if (this.#state.following) this.#scrollTo(s, false);
  }

  #markWord(s: Spoken, at: number, length: number): void {
    const hl = this.#registry();
    const range = rangeOf(s, at, at + length);
    if (hl && range) hl.registry.set(WORD_MARK, new hl.Highlight(range));
  }

  #clearMarks(): void {
    const hl = this.#registry();
    hl?.registry.delete(SENTENCE_MARK);
    hl?.registry.delete(WORD_MARK);
  }

  /** Brings the sentence into view when it is out of the middle of the screen (`always`: in any case). */
  #scrollTo(s: Spoken, always: boolean): void {
    const scroller = this.#options.scroller?.();
    if (!scroller || !s.block.isConnected) return;
    // The sentence's own box where the engine measures ranges, else its paragraph's.
    const range = rangeOf(s);
    const rect = (typeof range?.getBoundingClientRect === 'function' ? range : s.block).getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    const inView = rect.top >= view.top + view.height * 0.15 && rect.bottom <= view.bottom - view.height * 0.25;
    if (inView && !always) return;
    scroller.scrollBy({ top: rect.top - view.top - view.height / 3 });
  }

  /** The user's own scrolling (wheel, touch, keys, the scroll bar) stops following until "Back to where it is reading". */
  #watchUserScroll(): void {
    const { signal } = this.#options;
    const away = (e: Event) => {
      if (!e.isTrusted || this.#state.status === 'idle' || !this.#state.following) return;
      if (e instanceof KeyboardEvent && !SCROLL_KEYS.has(e.key)) return;
      this.#update({ following: false });
    };
    // Attached once the view has placed the scroller.
    queueMicrotask(() => {
      const scroller = this.#options.scroller?.();
      if (!scroller || signal.aborted) return;
      for (const type of ['wheel', 'touchmove', 'keydown', 'mousedown'])
        scroller.addEventListener(
          type,
          (e) => {
            // A mouse press on the scroll bar, not in the article.
            if (e.type === 'mousedown' && e.target !== scroller) return;
            away(e);
          },
          { passive: true, signal },
        );
    });
  }

  #update(patch: Partial<ReadAloudState>): void {
    if (this.#options.signal.aborted) return;
    this.#state = { ...this.#state, ...patch };
    for (const l of this.#listeners) l(this.#state);
  }
}

const SCROLL_KEYS = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End', ' ']);

/** A word's length from `at` when the voice gives none (charLength is optional in the specification). */
function wordLength(text: string, at: number): number {
  const m = /^[\p{L}\p{N}'’-]+/u.exec(text.slice(at));
  return m ? m[0].length : 1;
}

// A speech synthesizer written to the Web Speech API specification (W3C, "The SpeechSynthesis
// Interface", https://webaudio.github.io/web-speech-api/#tts-section), for where no real voice can
// run: headless Chromium lists no voice here (speech-dispatcher's voices reach it only in a headful
// browser), and jsdom has no speechSynthesis. Firefox ESR speaks with real espeak-ng voices in the
// end-to-end tests (tests/e2e/listen.e2e.ts).
//
// What it keeps of the specification: speak() queues; the first utterance starts at once unless
// paused; `start`, then a `boundary` (name "word", charIndex, charLength) at each word, then `end`;
// cancel() empties the queue: the utterance being spoken ends with an `error` event "interrupted",
// the ones not started with "canceled"; pause()/resume() hold and go on; speaking, pending and paused;
// getVoices() and `voiceschanged`. Time: `msPerChar` divided by the utterance's rate.
//
// Self-contained (no import, no outer name): the end-to-end test sends its source into the
// extension's isolated world, where the reader's content script looks up speechSynthesis.

export interface FakeVoice {
  name: string;
  lang: string;
  voiceURI: string;
  localService: boolean;
  default: boolean;
}

export interface FakeSpeechLog {
  /** Every utterance started: its text, rate, volume, lang and voice name. */
  started: Array<{ text: string; rate: number; volume: number; lang: string; voice: string | null; at: number }>;
  cancels: number;
}

export function installFakeSpeech(
  win: typeof globalThis,
  options: { voices?: FakeVoice[]; msPerChar?: number; boundaries?: boolean } = {},
): { log: FakeSpeechLog } {
  const msPerChar = options.msPerChar ?? 12;
  const voices = options.voices ?? [
    { name: 'Fake Korean', lang: 'ko-KR', voiceURI: 'fake-ko', localService: true, default: false },
    { name: 'Fake English', lang: 'en-US', voiceURI: 'fake-en', localService: true, default: true },
  ];
  const log: FakeSpeechLog = { started: [], cancels: 0 };

  class Utterance extends EventTarget {
    text: string;
    lang = '';
    voice: FakeVoice | null = null;
    volume = 1;
    rate = 1;
    pitch = 1;
    onstart: ((e: Event) => void) | null = null;
    onend: ((e: Event) => void) | null = null;
    onerror: ((e: Event) => void) | null = null;
    onboundary: ((e: Event) => void) | null = null;
    constructor(text = '') {
      super();
      this.text = text;
    }
  }

  const fire = (u: Utterance, type: string, extra: Record<string, unknown> = {}) => {
    const e = new Event(type);
    Object.assign(e, { utterance: u, charIndex: 0, charLength: 0, elapsedTime: 0, name: '' }, extra);
    u.dispatchEvent(e);
    const handler = (u as unknown as Record<string, unknown>)[`on${type}`];
    if (typeof handler === 'function') (handler as (e: Event) => void).call(u, e);
  };

  const queue: Utterance[] = [];
  let current: Utterance | null = null;
  let timers: ReturnType<typeof setTimeout>[] = [];
  let paused = false;

  const clear = () => {
    for (const t of timers) clearTimeout(t);
    timers = [];
  };

  function next() {
    if (current || paused || !queue.length) return;
    const u = queue.shift()!;
    current = u;
    const began = Date.now();
    log.started.push({ text: u.text, rate: u.rate, volume: u.volume, lang: u.lang, voice: u.voice?.name ?? null, at: began });
    fire(u, 'start');
    const per = msPerChar / Math.max(0.1, u.rate);
    if (options.boundaries !== false)
      for (const m of u.text.matchAll(/\S+/gu))
        timers.push(
          setTimeout(() => fire(u, 'boundary', { name: 'word', charIndex: m.index, charLength: m[0].length }), m.index! * per),
        );
    timers.push(
      setTimeout(() => {
        timers = [];
        current = null;
        fire(u, 'end', { charIndex: u.text.length, elapsedTime: Date.now() - began });
        next();
      }, u.text.length * per),
    );
  }

  const synth = Object.assign(new EventTarget(), {
    onvoiceschanged: null,
    get speaking() {
      return current !== null;
    },
    get pending() {
      return queue.length > 0;
    },
    get paused() {
      return paused;
    },
    speak(u: Utterance) {
      queue.push(u);
      // The specification starts it "immediately" when nothing is spoken: after this task.
      setTimeout(next, 0);
    },
    cancel() {
      log.cancels++;
      const was = current;
      const dropped = queue.splice(0);
      clear();
      current = null;
      if (was) fire(was, 'error', { error: 'interrupted' });
      for (const u of dropped) fire(u, 'error', { error: 'canceled' });
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      next();
    },
    getVoices() {
      return voices.slice();
    },
  });

  Object.defineProperty(win, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(win, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  (win as unknown as Record<string, unknown>).__fakeSpeechLog = log;
  return { log };
}

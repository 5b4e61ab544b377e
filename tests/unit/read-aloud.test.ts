// Read-aloud over the reader's article in jsdom, against a speech synthesizer written to the Web
// Speech API specification (tests/fake-speech.ts; jsdom has none): what is read and in which
// order, one sentence an utterance, the mark on the sentence being read, pause/resume, paragraphs,
// speed, bilingual reading, no voice for the language, and the reader closing.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildScript } from '@/lib/speech/script';
import { ReadAloud } from '@/page/read-aloud';
import { readAloudSettings } from '@/platform/settings/read-aloud';
import { installFakeSpeech, type FakeVoice } from '../fake-speech';
import { installEnglishMessages } from './translate-helpers';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const ARTICLE = `
  <p>첫 문단의 첫 문장이다. 첫 문단의 둘째 문장이다.</p>
  <figure><img alt=""><figcaption>사진 설명은 읽지 않는다.</figcaption></figure>
  <p>둘째 문단이다. 여기도 두 문장이다.</p>
  <table><tr><td>표는 읽지 않는다.</td></tr></table>
  <p>셋째 문단은 <b>굵은 글씨</b>도 있다.</p>`;

function reader() {
  // Our own markup, parsed inert and moved in.
  const parsed = new DOMParser().parseFromString(
    `<div class="ra-root"><article class="ra-article"><h1 class="ra-title">도서관이 늦게까지 연다</h1><div class="ra-content">${ARTICLE}</div></article></div>`,
    'text/html',
  );
  document.body.replaceChildren(...Array.from(parsed.body.childNodes));
  return document.querySelector<HTMLElement>('.ra-content')!;
}

// Highlights as jsdom lacks them: the registry and Highlight of the CSS Custom Highlight API.
const marks = new Map<string, { ranges: Range[] }>();
beforeAll(() => {
  Object.assign(globalThis, {
    Highlight: class {
      ranges: Range[];
      constructor(...ranges: Range[]) {
        this.ranges = ranges;
      }
    },
  });
  (globalThis as unknown as { CSS: object }).CSS = { highlights: marks };
});

beforeEach(() => {
  fakeBrowser.reset();
  installEnglishMessages();
  (fakeBrowser.i18n as unknown as { getUILanguage: () => string }).getUILanguage = () => 'en';
  marks.clear();
});

const marked = () => marks.get('ra-reading')?.ranges[0]?.toString() ?? null;

function start(options: { voices?: FakeVoice[]; lang?: string } = {}) {
  const content = reader();
  const win = {} as typeof globalThis;
  const { log } = installFakeSpeech(win, { msPerChar: 1, voices: options.voices });
  const closer = new AbortController();
  const positions: number[] = [];
  const ra = new ReadAloud({
    content,
    lang: options.lang ?? 'ko',
    signal: closer.signal,
    title: () => document.querySelector('.ra-title'),
    scroller: () => document.querySelector('.ra-root'),
    speech: {
      synth: (win as unknown as { speechSynthesis: SpeechSynthesis }).speechSynthesis,
      Utterance: (win as unknown as { SpeechSynthesisUtterance: typeof SpeechSynthesisUtterance }).SpeechSynthesisUtterance,
    },
    onPosition: (i) => positions.push(i),
  });
  return { ra, log, closer, positions, content };
}

const until = async (ok: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
};

test('the title, then each paragraph sentence by sentence; captions and tables are not read', () => {
  const content = reader();
  const script = buildScript(content, { title: document.querySelector('.ra-title'), lang: 'ko' });
  expect(script.map((s) => s.text)).toEqual([
    '도서관이 늦게까지 연다',
    '첫 문단의 첫 문장이다.',
    '첫 문단의 둘째 문장이다.',
    '둘째 문단이다.',
    '여기도 두 문장이다.',
    '셋째 문단은 굵은 글씨도 있다.',
  ]);
  expect(script.map((s) => s.paragraph)).toEqual([0, 1, 1, 2, 2, 3]);
});

test('reads to the end one sentence an utterance, marking each sentence as it is spoken', async () => {
  const { ra, log, positions } = start();
  const seen = new Set<string>();
  ra.subscribe(() => {
    const m = marked();
    if (m) seen.add(m);
  });
  ra.play();
  await until(() => ra.state.status === 'idle' && log.started.length === 6);
  expect(log.started.map((u) => u.text)[5]).toBe('셋째 문단은 굵은 글씨도 있다.');
  expect(log.started.every((u) => u.voice === 'Fake Korean')).toBe(true);
  // The mark covers the sentence in the DOM, across the <b> too.
  expect([...seen]).toContain('셋째 문단은 굵은 글씨도 있다.');
  expect([...seen]).toContain('첫 문단의 둘째 문장이다.');
  expect(positions.slice(0, 6)).toEqual([0, 1, 2, 3, 4, 5]);
  expect(marked()).toBeNull();
});

test('pause keeps the place, play goes on from that sentence; next/previous paragraph; stop goes back to the start', async () => {
  const { ra, log } = start();
  ra.play();
  await until(() => ra.state.index === 1);
  ra.pause();
  expect(ra.state.status).toBe('paused');
  const spoken = log.started.length;
  await new Promise((r) => setTimeout(r, 80));
  expect(log.started.length).toBe(spoken);
  ra.play();
  await until(() => log.started.length > spoken);
  expect(log.started[spoken]!.text).toBe('첫 문단의 첫 문장이다.');
  ra.nextParagraph();
  expect(ra.state.index).toBe(3);
  await until(() => log.started.some((u, i) => i > spoken && u.text === '둘째 문단이다.'));
  ra.previousParagraph();
  expect(ra.state.index).toBe(1);
  ra.stop();
  expect(ra.state).toMatchObject({ status: 'idle', index: 0 });
  expect(marked()).toBeNull();
});

test('a new speed is heard at once and remembered', async () => {
  const { ra, log } = start();
  ra.play();
  await until(() => log.started.length > 0);
  ra.setRate(2);
  await until(() => log.started.some((u) => u.rate === 2));
  // Out-of-range speeds are clamped to 0.5–3.
  ra.setRate(9);
  expect(ra.state.settings.rate).toBe(3);
  await until(() => log.started.some((u) => u.rate === 3));
  const stored = await readAloudSettings.getValue();
  expect(stored.rate).toBe(3);
  ra.stop();
});

test('no voice for the language: says which voices there are, and reads nothing', () => {
  const { ra, log } = start({
    voices: [{ name: 'Only German', lang: 'de-DE', voiceURI: 'de', localService: true, default: true }],
  });
  ra.play();
  expect(log.started).toEqual([]);
  expect(ra.state.error).toMatch(/^No Korean voice on this device \(voices for: German\)/);
});

test('after a side-by-side translation: each sentence then its translation, in its own voice', async () => {
  const { ra, log, content } = start();
  for (const p of Array.from(content.querySelectorAll('p'))) {
    const tr = document.createElement('p');
    tr.className = 'ra-translation ra-translation-side-by-side';
    tr.lang = 'en';
    tr.textContent = `Translated one. Translated two.`;
    p.after(tr);
  }
  ra.setBilingual('both');
  ra.play();
  await until(() => log.started.length >= 4);
  ra.stop();
  expect(log.started.slice(1, 4).map((u) => [u.text, u.voice])).toEqual([
    ['첫 문단의 첫 문장이다.', 'Fake Korean'],
    ['Translated one.', 'Fake English'],
    ['첫 문단의 둘째 문장이다.', 'Fake Korean'],
  ]);
});

test('closing the reader stops speech and takes the mark away', async () => {
  const { ra, log, closer } = start();
  ra.play();
  await until(() => log.started.length > 0 && marked() !== null);
  closer.abort();
  expect(log.cancels).toBeGreaterThan(0);
  expect(marked()).toBeNull();
  const spoken = log.started.length;
  await new Promise((r) => setTimeout(r, 60));
  expect(log.started.length).toBe(spoken);
});

// The wait for a busy service as the reader shows it (issue 21, item 3), through the background's
// port, with no real waiting: "Waiting 3 s for the service…" counted down each second, then the
// translation; Cancel during the wait ends it at once, keeps what was translated and asks nothing
// more. (The engine's side: translate-wait.test.ts.)
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TranslateError } from '@/lib/translate/types';
import { serveTranslatePort } from '@/background/translate-port';
import { providerConfigItem } from '@/platform/translate/settings';
import type { ProviderConfig } from '@/lib/translate/providers/registry';
import { ReaderSession } from '@/page/reader-session';
import { fakeFetch, installEnglishMessages, json, portPair } from './translate-helpers';
import { article } from './sample-article';

/** The translations the reader shows: under the headline and in the article. */
const shown = (s: ReaderSession) => [s.title!, s.content!].flatMap((el) => [...el.querySelectorAll('.ra-translation')]);

// Under jsdom, WXT's own mock of 'wxt/browser' loads WXT's build tools, which jsdom's TextEncoder
// breaks: the same fake browser, given directly (as reader-session.test.ts does).
vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

beforeEach(() => {
  fakeBrowser.reset();
  installEnglishMessages();
  Object.assign(fakeBrowser.i18n, { getUILanguage: () => 'en' });
});

/** A sleep the test moves on by hand (tick); an abort rejects it as the real one does. */
function manualSleep() {
  const pending: Array<() => void> = [];
  const slept: number[] = [];
  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(new TranslateError('cancelled'));
      const release = () => {
        slept.push(ms);
        resolve();
      };
      signal.addEventListener(
        'abort',
        () => {
          pending.splice(pending.indexOf(release), 1);
          reject(new TranslateError('cancelled'));
        },
        { once: true },
      );
      pending.push(release);
    });
  const tick = async () => {
    await vi.waitFor(() => expect(pending.length).toBeGreaterThan(0));
    pending.shift()!();
  };
  return { sleep, tick, slept, pending };
}

describe('in the reader, through the background', () => {
  const PARAGRAPHS = ['Alpha', 'Bravo', 'Charlie'].map((word) => `${word} ${'words of the story '.repeat(60)}`.trim());
  const ARTICLE = article({ text: PARAGRAPHS.join('\n\n'), url: 'https://news.example.com/story' });
  const config: ProviderConfig = { kind: 'libretranslate', url: 'http://127.0.0.1:9' };

  /** A reader on ARTICLE whose provider answers the 2nd translation request 429 (Retry-After: 3), the rest translated. */
  async function busyReader() {
    await providerConfigItem.setValue(config);
    const manual = manualSleep();
    const server = fakeFetch((req) => {
      if (req.url.endsWith('/languages'))
        return json([
          { code: 'en', targets: ['ko'] },
          { code: 'ko', targets: ['en'] },
        ]);
      const n = server.calls.filter((c) => c.url.endsWith('/translate')).length;
      if (n === 2) return json({ error: 'Too many requests' }, 429, { 'Retry-After': '3' });
      return json({ translatedText: (req.body as { q: string[] }).q.map((s) => `[ko] ${s}`) });
    });
    const [page, background] = portPair();
    serveTranslatePort(background, {
      getConfig: async () => config,
      cache: null,
      fetchImpl: server.fetchImpl,
      engine: { concurrency: 1, maxBatchItems: 1, sleep: manual.sleep },
    });
    Object.assign(fakeBrowser.runtime, { connect: () => page });
    const session = new ReaderSession({
      article: ARTICLE,
      site: 'news.example.com',
      loadEntities: () => Promise.reject(new Error('not used here')),
    });
    const requests = () => server.calls.filter((c) => c.url.endsWith('/translate')).length;
    const status = () => session.state.translation;
    return { session, manual, requests, status };
  }

  test('the status says "Waiting 3 s for the service…", counts down, and the translation then comes', async () => {
    const { session, manual, requests, status } = await busyReader();
    await session.translate('ko', 'side-by-side', 'en');
    await vi.waitFor(() => expect(status()).toMatchObject({ state: 'running', message: 'Waiting 3 s for the service…' }));
    expect(status()?.done).toBe(1);
    expect(shown(session)).toHaveLength(1);
    await manual.tick();
    await vi.waitFor(() => expect(status()?.message).toBe('Waiting 2 s for the service…'));
    await manual.tick();
    await vi.waitFor(() => expect(status()?.message).toBe('Waiting 1 s for the service…'));
    expect(requests()).toBe(2); // nothing is asked while waiting
    await manual.tick();
    // The headline and three paragraphs.
    await vi.waitFor(() => expect(status()).toMatchObject({ state: 'done', done: 4, total: 4 }));
    expect(status()?.message).toBeUndefined();
    expect(shown(session).map((el) => el.textContent)).toEqual([`[ko] ${ARTICLE.title}`, ...PARAGRAPHS.map((p) => `[ko] ${p}`)]);
    expect(requests()).toBe(5);
    session.close();
  });

  test('Cancel during the wait ends it at once: what was translated stays, nothing more is asked', async () => {
    const { session, manual, requests, status } = await busyReader();
    await session.translate('ko', 'side-by-side', 'en');
    await vi.waitFor(() => expect(status()?.message).toBe('Waiting 3 s for the service…'));
    session.cancelTranslation();
    expect(status()).toMatchObject({ state: 'error', message: 'Translation cancelled. What was translated stays.' });
    // The wait is aborted (in the background, once the port closes), and nothing more is asked.
    await vi.waitFor(() => expect(manual.pending).toHaveLength(0));
    await new Promise((r) => setTimeout(r, 20));
    expect(requests()).toBe(2);
    expect(manual.slept).toEqual([]);
    expect(status()).toMatchObject({ state: 'error', message: 'Translation cancelled. What was translated stays.' });
    expect(shown(session)).toHaveLength(1);
    session.close();
  });
});

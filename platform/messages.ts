// Every message between the extension's contexts, declared once: its name, what it carries and
// what it answers. Senders and handlers share these types, so a renamed field is a type error.
import { browser, type Browser } from 'wxt/browser';
import type { Highlight } from '@/lib/annotations/highlight';
import type { Article, Detection } from '@/lib/article/types';
import type { EntitySpan } from '@/lib/entities/types';
import type { SaveStatus } from '@/lib/library/types';
import type { SyncConfig, SyncStatus } from '@/platform/settings/sync';

/** The reader's translation, as the popup shows it. */
export interface TranslationStatus {
  state: 'running' | 'done' | 'error';
  /** Target language. */
  to: string;
  done: number;
  total: number;
  /** The error sentence, when state is 'error'. */
  message?: string;
}

/** A translation the popup asks for: into what, how, and from what when the user chose it. */
export interface TranslateRequest {
  to: string;
  mode: 'side-by-side' | 'translation-only';
  from?: string;
}

/** What the popup needs to describe the current tab. */
export interface PageInfo {
  isArticle: boolean;
  readerOpen: boolean;
  /** The reader's translation (null: the original is shown). */
  translation?: TranslationStatus | null;
  /** Entity highlights are on in the reader. */
  highlights?: boolean;
  /** The page's own article translated in place (null: the page shows its original text). */
  pageTranslation?: TranslationStatus | null;
  /** Entity highlights are on in the page itself (how many marks; 0 when none were found; the share done while they are drawn, else null). */
  pageHighlights?: { marks: number; progress?: number | null } | null;
  title: string;
  siteName: string | null;
  lang: string | null;
  readingMinutes: number | null;
  /** Counts the tab's changes: of two answers that cross (a reply and a push), the higher is the newer. */
  revision?: number;
}

/**
 * A reader → background, over a `runtime.connect` port named ENTITIES_PORT: the entities of its
 * article's text, found by the parser page (background/parse-html.ts), off the page's main thread.
 * The reader sends its text in parts and then the request (FindMessage); it hears the progress,
 * the spans in parts and the end (FindEvent); disconnecting stops the job. In parts, because
 * reading or writing a message of a long article's text or spans takes one task of the page.
 */
export const ENTITIES_PORT = 'entities';
export interface FindRequest {
  text: string;
  lang: string | null;
  /** The least confidence of a name kept (lib/entities/confidence.ts). */
  min: number;
}
export type FindMessage = { type: 'text'; text: string } | ({ type: 'find' } & Omit<FindRequest, 'text'>);
export type FindEvent =
  | { type: 'progress'; share: number }
  | { type: 'spans'; spans: EntitySpan[] }
  | { type: 'done' }
  | { type: 'error'; message: string };

/** What the reader script read from its page, for saving. */
export interface PageCapture {
  url: string;
  title: string;
  excerpt: string | null;
  /** Null when the page holds no article (it is then saved as a bookmark). */
  article: Article | null;
}

/** The outcome of a save, shown in the popup and as a toast in the page. */
export type SaveResult =
  | {
      ok: true;
      url: string;
      title: string;
      status: SaveStatus;
      created: boolean;
      /** Set when some of the article's pictures were left as links: for the budget, or the storage filled up. */
      images?: { stored: number; total: number; short: 'cap' | 'quota' };
    }
  | {
      ok: false;
      error: 'quota' | 'unreachable' | 'not-html' | 'too-large' | 'blocked' | 'restricted' | 'failed';
      detail?: string;
    };

/**
 * What the popup asks the background to do in a tab. The background carries it out to the end
 * (injecting the reader when needed, then telling it), so a popup that closes right after the
 * click, as it does when the reader clicks the page, loses nothing.
 */
export type TabCommand =
  | { kind: 'info' | 'open' | 'close' | 'toggle' }
  | { kind: 'translate' | 'page-translate'; request: TranslateRequest | null }
  | { kind: 'highlight' | 'page-highlight'; on: boolean };

interface ProtocolMap {
  /** detector → background: the verdict for the sender's tab (sets badge and title). */
  /** `addresses`: the page's own canonical and og:url, where its saved highlights may be kept. */
  'detector/result': { req: Detection & { addresses?: string[] }; res: void };
  /** The reader selected text on a page the detector found an article on (the first time only). */
  'detector/selection': { req: void; res: void };
  /** popup → detector: the last verdict, answered synchronously. */
  'detector/get': { req: void; res: Detection };
  /** popup → reader script: describe the page (extracts once, cached until the URL changes). After
   *  that the popup hears every change over a PAGE_STATE_PORT port instead of asking again. */
  'reader/info': { req: void; res: PageInfo };
  /** popup/background → reader script: open, close or toggle the overlay; answers the new state. */
  'reader/open': { req: void; res: PageInfo };
  'reader/close': { req: void; res: PageInfo };
  'reader/toggle': { req: void; res: PageInfo };
  /** popup → reader script: translate the article in the reader (opening it), or null: show the original. */
  'reader/translate': { req: TranslateRequest | null; res: PageInfo };
  /** popup → reader script: entity highlights on or off in the reader (opening it to turn them on). */
  'reader/highlight': { req: { on: boolean }; res: PageInfo };
  /** popup → reader script: translate the page's own article in place, or null: its original text again. */
  'page/translate': { req: TranslateRequest | null; res: PageInfo };
  /** popup → reader script: entity highlights on or off in the page itself (the reader stays as it is). */
  'page/highlight': { req: { on: boolean }; res: PageInfo };
  /** The reader's own highlights on the page itself: drawn, and the selection bar on the article's text. */
  'page/notes': { req: void; res: void };
  /** background → parser page: find the entities of a reader's article (job: the background's number for it; see ENTITIES_PORT). */
  'offscreen/recognize': { req: { job: number } & FindRequest; res: EntitySpan[] };
  /** background → parser page: stop that job (the reader stopped or closed). */
  'offscreen/recognize-stop': { req: { job: number }; res: void };
  /** parser page → background: the share of that job done (0 to 1), passed on to its reader. */
  'entities/progress': { req: { job: number; share: number }; res: void };
  /** background → reader script: the page's article (or what a bookmark needs) for saving. */
  'reader/capture': { req: void; res: PageCapture };
  /** background → reader script: a short confirmation in the page (toast in a shadow root). */
  'reader/toast': { req: { message: string; kind: 'ok' | 'error' }; res: void };
  /** popup → background: save the article of a tab. */
  'library/save-tab': { req: { tabId: number }; res: SaveResult };
  /** popup → background: carry out a command in a tab (extension/reader-control.ts); answers the tab's state. */
  'tab/command': { req: { tabId: number; command: TabCommand }; res: PageInfo };
  /** reader → background: the highlights of an article (a reader in a page: of its own page's article only). */
  'highlights/list': { req: { article: string }; res: Highlight[] };
  /** reader → background: add or change a highlight. An article not yet saved is saved first (a
   *  reader in a page: its own page's article only, whatever the highlight names). */
  'highlights/put': { req: { highlight: Highlight }; res: { highlight: Highlight; saved: SaveResult | null } };
  /** reader → background: delete a highlight; answers it as it was (for undo), or null. */
  'highlights/remove': { req: { id: string }; res: Highlight | null };
  /** library page → background: fetch the articles imported without content; answers at once. */
  'library/fetch-pending': { req: void; res: { started: boolean } };
  /** background → offscreen document (Chrome): extract the article of fetched HTML. */
  'offscreen/extract': { req: { html: string; url: string }; res: PageCapture };
  /** background → parser page: an SVG picture being saved, sanitized where a DOM is (null: drop it). */
  'offscreen/sanitize-svg': { req: { text: string }; res: string | null };
  /** reader → background: key points of the article's sentences written by the user's chat provider
   *  (when the user allowed it for that provider's address), or the error's sentence. */
  'keypoints/write': {
    req: { sentences: string[]; count: number; lang: string | null };
    res: { ok: true; points: string[] } | { ok: false; message: string };
  };
  /** options page → background: sync the library now (in the parser page); answers the status. */
  'sync/run': { req: void; res: SyncStatus };
  /** background → parser page: run one sync with these settings (extension/sync/service.ts); `before`: the last status. */
  'offscreen/sync': { req: { config: SyncConfig; before: SyncStatus }; res: SyncStatus };
  /** page (on-device translation) → background: cached translations, null for a miss. The
   *  translation itself streams over a `runtime.connect` port named 'translate' (platform/translate/port.ts). */
  'translate/cache-get': { req: { cacheId: string; from: string; to: string; texts: string[] }; res: (string | null)[] };
  /** page (on-device translation) → background: keep these translations. */
  'translate/cache-put': {
    req: { cacheId: string; from: string; to: string; entries: { source: string; translation: string }[] };
    res: void;
  };
}

export type MessageName = keyof ProtocolMap;
export type Req<K extends MessageName> = ProtocolMap[K]['req'];
export type Res<K extends MessageName> = ProtocolMap[K]['res'];
export type Message<K extends MessageName = MessageName> = K extends MessageName ? { type: K; payload: Req<K> } : never;

function isMessage(value: unknown): value is Message {
  return !!value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
}

export function sendToBackground<K extends MessageName>(type: K, payload: Req<K>): Promise<Res<K>> {
  return browser.runtime.sendMessage({ type, payload }) as Promise<Res<K>>;
}

export function sendToTab<K extends MessageName>(tabId: number, type: K, payload: Req<K>): Promise<Res<K>> {
  return browser.tabs.sendMessage(tabId, { type, payload }) as Promise<Res<K>>;
}

export type Handlers = {
  [K in MessageName]?: (payload: Req<K>, sender: Browser.runtime.MessageSender) => Res<K> | Promise<Res<K>>;
};

// ---------------------------------------------------------------- who may send what

/**
 * Who may send a message. 'extension-page': the extension's own pages and its background (their
 * address is inside the extension); 'content-script': our scripts in a web page (the browser sets
 * `sender.tab` and the page's address); 'extension': either. A web page itself reaches none of them:
 * no `externally_connectable` is declared, so only our own contexts can message us, and a content
 * script runs in an isolated world that the page's `window.chrome`/`window.browser` do not touch.
 */
export type Caller = 'extension-page' | 'content-script' | 'extension';

/**
 * The one table of who may send each message, checked by listen() in every context: saving,
 * fetching and commands in a tab only from extension pages, so a page that took over a content
 * script still cannot save, fetch a URL or drive another tab.
 */
export const CALLERS: { readonly [K in MessageName]: Caller } = {
  'detector/result': 'content-script',
  'detector/selection': 'content-script',
  'detector/get': 'extension-page',
  'reader/info': 'extension-page',
  'reader/open': 'extension-page',
  'reader/close': 'extension-page',
  'reader/toggle': 'extension-page',
  'reader/translate': 'extension-page',
  'reader/highlight': 'extension-page',
  'page/translate': 'extension-page',
  'page/highlight': 'extension-page',
  'page/notes': 'extension-page',
  'offscreen/recognize': 'extension-page',
  'offscreen/recognize-stop': 'extension-page',
  'entities/progress': 'extension-page',
  'reader/capture': 'extension-page',
  'reader/toast': 'extension-page',
  'library/save-tab': 'extension-page',
  'tab/command': 'extension-page',
  'library/fetch-pending': 'extension-page',
  // The reader over a page asks for its own page's article only (the background checks the sender's tab).
  'highlights/list': 'extension',
  'highlights/put': 'extension',
  'highlights/remove': 'extension',
  'offscreen/extract': 'extension-page',
  'offscreen/sanitize-svg': 'extension-page',
  // Both readers: the overlay in a page and the saved-article page (like the translate port).
  'keypoints/write': 'extension',
  'sync/run': 'extension-page',
  'offscreen/sync': 'extension-page',
  // The on-device provider runs in a page: the reader script or the saved-article reader.
  'translate/cache-get': 'extension',
  'translate/cache-put': 'extension',
};

/** What the browser says a sender is (a page cannot forge these fields), or null when it is not ours. */
export function senderKind(
  sender: Pick<Browser.runtime.MessageSender, 'id' | 'url' | 'tab'> | undefined,
): 'extension-page' | 'content-script' | null {
  if (!sender || sender.id !== browser.runtime.id) return null;
  if (sender.url?.startsWith(browser.runtime.getURL('/'))) return 'extension-page';
  if (sender.tab?.id !== undefined && sender.tab.id >= 0) return 'content-script';
  return null;
}

/** May `sender` call what `caller` allows? */
export function mayCall(caller: Caller, sender: Parameters<typeof senderKind>[0]): boolean {
  const kind = senderKind(sender);
  return kind !== null && (caller === 'extension' || caller === kind);
}

/**
 * Answers the messages named in `handlers`, from the senders CALLERS allows (others get an error
 * and the handler never runs); messages not named are left to other listeners.
 */
export function listen(handlers: Handlers): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isMessage(message)) return undefined;
    const handler = handlers[message.type] as ((p: unknown, s: typeof sender) => unknown) | undefined;
    if (!handler) return undefined;
    if (!mayCall(CALLERS[message.type], sender)) {
      return Promise.reject(new Error(`${message.type} is not accepted from ${sender.url ?? 'this sender'}`));
    }
    return Promise.resolve().then(() => handler(message.payload, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

// ---------------------------------------------------------------- the tab's state, pushed

/**
 * popup → reader script, over `tabs.connect`: the page's state (PageInfo) pushed at once and after
 * every change (translation progress, the reader opened or closed, highlights) while the popup is
 * open, instead of the popup asking again and again. The popup closing only hangs up: nothing in
 * the tab stops.
 */
export const PAGE_STATE_PORT = 'page-state';

/** What we use of runtime.Port here. */
interface StatePort {
  name: string;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

const isPageInfo = (value: unknown): value is PageInfo =>
  !!value && typeof value === 'object' && typeof (value as PageInfo).isArticle === 'boolean';

/** In the popup: `onInfo` hears the state of the tab's top frame now and after each change; answers a function that hangs up. */
export function watchPageInfo(tabId: number, onInfo: (info: PageInfo) => void): () => void {
  const port = browser.tabs.connect(tabId, { name: PAGE_STATE_PORT, frameId: 0 }) as unknown as StatePort;
  port.onMessage.addListener((message) => {
    if (isPageInfo(message)) onInfo(message);
  });
  // The page went away (navigated, closed): there is nothing more to hear. Reading lastError
  // keeps Chrome from reporting it as unchecked.
  port.onDisconnect.addListener(() => void browser.runtime.lastError);
  return () => port.disconnect();
}

/**
 * In the reader script: every popup that connects gets `info()` at once, and again after each call
 * of the answered `publish` (changes in one turn of the event loop go out as one message). Stops
 * listening, and hangs up on every popup, when `signal` aborts.
 */
export function servePageInfo(info: () => PageInfo, signal: AbortSignal): () => void {
  const ports = new Set<StatePort>();
  const post = (port: StatePort, message: PageInfo) => {
    try {
      port.postMessage(message);
    } catch {
      ports.delete(port); // hung up in the meantime
    }
  };
  const onConnect = (raw: unknown) => {
    const port = raw as StatePort;
    if (port.name !== PAGE_STATE_PORT || signal.aborted) return;
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
    post(port, info());
  };
  browser.runtime.onConnect.addListener(onConnect as never);
  signal.addEventListener(
    'abort',
    () => {
      browser.runtime.onConnect.removeListener(onConnect as never);
      for (const port of ports) port.disconnect();
      ports.clear();
    },
    { once: true },
  );
  let queued = false;
  return () => {
    if (queued || !ports.size) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (!ports.size) return;
      const message = info();
      for (const port of ports) post(port, message);
    });
  };
}

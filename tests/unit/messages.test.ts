// @vitest-environment node
// Who may send what (platform/messages.ts CALLERS, checked by listen()): a web page that took over
// our content script may still not save, fetch a URL or drive a tab; the extension's own pages may.
// And the popup's commands (extension/reader-control.ts readerCommand) reach the reader script as
// the message each one means, after the script is injected.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { CALLERS, listen, type Handlers, type MessageName } from '@/platform/messages';
import { listenForTranslatePorts } from '@/background/translate-port';
import { readerCommand } from '@/extension/reader-control';
import { TRANSLATE_PORT, type PortLike } from '@/lib/translate/protocol';
import { installEnglishMessages } from './translate-helpers';

beforeEach(() => {
  fakeBrowser.reset();
  installEnglishMessages();
});

type Sender = Browser.runtime.MessageSender;
const ours = () => fakeBrowser.runtime.id;
/** Our reader script in a news page: the browser sets the tab and the page's address. */
const contentScript = (): Sender => ({
  id: ours(),
  url: 'https://news.example/a.html',
  tab: { id: 5 } as Browser.tabs.Tab,
  frameId: 0,
});
/** The popup, the library page (opened in a tab) and the background: addresses inside the extension. */
const popup = (): Sender => ({ id: ours(), url: fakeBrowser.runtime.getURL('/popup.html') });
const libraryTab = (): Sender => ({
  id: ours(),
  url: fakeBrowser.runtime.getURL('/library.html'),
  tab: { id: 9 } as Browser.tabs.Tab,
});
const background = (): Sender => ({ id: ours(), url: fakeBrowser.runtime.getURL('/background.js') });
/** A page whose address merely contains the extension's, and another extension. */
const lookalike = (): Sender => ({
  id: ours(),
  url: `https://evil.example/?${fakeBrowser.runtime.getURL('/popup.html')}`,
  tab: { id: 5 } as Browser.tabs.Tab,
});
const otherExtension = (): Sender => ({ id: 'someone-else', url: 'chrome-extension://someone-else/page.html' });

/** Delivers one message as the browser would, and says whether the handler ran and what came back. */
async function deliver(type: MessageName, sender: Sender) {
  const ran: string[] = [];
  const handlers: Handlers = { [type]: () => void ran.push(type) };
  const stop = listen(handlers);
  try {
    const answer = await fakeBrowser.runtime.onMessage.trigger({ type, payload: {} }, sender).then(
      () => 'answered',
      (err: Error) => err.message,
    );
    return { ran: ran.length > 0, answer };
  } finally {
    stop();
  }
}

const PRIVILEGED: MessageName[] = ['library/save-tab', 'tab/command', 'library/fetch-pending', 'offscreen/extract'];

describe('the background refuses what a web page could ask through a content script', () => {
  test.each(PRIVILEGED)('%s from a content script: not carried out, and the sender hears why', async (type) => {
    const { ran, answer } = await deliver(type, contentScript());
    expect(ran).toBe(false);
    expect(answer).toBe(`${type} is not accepted from https://news.example/a.html`);
  });

  test.each(PRIVILEGED)('%s from a look-alike address or another extension: not carried out', async (type) => {
    expect((await deliver(type, lookalike())).ran).toBe(false);
    expect((await deliver(type, otherExtension())).ran).toBe(false);
  });

  test.each(PRIVILEGED)('%s from the popup, the library tab and the background: carried out', async (type) => {
    for (const sender of [popup(), libraryTab(), background()]) {
      const { ran, answer } = await deliver(type, sender);
      expect(ran).toBe(true);
      expect(answer).toBe('answered');
    }
  });

  test("the translation cache serves our reader script and the saved-article page, no one else's", async () => {
    for (const type of ['translate/cache-get', 'translate/cache-put'] as const) {
      expect((await deliver(type, contentScript())).ran).toBe(true);
      expect((await deliver(type, libraryTab())).ran).toBe(true);
      expect((await deliver(type, otherExtension())).ran).toBe(false);
    }
  });

  test('the reader script obeys only the extension: a content script cannot drive another tab', async () => {
    for (const type of ['reader/open', 'reader/translate', 'page/highlight', 'reader/capture'] as const) {
      expect((await deliver(type, contentScript())).ran).toBe(false);
      expect((await deliver(type, background())).ran).toBe(true);
    }
  });

  test('every message says who may send it, and nothing that saves, fetches or drives a tab is open to content scripts', () => {
    const openToPages = (Object.keys(CALLERS) as MessageName[]).filter((k) => CALLERS[k] !== 'extension-page');
    // The highlight messages are open to the reader in a page, which the background confines to its
    // own page's article (extension/highlight-requests.ts); key points are written only by the
    // provider the user allowed for them, like the translate port's text (background/key-points.ts).
    // detector/selection only shows the selection bar on the sender's own page.
    expect(openToPages.sort()).toEqual([
      'detector/result',
      'detector/selection',
      'highlights/list',
      'highlights/put',
      'highlights/remove',
      'keypoints/write',
      'translate/cache-get',
      'translate/cache-put',
    ]);
  });
});

describe("the 'translate' port (it sends text with the user's key)", () => {
  function connect(sender: Sender | undefined) {
    const listeners: ((port: PortLike) => void)[] = [];
    Object.assign(fakeBrowser.runtime, {
      onConnect: { addListener: (l: (port: PortLike) => void) => listeners.push(l), removeListener: () => undefined },
    });
    let served = false;
    const stop = listenForTranslatePorts({
      getConfig: async () => {
        served = true;
        return null;
      },
      cache: null,
    });
    const posted: unknown[] = [];
    const port = {
      name: TRANSLATE_PORT,
      sender,
      postMessage: (m: unknown) => posted.push(m),
      disconnect: () => undefined,
      onMessage: { addListener: (l: (m: unknown) => void) => queueMicrotask(() => l({ texts: ['a'], from: 'ko', to: 'en' })) },
      onDisconnect: { addListener: () => undefined },
    };
    listeners.forEach((l) => l(port));
    return { stop, posted, served: () => served };
  }

  test('is served for our reader script, and not for a sender that is not ours', async () => {
    const mine = connect(contentScript());
    const theirs = connect(otherExtension());
    const unknown = connect(undefined);
    await vi.waitFor(() => expect(mine.posted).toHaveLength(1));
    expect(mine.served()).toBe(true);
    expect(theirs.served()).toBe(false);
    expect(unknown.served()).toBe(false);
    expect(theirs.posted).toEqual([]);
    for (const c of [mine, theirs, unknown]) c.stop();
  });
});

describe('the popup’s commands, carried out by the background', () => {
  test('the first command injects the reader (a probe finds it there after), each tells it what the command means', async () => {
    const steps: string[] = [];
    // The tab: the reader script's flag is set once the script is injected.
    let present = false;
    Object.assign(fakeBrowser.scripting, {
      executeScript: async ({ target, files, func }: { target: { tabId: number }; files?: string[]; func?: () => unknown }) => {
        if (func) return [{ frameId: 0, result: present }];
        present = true;
        steps.push(`inject ${files!.join()} into ${target.tabId}`);
        return [{ frameId: 0, result: undefined }];
      },
    });
    Object.assign(fakeBrowser.tabs, {
      sendMessage: async (tabId: number, message: { type: string; payload: unknown }) => {
        steps.push(`${message.type} ${JSON.stringify(message.payload) ?? ''} to ${tabId}`);
        return { isArticle: true };
      },
    });
    const request = { to: 'en', mode: 'side-by-side' as const };
    await readerCommand(3, { kind: 'open' });
    await readerCommand(3, { kind: 'translate', request });
    await readerCommand(3, { kind: 'page-translate', request: null });
    await readerCommand(3, { kind: 'highlight', on: true });
    await readerCommand(3, { kind: 'page-highlight', on: false });
    expect(steps).toEqual([
      'inject /content-scripts/reader.js into 3',
      'reader/open  to 3',
      `reader/translate ${JSON.stringify(request)} to 3`,
      'page/translate null to 3',
      'reader/highlight {"on":true} to 3',
      'page/highlight {"on":false} to 3',
    ]);
  });
});

// The options page's provider section, drawn from the registry: the on-device model's state and
// its Download button (with a fake of Chrome's Translator API: no model on this machine), each
// network provider's inputs, Save with the host permission asked for its origin, and the
// settings that have no input kept. (Both browsers run the page itself end to end in
// tests/e2e/tools.*.e2e.ts.)
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { Availability, TranslatorApi } from '@/lib/translate/providers/browser';
import type { ProviderRuntime } from '@/lib/translate/providers/provider';
import { ProviderSection, type Status } from '@/entrypoints/options/ProviderSection';

// Messages come back as their key and arguments (the catalogues have their own test).
vi.mock('@/platform/i18n', () => ({
  t: (key: string, ...args: unknown[]) => [key, ...args].join(' '),
  languageName: (code: string) => code,
}));
const permissions = vi.hoisted(() => ({ asked: [] as unknown[], grant: true }));
vi.mock('wxt/browser', () => ({
  browser: { permissions: { request: async (p: unknown) => (permissions.asked.push(p), permissions.grant) } },
}));
const stored = vi.hoisted(() => ({ value: null as unknown }));
vi.mock('@/platform/translate/settings', () => ({
  providerConfigItem: { getValue: async () => stored.value, setValue: async (v: unknown) => void (stored.value = v) },
}));

beforeEach(() => {
  permissions.asked = [];
  permissions.grant = true;
  stored.value = null;
  document.body.replaceChildren();
});

/** A fake Translator whose model for the pair is in `state`; create() downloads it in three steps. */
function fakeTranslator(state: Availability): TranslatorApi {
  return {
    availability: async () => state,
    create: async ({ monitor }) => {
      const listeners: ((e: { loaded: number }) => void)[] = [];
      monitor?.({ addEventListener: (_type, l) => void listeners.push(l) });
      for (const loaded of [0, 0.5, 1]) listeners.forEach((l) => l({ loaded }));
      state = 'available';
      return { translate: async (s: string) => s, destroy() {} };
    },
  };
}

async function mount(runtime: ProviderRuntime) {
  const host = document.createElement('div');
  document.body.append(host);
  let status: Status = null;
  const draw = () =>
    render(<ProviderSection target="ko" status={status} onStatus={(s) => ((status = s), draw())} runtime={runtime} />, host);
  await act(async () => draw());
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  const $ = <E extends Element = HTMLElement>(selector: string) => host.querySelector<E>(selector);
  const type = async (id: string, value: string) => {
    const input = $<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    await act(async () => void input.dispatchEvent(new Event('input', { bubbles: true })));
  };
  const click = async (selector: string) => {
    await act(async () => void $(selector)!.click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
  };
  return { host, $, type, click, status: () => host.querySelector('p.status')!.textContent };
}

test('where the browser has a translator: on-device is chosen, its model state shown, Download fetches it with progress', async () => {
  const progress: string[] = [];
  const page = await mount({ onDevice: { translator: fakeTranslator('downloadable') } });
  expect(page.$<HTMLInputElement>('#provider-browser')!.checked).toBe(true);
  expect(page.host.textContent).toContain('optionsOnDeviceDownloadable en → ko');
  expect(page.host.textContent).toContain('optionsDetectorMissing');
  // No inputs: the on-device provider has no settings.
  expect(page.host.querySelectorAll('.field input')).toHaveLength(0);
  const observer = new MutationObserver(() => {
    const label = page.$('label[for="download-progress"]');
    if (label) progress.push(label.textContent!);
  });
  observer.observe(page.host, { subtree: true, childList: true, characterData: true });
  await page.click('.actions button[type="button"]');
  observer.disconnect();
  expect(page.status()).toBe('optionsOnDeviceDone');
  expect(progress.length).toBeGreaterThan(0);
  expect(page.host.textContent).toContain('optionsOnDeviceAvailable en → ko');
  expect(page.host.textContent).not.toContain('optionsOnDeviceDownload ');
  // Saving it asks for no host permission.
  await page.click('button[type="submit"]');
  expect(permissions.asked).toEqual([]);
  expect(stored.value).toEqual({ kind: 'browser' });
});

test("without one: LibreTranslate first; its inputs as the registry describes them; Save asks for the server's origin and stores it", async () => {
  const page = await mount({ onDevice: {} });
  expect(page.$<HTMLInputElement>('#provider-libretranslate')!.checked).toBe(true);
  expect(page.host.textContent).toContain('translateNoProvider');
  const url = page.$<HTMLInputElement>('#lt-url')!;
  expect([url.type, url.required, url.placeholder, url.autocomplete]).toEqual([
    'url',
    true,
    'https://libretranslate.example.org',
    'url',
  ]);
  const key = page.$<HTMLInputElement>('#lt-key')!;
  expect([key.type, key.required, key.autocomplete]).toEqual(['password', false, 'off']);
  expect(page.$('label[for="lt-url"]')!.textContent).toBe('optionsLibreUrl');

  // Save with the address empty: the browser's own check of the required input stops it; Test says so.
  await page.click('button[type="submit"]');
  expect(permissions.asked).toEqual([]);
  await page.click('.actions button[type="button"]');
  expect(page.status()).toBe('optionsIncomplete');
  await page.type('lt-url', ' https://lt.example.org/sub/ ');
  permissions.grant = false;
  await page.click('button[type="submit"]');
  expect(page.status()).toBe('optionsPermissionDenied https://lt.example.org');
  expect(stored.value).toBeNull();
  permissions.grant = true;
  await page.click('button[type="submit"]');
  expect(permissions.asked).toEqual([{ origins: ['https://lt.example.org/*'] }, { origins: ['https://lt.example.org/*'] }]);
  expect(stored.value).toEqual({ kind: 'libretranslate', url: 'https://lt.example.org/sub/' });
  expect(page.status()).toBe('optionsSaved translateGoesTo lt.example.org');
});

test('the stored provider is shown; a setting without an input is kept; each provider keeps what was typed into it', async () => {
  stored.value = { kind: 'deepl', apiKey: 'k:fx', url: 'http://127.0.0.1:9000' };
  const page = await mount({ onDevice: {} });
  expect(page.$<HTMLInputElement>('#provider-deepl')!.checked).toBe(true);
  expect(page.$<HTMLInputElement>('#deepl-key')!.value).toBe('k:fx');
  expect(page.$('#deepl-key')!.getAttribute('aria-describedby')).toBe('deepl-key-hint');
  await page.type('deepl-key', 'other-key');
  await page.click('#provider-openai');
  expect(page.$('#deepl-key')).toBeNull();
  await page.type('oai-base', 'http://localhost:11434/v1');
  await page.click('#provider-deepl');
  expect(page.$<HTMLInputElement>('#deepl-key')!.value).toBe('other-key');
  await page.click('button[type="submit"]');
  // the host on every port: Firefox's patterns cannot name one (lib/net/host-permission.ts)
  expect(permissions.asked).toEqual([{ origins: ['http://127.0.0.1/*'] }]);
  expect(stored.value).toEqual({ kind: 'deepl', apiKey: 'other-key', url: 'http://127.0.0.1:9000' });
  await page.click('#provider-openai');
  expect(page.$<HTMLInputElement>('#oai-base')!.value).toBe('http://localhost:11434/v1');
});

// Starting Debian's Chromium and Firefox ESR with the built extension loaded. Shared by the
// end-to-end tests and `npm start`; never downloads a browser.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TEST_HOST } from './fixture-server.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const CHROME_BUILD = resolve('.output/chrome-mv3');
const FIREFOX_BUILD = resolve('.output/firefox-mv3');
/** A port nothing listens on (the discard service's, never run here): connections to it are refused. */
const CLOSED_PORT = 9;

/** Removes a throwaway browser profile; what cannot be removed now stays (it is in the temp dir). */
function removeProfile(dir) {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch {
    // A file the browser was still writing; nothing a test should fail on.
  }
}

/** Ends (SIGKILL) every process started with `dir` on its command line, where /proc lists them. */
function killProcessesOf(dir) {
  let pids = [];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return; // no /proc: the browser closes the orderly way
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
}

function need(path, what) {
  if (!existsSync(path))
    throw new Error(
      `${what} not found at ${path}. ${what.includes('build') ? 'Run `npm run build:all` first.' : 'Install it: apt-get install -y chromium firefox-esr'}`,
    );
}

/**
 * Chromium with the extension; resolves once its service worker runs. `uiLanguage` ("ko") is the
 * browser's own language, the one the extension's messages follow (`locale` is only the pages').
 * `args` are more command-line switches (a test's --proxy-server). `onlyLocal` (the tests): no host
 * but 127.0.0.1 and the fixture server's name is reached, and the others fail at once.
 * @param {{headless?: boolean, colorScheme?: 'light'|'dark', locale?: string, uiLanguage?: string, keepWelcome?: boolean, keepProfile?: boolean, args?: string[], onlyLocal?: boolean}} [options]
 */
export async function launchChromium(options = {}) {
  need(CHROMIUM, 'Chromium');
  need(join(CHROME_BUILD, 'manifest.json'), 'The Chrome build');
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'ra-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? options.uiLanguage ?? 'en-US',
    viewport: { width: 1200, height: 900 },
    // On Linux, Chromium takes its interface language from LANGUAGE.
    ...(options.uiLanguage ? { env: { ...process.env, LANGUAGE: options.uiLanguage } } : {}),
    args: [
      ...(options.uiLanguage ? [`--lang=${options.uiLanguage}`] : []),
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // The fixture server under a public-looking name (fixture-server.mjs TEST_HOST); with
      // `onlyLocal`, every other name fails at once, as on a machine with no network.
      `--host-resolver-rules=MAP ${TEST_HOST} 127.0.0.1${options.onlyLocal ? ', MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost' : ''}`,
      ...(options.args ?? []),
    ],
  });
  // The throwaway profile goes with the browser (each run left a few MB in /tmp), unless the
  // caller reads it after closing (keepProfile) and removes it itself.
  if (!options.keepProfile) {
    context.on('close', () => removeProfile(profile));
    // A throwaway profile needs no orderly shutdown: Chromium spent about 3 s of every close
    // writing it to disk first. Its processes are ended at once instead (`keepProfile` keeps the
    // orderly close, for a caller that opens the profile again).
    const close = context.close.bind(context);
    context.close = async (closeOptions) => {
      const closed = new Promise((resolve) => context.once('close', resolve));
      killProcessesOf(profile);
      // The browser may be gone before the close is sent: that is the close wanted.
      await close(closeOptions).catch(() => {});
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    };
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30000 }));
  const extensionId = new URL(worker.url()).host;
  // A fresh profile is a fresh install, so the extension opens its welcome tab. Wait for it and
  // close it: arriving late, it would otherwise become the active tab in the middle of a test.
  const isWelcome = (p) => p.url().endsWith('/welcome.html');
  const welcome =
    context.pages().find(isWelcome) ??
    (await context.waitForEvent('page', { predicate: isWelcome, timeout: 15000 }).catch(() => undefined));
  if (!options.keepWelcome) await welcome?.close();
  return { context, worker, extensionId, profile };
}

/**
 * The extension's id for the tab showing `page` (found by its URL, which the host permission lets
 * the extension see), so a test never depends on which tab happens to be active.
 * @param {import('playwright-core').Worker} worker
 * @param {import('playwright-core').Page} page
 */
export async function chromiumTabId(worker, page) {
  const url = page.url();
  for (let i = 0; i < 100; i++) {
    // The function runs in the extension's service worker, where `chrome` exists.
    const id = await worker.evaluate(async (u) => {
      // Two tabs may show the same address: the one just brought to the front, else the newest.
      // eslint-disable-next-line no-undef
      const tabs = (await chrome.tabs.query({}))
        .filter((t) => t.url === u)
        .sort((a, b) => Number(b.active) - Number(a.active) || b.id - a.id);
      return tabs[0]?.id;
    }, url);
    if (id !== undefined) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No tab shows ${url}`);
}

/**
 * Firefox ESR over WebDriver BiDi with the add-on installed (temporarily, as web-ext does).
 * `prefs` are more preferences (a test's network.proxy.*); `onlyLocal` as for Chromium.
 * @param {{headless?: boolean, prefs?: Record<string, unknown>, onlyLocal?: boolean}} [options]
 */
export async function launchFirefox(options = {}) {
  need(FIREFOX, 'Firefox ESR');
  need(join(FIREFOX_BUILD, 'manifest.json'), 'The Firefox build');
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: options.headless ?? true,
    // Lets a test reach Firefox's own window over BiDi (its chrome scope), to open and click the
    // right-click menu as a reader does (tests/e2e/firefox.e2e.ts). Pages see no difference.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // No network but 127.0.0.1: no updates, telemetry or remote settings.
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      // The fixture server under a public-looking name (fixture-server.mjs TEST_HOST), over plain
      // HTTP (the extension states its own page policy, without Firefox's default https upgrade).
      'network.dns.localDomains': TEST_HOST,
      // With `onlyLocal`, every other host goes to a proxy on a closed port and fails at once.
      // Firefox otherwise took 5 to 15 s to give up on a fixture's third-party scripts (a Korean
      // portal's head has a dozen) before the page was even parsed, with DNS answering no at once.
      ...(options.onlyLocal
        ? {
            'network.proxy.type': 1,
            'network.proxy.http': '127.0.0.1',
            'network.proxy.http_port': CLOSED_PORT,
            'network.proxy.ssl': '127.0.0.1',
            'network.proxy.ssl_port': CLOSED_PORT,
            'network.proxy.no_proxies_on': `localhost, 127.0.0.1, ${TEST_HOST}`,
          }
        : {}),
      ...options.prefs,
    },
  });
  const addonId = await browser.installExtension(FIREFOX_BUILD);
  return { browser, addonId };
}

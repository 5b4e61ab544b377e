// The page shown once, right after installation: how to pin the button (Chrome and Firefox, this
// browser's way first), the reader tried on the bundled demo article (read.html?demo, no network),
// the settings, and the other ways in (menu, shortcuts).
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Shortcuts } from '@/components/Shortcuts';
import { t, uiLanguage, type MessageKey } from '@/platform/i18n';

/** The browsers' own toolbar icons, drawn (an emoji font may be missing): the Extensions puzzle piece, the pin, the gear. */
const ICONS = {
  puzzle: 'M10 2.5a2 2 0 0 1 4 0V5h4.5v4.5H16a2 2 0 0 0 0 4h2.5V19H14v-2.5a2 2 0 0 0-4 0V19H5.5v-5.5H8a2 2 0 0 0 0-4H5.5V5H10z',
  pin: 'M15 2.5 21.5 9l-2 .8-3.6 3.6.4 4.6-1.4 1.4-4.2-4.2L5 20.9 3.1 19l5.7-5.7-4.2-4.2L6 7.7l4.6.4 3.6-3.6z',
  gear: 'M10.3 2h3.4l.5 2.6 1.8.8 2.2-1.5 2.4 2.4-1.5 2.2.8 1.8 2.6.5v3.4l-2.6.5-.8 1.8 1.5 2.2-2.4 2.4-2.2-1.5-1.8.8-.5 2.6h-3.4l-.5-2.6-1.8-.8-2.2 1.5-2.4-2.4 1.5-2.2-.8-1.8L2 13.7v-3.4l2.6-.5.8-1.8-1.5-2.2 2.4-2.4 2.2 1.5 1.8-.8zM12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7z',
} as const;

interface PinWay {
  id: 'chrome' | 'firefox';
  title: MessageKey;
  steps: [MessageKey, MessageKey];
  /** The toolbar as it looks: the button to click, then what to click next. */
  icons: [keyof typeof ICONS, keyof typeof ICONS];
}

const WAYS: PinWay[] = [
  {
    id: 'chrome',
    title: 'welcomePinChromeTitle',
    steps: ['welcomePinChromeStep1', 'welcomePinChromeStep2'],
    icons: ['puzzle', 'pin'],
  },
  {
    id: 'firefox',
    title: 'welcomePinFirefoxTitle',
    steps: ['welcomePinFirefoxStep1', 'welcomePinFirefoxStep2'],
    icons: ['puzzle', 'gear'],
  },
];

const thisBrowser: PinWay['id'] = import.meta.env.FIREFOX ? 'firefox' : 'chrome';

function Welcome() {
  useEffect(() => {
    document.title = t('welcomeTitle');
  }, []);
  const ways = [...WAYS].sort((a, b) => Number(b.id === thisBrowser) - Number(a.id === thisBrowser));
  return (
    <main class="welcome">
      <header class="welcome-head">
        <img src="/icon/96.png" alt="" width="56" height="56" />
        <h1>{t('welcomeTitle')}</h1>
      </header>
      <p class="lead">{t('welcomeIntro')}</p>

      <section aria-labelledby="pin-title" data-testid="welcome-pin">
        <h2 id="pin-title">{t('welcomePinTitle')}</h2>
        <p>{t('welcomePinWhy')}</p>
        <div class="ways">
          {ways.map((way) => (
            <article key={way.id} class={way.id === thisBrowser ? 'way current' : 'way'} data-testid={`pin-${way.id}`}>
              <h3>
                {t(way.title)}
                {way.id === thisBrowser && <span class="badge">{t('welcomePinThisBrowser')}</span>}
              </h3>
              <ol>
                {way.steps.map((step, i) => (
                  <li key={step}>
                    <span class="glyph" aria-hidden="true">
                      <svg viewBox="0 0 24 24" width="18" height="18">
                        <path d={ICONS[way.icons[i]!]} fill="currentColor" fill-rule="evenodd" />
                      </svg>
                    </span>
                    <span>{t(step)}</span>
                  </li>
                ))}
              </ol>
            </article>
          ))}
        </div>
      </section>

      <section aria-labelledby="try-title">
        <h2 id="try-title">{t('welcomeTryTitle')}</h2>
        <p>{t('welcomeTryText')}</p>
        <p>
          <a class="button primary" href="/read.html?demo" data-testid="welcome-try">
            {t('welcomeTryButton')}
          </a>
        </p>
      </section>

      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{t('welcomeSettingsTitle')}</h2>
        <p>{t('welcomeSettingsText')}</p>
        <p>
          <a
            class="button"
            href="/options.html"
            data-testid="welcome-settings"
            onClick={(e) => {
              // The browser's own settings page for the extension (a tab in Chrome, about:addons in Firefox).
              e.preventDefault();
              void browser.runtime.openOptionsPage();
            }}
          >
            {t('welcomeSettingsButton')}
          </a>
        </p>
      </section>

      <p>{t('welcomeMenu')}</p>
      <Shortcuts />
      <p class="privacy">{t('welcomePrivacy')}</p>
    </main>
  );
}

document.documentElement.lang = uiLanguage();
render(<Welcome />, document.getElementById('app')!);

// The toolbar popup: what the current tab is, and the controls for it.
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { FontSizeControl } from '@/components/FontSizeControl';
import { ArticleTools } from './ArticleTools';
import { PageZoom } from './PageZoom';
import { SavedList } from '@/components/SavedList';
import { Shortcuts } from '@/components/Shortcuts';
import { openLibraryNow } from '@/extension/library/db';
import { ThemeSelect } from '@/components/TypographyControls';
import { languageName, t, type MessageKey } from '@/platform/i18n';
import { sendToBackground, watchPageInfo, type PageInfo, type SaveResult, type TabCommand } from '@/platform/messages';
import { saveMessage } from '@/extension/save-page';
import { restrictionOf, type Restriction } from '@/lib/restricted';
import {
  FONT_STEPS,
  ZOOM_STEPS,
  fontPercent,
  loadTypography,
  nextZoom,
  saveTypography,
  siteKey,
  stepFont,
  watchTypography,
  type EffectiveTypography,
} from '@/platform/settings/typography';

const db = openLibraryNow();

type State =
  | { kind: 'loading' }
  | { kind: 'restricted'; reason: Restriction | 'reload' }
  | { kind: 'ready'; tab: Browser.tabs.Tab & { id: number }; info: PageInfo };

const RESTRICTION_TEXT: Record<Restriction | 'reload', MessageKey> = {
  browser: 'popupRestrictedBrowser',
  store: 'popupRestrictedStore',
  pdf: 'popupRestrictedPdf',
  file: 'popupRestrictedFile',
  other: 'popupRestrictedOther',
  reload: 'popupReload',
};

/**
 * Every command for the tab goes to the background, which carries it out to the end: the popup
 * closes as soon as the reader clicks the page, and whatever it was still doing would be lost.
 */
const tabCommand = (tabId: number, command: TabCommand) => sendToBackground('tab/command', { tabId, command });

/** The tab the popup speaks for: the active tab, or `?tab=ID` when opened as a page (tests). */
async function targetTab(): Promise<Browser.tabs.Tab | undefined> {
  const forced = Number(new URLSearchParams(location.search).get('tab'));
  if (forced) return browser.tabs.get(forced);
  return (await browser.tabs.query({ active: true, currentWindow: true }))[0];
}

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const readyTab = state.kind === 'ready' ? state.tab.id : null;
  // The tab's state, from an answer or pushed by the tab: an answer overtaken by a newer push is dropped.
  const onInfo = (info: PageInfo) =>
    setState((s) => (s.kind !== 'ready' || (info.revision ?? 0) < (s.info.revision ?? 0) ? s : { ...s, info }));

  useEffect(() => {
    void (async () => {
      const tab = await targetTab();
      const fileAccess = await browser.extension.isAllowedFileSchemeAccess().catch(() => false);
      const reason = restrictionOf(tab?.url, fileAccess);
      if (!tab?.id || reason) return setState({ kind: 'restricted', reason: reason ?? 'other' });
      try {
        const info = await tabCommand(tab.id, { kind: 'info' });
        setState({ kind: 'ready', tab: { ...tab, id: tab.id }, info });
      } catch {
        setState({ kind: 'restricted', reason: tab.status === 'complete' ? 'other' : 'reload' });
      }
    })();
  }, []);

  // While the popup is open the tab tells it what changes (translation progress, the reader opened
  // or closed elsewhere); closing the popup hangs up and stops nothing in the tab.
  useEffect(() => (readyTab === null ? undefined : watchPageInfo(readyTab, onInfo)), [readyTab]);

  return (
    <main class="popup">
      <h1 class="brand">{t('extName')}</h1>
      {state.kind === 'loading' && <p role="status">{t('popupLoading')}</p>}
      {state.kind === 'restricted' && (
        <p class="notice" role="status" data-testid="restricted">
          {t(RESTRICTION_TEXT[state.reason])}
        </p>
      )}
      {state.kind === 'ready' && <TabPanel tab={state.tab} info={state.info} onInfo={onInfo} />}
      <SavedList db={db} />
      <Shortcuts />
    </main>
  );
}

function TabPanel({
  tab,
  info,
  onInfo,
}: {
  tab: Browser.tabs.Tab & { id: number };
  info: PageInfo;
  onInfo: (info: PageInfo) => void;
}) {
  const site = siteKey(tab.url ?? '');
  const [typo, setTypo] = useState<EffectiveTypography | null>(null);
  const [zoom, setZoom] = useState(1);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<SaveResult | null>(null);

  const save = async () => {
    setSaving(true);
    setSaved(await sendToBackground('library/save-tab', { tabId: tab.id }));
    setSaving(false);
  };

  useEffect(() => {
    void loadTypography(site).then(setTypo);
    void browser.tabs
      .getZoom(tab.id)
      .then(setZoom)
      .catch(() => undefined);
    return watchTypography(site, setTypo);
  }, [site, tab.id]);

  const toggleReader = async () => onInfo(await tabCommand(tab.id, { kind: info.readerOpen ? 'close' : 'open' }));

  const stepPageZoom = async (direction: -1 | 0 | 1) => {
    const next = nextZoom(zoom, direction);
    // Per-tab: growing this page must not grow every page of the site.
    await browser.tabs.setZoomSettings(tab.id, { scope: 'per-tab' }).catch(() => undefined);
    await browser.tabs.setZoom(tab.id, next);
    setZoom(next);
  };

  const minutes = info.readingMinutes;
  return (
    <>
      <section class="page" aria-live="polite">
        <p class={info.isArticle ? 'status found' : 'status'} data-testid="status">
          {info.isArticle ? t('popupArticleFound') : t('popupNoArticle')}
        </p>
        {info.isArticle && (
          <>
            <h2 class="title" data-testid="title">
              {info.title}
            </h2>
            <dl class="facts">
              {info.siteName && (
                <>
                  <dt class="visually-hidden">{t('popupSite')}</dt>
                  <dd>{info.siteName}</dd>
                </>
              )}
              {info.lang && (
                <>
                  <dt class="visually-hidden">{t('popupLanguage')}</dt>
                  <dd data-testid="lang">{languageName(info.lang)}</dd>
                </>
              )}
              {minutes ? (
                <>
                  <dt class="visually-hidden">{t('popupReadingTime')}</dt>
                  <dd>{t('minutesRead', minutes)}</dd>
                </>
              ) : null}
            </dl>
          </>
        )}
      </section>
      <section class="controls">
        <div class="row buttons">
          <button type="button" class="primary" onClick={toggleReader} data-testid="toggle-reader">
            {info.readerOpen ? t('popupCloseReader') : t('popupOpenReader')}
          </button>
          <button type="button" onClick={() => void save()} disabled={saving} data-testid="save">
            {saving ? t('popupSaving') : t('popupSave')}
          </button>
        </div>
        {saved && (
          <p class={saved.ok ? 'save-result' : 'save-result error'} role="status" data-testid="save-result">
            {saveMessage(saved)}
          </p>
        )}
        {/* Two controls, two meanings: the page's own zoom, and the reader's text size (its setting for this site). */}
        <div class="row">
          <span class="row-label">{t('popupPageZoom')}</span>
          <PageZoom
            percent={Math.round(zoom * 100)}
            canShrink={zoom > ZOOM_STEPS[0]}
            canGrow={zoom < ZOOM_STEPS[ZOOM_STEPS.length - 1]!}
            onStep={(d) => void stepPageZoom(d)}
          />
        </div>
        {typo && (
          <div class="row">
            <span class="row-label">{t('popupReaderFontSize')}</span>
            <FontSizeControl
              label="popupReaderFontSize"
              percent={fontPercent(typo.value)}
              canShrink={typo.value.fontStep > 0}
              canGrow={typo.value.fontStep < FONT_STEPS.length - 1}
              onStep={(d) => void saveTypography(site, stepFont(typo.value, d), typo.perSite)}
            />
          </div>
        )}
        {typo && (
          <div class="row">
            <ThemeSelect
              value={typo.value.theme}
              onChange={(theme) => void saveTypography(site, { ...typo.value, theme }, typo.perSite)}
            />
          </div>
        )}
      </section>
      {info.isArticle && <ArticleTools tabId={tab.id} info={info} onInfo={onInfo} />}
    </>
  );
}

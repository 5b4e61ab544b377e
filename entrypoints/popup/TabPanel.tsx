// The popup's panel for the current tab: its article, open or close the reader, save, page zoom,
// the reader's text size and theme, and the article's tools. Loaded after the popup's first paint
// (App.tsx imports it lazily): nothing here is in that paint, which waits for the tab's answer.
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { FontSizeControl } from '@/components/FontSizeControl';
import { ArticleTools } from './ArticleTools';
import { PageZoom } from './PageZoom';
import { ThemeSelect } from '@/components/TypographyControls';
import { languageName, t } from '@/platform/i18n';
import { sendToBackground, type PageInfo, type SaveResult } from '@/platform/messages';
import { saveMessage } from '@/extension/save-page';
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
import { tabCommand } from './tab-command';

export function TabPanel({
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

// The reader: injected on demand into the current tab (never on every page). It extracts the
// article from a clone of the page and shows it over the page in a shadow root; the page itself
// is not touched, and closing brings it back at the same scroll position. Only "Translate page" and
// "Highlight page", when the user asks, change the page's own article text, and each puts it back.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { extract } from '@/lib/article/extract';
import type { Article } from '@/lib/article/types';
import { t } from '@/platform/i18n';
import { entitiesApi } from '@/lib/entities/api';
import { articleBlocks } from '@/lib/article/blocks';
import { highlightPage, removePageHighlights, type PageHighlights } from '@/page/entities';
import { loadHighlightSettings } from '@/platform/settings/entities';
import type { ArticleTranslation } from '@/platform/translate/controller';
import { runTranslation } from '@/platform/translate/run';
import { entityLabel } from '@/components/EntityPanel';
import { listen, sendToBackground, type PageInfo, type TranslationStatus } from '@/platform/messages';
import { loadTypography, saveTypography, siteKey, watchTypography, DEFAULT_TYPOGRAPHY, type EffectiveTypography } from '@/platform/settings/typography';
import { ReaderView, type ReaderCommand } from '@/components/ReaderView';
import css from '@/components/reader.css?inline';
import entitiesCss from '@/components/entities.css?inline';
import { showToast } from './toast';

const FLAG = '__readingAssistantReader';

/** A translation shown in the page itself: under its paragraph, set apart by a rule, in the page's own colours. */
const PAGE_TRANSLATION_CSS = `.ra-translation-side-by-side{display:block!important;border-inline-start:3px solid #0b57d0!important;padding-inline-start:.75em!important;margin-top:.35em!important;opacity:.85}`;

export default defineContentScript({
  registration: 'runtime',
  main() {
    const w = window as unknown as Record<string, unknown>;
    if (w[FLAG]) return; // Already here: a second injection must not add a second listener.
    w[FLAG] = true;

    let cache: { url: string; article: Article | null; error: string | null } | null = null;
    let overlay: { host: HTMLElement; scroll: [number, number]; focus: Element | null } | null = null;
    // The reader's tools, as the popup sees them, and the way in for its commands.
    let tools: { translation: TranslationStatus | null; highlights: boolean } = { translation: null, highlights: false };
    const commands: { current: ((command: ReaderCommand) => void) | null } = { current: null };
    // Highlights drawn in the page itself (not the reader), while they are on.
    let pageMarks: PageHighlights | null = null;
    // The page's own article translated in place: the run, what the popup shows of it, its style.
    const pageTr: { job: ArticleTranslation | null; status: TranslationStatus | null; style: HTMLStyleElement | null } = { job: null, status: null, style: null };
    const pageOriginal = () => {
      pageTr.job?.showOriginal();
      pageTr.style?.remove();
      Object.assign(pageTr, { job: null, status: null, style: null });
    };
    const pageUnhighlight = async () => {
      if (pageMarks) removePageHighlights(pageMarks, await loadEntities());
      pageMarks = null;
    };

    const article = () => {
      if (cache?.url !== location.href) {
        try {
          cache = { url: location.href, article: extract(document, location.href), error: null };
        } catch (err) {
          cache = { url: location.href, article: null, error: err instanceof Error ? err.message : String(err) };
        }
      }
      return cache;
    };

    const info = (): PageInfo => {
      const a = article().article;
      return {
        isArticle: !!a,
        readerOpen: !!overlay,
        translation: overlay ? tools.translation : null,
        highlights: !!overlay && tools.highlights,
        pageHighlights: pageMarks ? { marks: pageMarks.marks } : null,
        pageTranslation: pageTr.status,
        title: a?.title ?? document.title,
        siteName: a?.siteName ?? siteKey(location.href),
        lang: a?.lang ?? (document.documentElement.lang || null),
        readingMinutes: a?.readingMinutes ?? null,
      };
    };

    const close = () => {
      if (!overlay) return;
      const { host, scroll, focus } = overlay;
      overlay = null;
      const root = host.shadowRoot?.querySelector('.ra-mount');
      if (root) render(null, root);
      host.remove();
      document.removeEventListener('keydown', onKey, true);
      if (window.scrollX !== scroll[0] || window.scrollY !== scroll[1]) window.scrollTo(scroll[0], scroll[1]);
      if (focus instanceof HTMLElement) focus.focus({ preventScroll: true });
    };

    const onKey = (event: KeyboardEvent) => {
      if (!overlay) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close();
        return;
      }
      if (event.key === 'Tab') trapFocus(event, overlay.host.shadowRoot!);
    };

    const open = () => {
      if (overlay) return;
      const { article: a, error } = article();
      const host = document.createElement('reading-assistant-reader');
      const shadow = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = css + entitiesCss;
      const mount = document.createElement('div');
      mount.className = 'ra-mount';
      shadow.append(style, mount);
      overlay = { host, scroll: [window.scrollX, window.scrollY], focus: document.activeElement };
      document.documentElement.append(host);
      document.addEventListener('keydown', onKey, true);
      tools = { translation: null, highlights: false };
      render(<Reader article={a} error={error ? t('readerError', error) : null} onClose={close} commands={commands} onTools={(s) => (tools = s)} />, mount);
    };

    listen({
      'reader/info': () => info(),
      'reader/open': () => (open(), info()),
      'reader/close': () => (close(), info()),
      'reader/toggle': () => (overlay ? close() : open(), info()),
      'reader/translate': async (request) => {
        if (request) open();
        await settle();
        commands.current?.(request ? { kind: 'translate', ...request } : { kind: 'original' });
        await settle();
        return info();
      },
      'page/translate': async (request) => {
        pageOriginal();
        const a = article().article;
        if (request && a) {
          // Marks would be sent as emphasis and then stand over text that changed: they go first.
          await pageUnhighlight();
          const style = document.createElement('style');
          style.textContent = PAGE_TRANSLATION_CSS;
          (document.head ?? document.documentElement).append(style);
          pageTr.style = style;
          const job = await runTranslation(articleBlocks(document, a.contentHtml), a, request.to, request.mode, request.from, (update) => {
            if (pageTr.style === style) pageTr.status = update(pageTr.status);
          });
          if (pageTr.style === style) pageTr.job = job;
          else job?.showOriginal(); // "Original" came while it started
        }
        return info();
      },
      'page/highlight': async ({ on }) => {
        const a = article().article;
        if (on && !pageMarks && a) {
          // The blocks are found by their original text: a translation on the page goes first.
          pageOriginal();
          const api = await loadEntities();
          const { groups } = await loadHighlightSettings();
          // The page's own text colour may be light: marks keep a dark one on their light colours.
          pageMarks = highlightPage(document, articleBlocks(document, a.contentHtml), api, a.lang, groups, entityLabel, `${entitiesCss}\nmark.ra-ent{color:#1b1b1b!important}`);
        } else if (!on) {
          await pageUnhighlight();
        }
        return info();
      },
      'reader/highlight': async ({ on }) => {
        if (on) open();
        else if (!overlay) return info();
        await settle();
        commands.current?.({ kind: 'highlight', on });
        await settle();
        return info();
      },
      'reader/capture': () => {
        const a = article().article;
        const description = document.querySelector('meta[name="description"], meta[property="og:description"]')?.getAttribute('content');
        return { url: location.href, title: a?.title ?? document.title, excerpt: a?.excerpt ?? description?.trim() ?? null, article: a };
      },
      'reader/toast': ({ message, kind }) => showToast(message, kind),
    });
  },
});

/** Lets Preact run its effects (the reader mounts, a command's state reaches `tools`). */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The entity code, injected into this world by the background on first use. */
async function loadEntities() {
  if (!entitiesApi()) await sendToBackground('entities/load', undefined);
  const api = entitiesApi();
  if (!api) throw new Error('the entity recognizer did not load');
  return api;
}

/** Keeps Tab and Shift+Tab inside the reader while it is open. */
function trapFocus(event: KeyboardEvent, shadow: ShadowRoot) {
  const focusable = Array.from(shadow.querySelectorAll<HTMLElement>('button:not([disabled]), select, input, a[href], [tabindex="0"]'));
  if (!focusable.length) return;
  const first = focusable[0]!;
  const last = focusable[focusable.length - 1]!;
  const active = shadow.activeElement;
  if (event.shiftKey && (active === first || !active)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !active)) {
    event.preventDefault();
    first.focus();
  }
}

interface ReaderProps {
  article: Article | null;
  error: string | null;
  onClose: () => void;
  commands: { current: ((command: ReaderCommand) => void) | null };
  onTools: (state: { translation: TranslationStatus | null; highlights: boolean }) => void;
}

function Reader({ article, error, onClose, commands, onTools }: ReaderProps) {
  const site = siteKey(location.href);
  const [typo, setTypo] = useState<EffectiveTypography>({ value: DEFAULT_TYPOGRAPHY, perSite: false });
  useEffect(() => {
    void loadTypography(site).then(setTypo);
    // Changes from the popup or another tab's reader apply here at once.
    return watchTypography(site, setTypo);
  }, [site]);
  return (
    <ReaderView
      article={article}
      error={error}
      typography={typo.value}
      perSite={typo.perSite}
      site={site}
      onTypography={(value, perSite) => {
        setTypo({ value, perSite });
        void saveTypography(site, value, perSite);
      }}
      onClose={onClose}
      env={{ loadEntities }}
      commands={commands}
      onToolsChange={onTools}
    />
  );
}

// The reader script's one object in a web page. It owns the overlay (a shadow root beside <body>,
// opened and closed, Esc, focus kept inside, the scroll position and focus given back), the
// article extracted from a copy of the page (cached until the address changes), the reader session
// while the overlay is open (page/reader-session.ts: typography, translation, highlights), and what
// the user asks of the page itself: its own article translated in place, or highlighted. The
// message handlers (entrypoints/reader.content) await its methods; the popup hears its state
// pushed over a port (platform/messages.ts servePageInfo) while it is open.
//
// The page underneath is never touched by the overlay; only "Translate page" and "Highlight page"
// change the page's own article text, and each puts it back exactly.
import { extract } from '@/lib/article/extract';
import { articleBlocks } from '@/lib/article/blocks';
import type { Article } from '@/lib/article/types';
import { t } from '@/platform/i18n';
import {
  servePageInfo,
  type PageCapture,
  type PageInfo,
  type TranslateRequest,
  type TranslationStatus,
} from '@/platform/messages';
import { loadHighlightSettings, minEntityConfidence } from '@/platform/settings/entities';
import { siteKey } from '@/platform/settings/typography';
import type { ArticleTranslation } from '@/platform/translate/controller';
import { runTranslation } from '@/platform/translate/run';
import { entityLabel } from '@/components/EntityPanel';
import { runInSlices } from '@/lib/slices';
import { pageMarking, pageText, removePageHighlights, spansByBlock, startPageHighlights, type PageHighlights } from './entities';
import { backgroundHighlightStore, ReaderNotes } from './highlights';
import { liveMarkCss } from './live-highlights';
import { sanitizeToFragment } from '@/lib/article/sanitize';
import { textOf } from '@/lib/entities/dom';
import { canonicalUrl } from '@/lib/library/records';
import { ReaderSession, readReaderSettings, type ReaderSettings } from './reader-session';
import { readerEntities, type ReaderEntities } from './find-entities';
import { acceptUserInputOnly, byUser } from './trusted-events';
import { markOpening } from './open-marks';

/** Of "Highlight page"'s progress, the share that is finding the names (the rest is marking them). */
const FINDING = 0.8;

/** A translation shown in the page itself: under its paragraph, set apart by a rule, in the page's own colours. */
const PAGE_TRANSLATION_CSS = `.ra-translation-side-by-side{display:block!important;border-inline-start:3px solid #0b57d0!important;padding-inline-start:.75em!important;margin-top:.35em!important;opacity:.85}`;

export interface PageReaderOptions {
  /** Draws the reader view of `session` into `mount` (inside the overlay's shadow root); ✕ calls `close`. Answers how to take it away. */
  mountView: (session: ReaderSession, mount: HTMLElement, close: () => void) => () => void;
  /** The reader's style sheet, for the overlay's shadow root. */
  readerCss: string;
  /** The marks' style sheet (the reader has it in its own; the page gets it for "Highlight page"). */
  entitiesCss: string;
  /**
   * Draws the selection bar of the reader's own highlights on the live page into `root` (a closed
   * shadow root); `accepts` says which selections are in the article. Answers how to take it away.
   */
  mountPageNotes?: (notes: ReaderNotes, content: HTMLElement, accepts: (range: Range) => boolean, root: ShadowRoot) => () => void;
  /** The reader's entity code (default: page/find-entities.ts, the recognizer off the page). */
  entities?: ReaderEntities;
}

interface Overlay {
  host: HTMLElement;
  session: ReaderSession;
  unmount: () => void;
  /** Where the page was scrolled and what had focus, given back on close. */
  scroll: [number, number];
  focus: Element | null;
}

export class PageReader {
  readonly #options: PageReaderOptions;
  readonly #closer = new AbortController();
  readonly #publish: () => void;
  #revision = 0;
  #cache: { url: string; article: Article | null; error: string | null } | null = null;
  #overlay: Overlay | null = null;
  /** Highlights drawn in the page itself (not the reader), while they are on. */
  #pageMarks: PageHighlights | null = null;
  /** Stops the page's highlights while they are being drawn (in slices, between the page's turns). */
  #pageMarksStop: AbortController | null = null;
  /** The page's own article translated in place: the run, what the popup shows of it, its style. */
  #pageTr: { job: ArticleTranslation | null; status: TranslationStatus | null; style: HTMLStyleElement | null } = {
    job: null,
    status: null,
    style: null,
  };

  constructor(options: PageReaderOptions) {
    this.#options = options;
    this.#publish = servePageInfo(() => this.info(), this.signal);
  }

  /** Aborted by dispose(): every listener the reader added goes with it. */
  get signal(): AbortSignal {
    return this.#closer.signal;
  }

  /** The open reader's session, null while it is closed. */
  get session(): ReaderSession | null {
    return this.#overlay?.session ?? null;
  }

  /** Closes the reader and stops listening (the page's own changes stay until asked back). */
  dispose(): void {
    this.close();
    this.#closer.abort();
  }

  // ------------------------------------------------------------ what the popup sees

  info(): PageInfo {
    const a = this.#extract().article;
    const state = this.#overlay?.session.state;
    return {
      isArticle: !!a,
      readerOpen: !!this.#overlay,
      translation: state?.translation ?? null,
      highlights: !!state?.highlights.on,
      pageHighlights: this.#pageMarks ? { marks: this.#pageMarks.marks, progress: this.#pageMarks.progress } : null,
      pageTranslation: this.#pageTr.status,
      title: a?.title ?? document.title,
      siteName: a?.siteName ?? siteKey(location.href),
      lang: a?.lang ?? (document.documentElement.lang || null),
      readingMinutes: a?.readingMinutes ?? null,
      revision: this.#revision,
    };
  }

  /** The page's article (or what a bookmark needs), for saving. */
  capture(): PageCapture {
    const a = this.#extract().article;
    const description = document
      .querySelector('meta[name="description"], meta[property="og:description"]')
      ?.getAttribute('content');
    return {
      url: location.href,
      title: a?.title ?? document.title,
      excerpt: a?.excerpt ?? description?.trim() ?? null,
      article: a,
    };
  }

  // ------------------------------------------------------------ highlights on the live page

  /** The reader's own highlights on the page itself, once it has some or the user selected text. */
  #pageNotes: { notes: ReaderNotes; unmount: () => void } | null = null;

  /**
   * Draws the article's saved highlights in the page and offers the selection bar on selections in
   * the article's text (never elsewhere). Nothing of the page changes until then: the detector
   * asks for this on the first selection in an article, or when the page has highlights.
   */
  async showPageNotes(): Promise<void> {
    if (this.#pageNotes || !document.body) return;
    const a = this.#extract().article;
    if (!a) return;
    const blocks = articleBlocks(document, a.contentHtml);
    if (!blocks.length) return;
    // The article's text as the reader shows it, built in an inert document (no picture loads).
    const inert = document.implementation.createHTMLDocument('');
    const shown = inert.createElement('div');
    shown.append(inert.importNode(sanitizeToFragment(a.contentHtml), true));
    const notes = new ReaderNotes(
      document.body,
      canonicalUrl(a.canonicalUrl || a.url),
      backgroundHighlightStore,
      this.signal,
      textOf(shown).text,
    );
    const inArticle = (node: Node) => blocks.some((b) => b.contains(node));
    const accepts = (range: Range) => inArticle(range.startContainer) && inArticle(range.endContainer);
    // Beside <body>, like the overlay, so its text is never the page's; closed, so the site's
    // scripts cannot reach in, and its styles stay inside.
    const host = document.createElement('reading-assistant-notes');
    const root = host.attachShadow({ mode: 'closed' });
    acceptUserInputOnly(root);
    const style = document.createElement('style');
    style.textContent = liveMarkCss(blocks[0]!);
    document.documentElement.append(style, host);
    const unmountBar = this.#options.mountPageNotes?.(notes, document.body, accepts, root) ?? (() => undefined);
    this.#pageNotes = {
      notes,
      unmount: () => {
        unmountBar();
        host.remove();
        style.remove();
      },
    };
    this.signal.addEventListener('abort', () => this.#pageNotes?.unmount(), { once: true });
    await notes.load();
  }

  // ------------------------------------------------------------ the overlay

  /** Opens the reader over the page (once); settles when its typography and remembered choices are in. */
  async open(): Promise<void> {
    if (!this.#overlay) {
      // The remembered typography is read while the article is extracted, so the first frame is
      // drawn in it: no flash of the default theme, no second layout of the article once it comes.
      const reading = readReaderSettings(siteKey(location.href));
      const { article } = this.#extract();
      markOpening('extracted');
      const settings = await reading.then((of) => of(article?.lang ?? null)).catch(() => undefined);
      if (!this.#overlay) this.#createOverlay(settings);
    }
    await this.#overlay?.session.ready;
  }

  close(): void {
    const overlay = this.#overlay;
    if (!overlay) return;
    this.#overlay = null;
    overlay.unmount();
    // Cancels a translation under way and drops the session's listeners (Esc, settings).
    overlay.session.close();
    overlay.host.remove();
    const [x, y] = overlay.scroll;
    if (window.scrollX !== x || window.scrollY !== y) window.scrollTo(x, y);
    if (overlay.focus instanceof HTMLElement) overlay.focus.focus({ preventScroll: true });
    this.#changed();
  }

  async toggle(): Promise<void> {
    if (this.#overlay) this.close();
    else await this.open();
  }

  /** Translates the article in the reader (opening it), or with null puts its original back. */
  async translate(request: TranslateRequest | null): Promise<void> {
    if (!request) return this.session?.showOriginal();
    await this.open();
    await this.session?.translate(request.to, request.mode, request.from);
  }

  /** Entity highlights on (opening the reader) or off in the reader. */
  async highlight(on: boolean): Promise<void> {
    if (on) await this.open();
    await this.session?.setHighlights(on);
  }

  #createOverlay(settings: ReaderSettings | undefined): Overlay {
    const { article, error } = this.#extract();
    const session = new ReaderSession({
      article,
      error: error ? t('readerError', error) : null,
      site: siteKey(location.href),
      loadEntities: async () => this.#options.entities ?? readerEntities,
      signal: this.signal,
      highlightStore: backgroundHighlightStore,
      ...(settings ? { settings } : {}),
    });
    const host = document.createElement('reading-assistant-reader');
    // Open, so tests can reach inside; what a page's script dispatches in it is dropped instead.
    const shadow = host.attachShadow({ mode: 'open' });
    acceptUserInputOnly(shadow);
    const style = document.createElement('style');
    style.textContent = this.#options.readerCss + this.#options.entitiesCss;
    const mount = document.createElement('div');
    mount.className = 'ra-mount';
    shadow.append(style, mount);
    const overlay: Overlay = {
      host,
      session,
      unmount: () => undefined,
      scroll: [window.scrollX, window.scrollY],
      focus: document.activeElement,
    };
    document.documentElement.append(host);
    // Keys inside the reader are heard after the view's own (Esc closes an open popover before the
    // reader); those elsewhere (focus left on the page) on the document, before the page's.
    const onKey = (event: KeyboardEvent) => this.#onKey(event, shadow);
    const onPageKey = (event: KeyboardEvent) => !event.composedPath().includes(host) && this.#onKey(event, shadow);
    shadow.addEventListener('keydown', onKey as EventListener);
    document.addEventListener('keydown', onPageKey, true);
    // Taken off by hand rather than with addEventListener's `signal`: the page's document is
    // another world's in Firefox, and this one's signal is not one it must accept.
    session.signal.addEventListener('abort', () => document.removeEventListener('keydown', onPageKey, true), { once: true });
    // The popup hears what it shows: the translation and whether highlights are on.
    let last = session.state;
    session.subscribe((state) => {
      const changed = state.translation !== last.translation || state.highlights.on !== last.highlights.on;
      last = state;
      if (changed) this.#changed();
    });
    this.#overlay = overlay;
    overlay.unmount = this.#options.mountView(session, mount, () => this.close());
    markOpening('mounted');
    this.#changed();
    return overlay;
  }

  #onKey(event: KeyboardEvent, shadow: ShadowRoot): void {
    if (!byUser(event)) return; // a page's script cannot close the reader
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close();
    } else if (event.key === 'Tab') {
      trapFocus(event, shadow);
    }
  }

  // ------------------------------------------------------------ the page itself

  /** Translates the page's own article in place, or with null puts its original text back. */
  async translatePage(request: TranslateRequest | null): Promise<void> {
    this.#pageOriginal();
    const a = this.#extract().article;
    if (!request || !a) return;
    // Marks would be sent as emphasis and then stand over text that changed: they go first.
    await this.#pageUnhighlight();
    const style = document.createElement('style');
    style.textContent = PAGE_TRANSLATION_CSS;
    (document.head ?? document.documentElement).append(style);
    this.#pageTr.style = style;
    const job = await runTranslation(
      articleBlocks(document, a.contentHtml),
      a,
      request.to,
      request.mode,
      request.from,
      (update) => {
        if (this.#pageTr.style !== style) return;
        this.#pageTr.status = update(this.#pageTr.status);
        this.#changed();
      },
    );
    if (this.#pageTr.style === style) this.#pageTr.job = job;
    else job?.showOriginal(); // "Original" came while it started
  }

  /**
   * Entity highlights in the page's own article paragraphs, on or off; settles when they are all
   * drawn (the popup hears the progress meanwhile). Off while they are being drawn stops and takes
   * away what was drawn.
   */
  async highlightPage(on: boolean): Promise<void> {
    const a = this.#extract().article;
    if (on && !this.#pageMarks && a) {
      // The blocks are found by their original text: a translation on the page goes first.
      this.#pageOriginal();
      const [{ groups }, min] = await Promise.all([loadHighlightSettings(), minEntityConfidence()]);
      if (this.#pageMarks) return;
      // The page's own text colour may be light: marks keep a dark one on their light colours.
      const marks = startPageHighlights(
        document,
        articleBlocks(document, a.contentHtml),
        `${this.#options.entitiesCss}\nmark.ra-ent{color:#1b1b1b!important}`,
      );
      const stop = new AbortController();
      this.#pageMarks = marks;
      this.#pageMarksStop = stop;
      this.#changed();
      const progress = (share: number) => {
        marks.progress = share;
        this.#changed();
      };
      try {
        // The names are found off the page, as the reader's are (page/find-entities.ts): the page
        // only reads its blocks' text and draws the marks, in slices between its own turns.
        const { text, texts, starts } = pageText(marks.blocks);
        const entities = this.#options.entities ?? readerEntities;
        const spans = await entities.find(
          { text, lang: a.lang, min },
          { signal: stop.signal, onProgress: (share) => progress(share * FINDING) },
        );
        const perBlock = spansByBlock(spans, starts, text.length);
        await runInSlices(pageMarking(marks, texts, perBlock, groups, entityLabel), {
          signal: stop.signal,
          onProgress: (share) => progress(FINDING + share * (1 - FINDING)),
        });
      } catch (err) {
        if (stop.signal.aborted) return; // turned off: already taken away
        await this.#pageUnhighlight();
        throw err;
      } finally {
        if (this.#pageMarksStop === stop) this.#pageMarksStop = null;
      }
      this.#changed();
    } else if (!on) {
      await this.#pageUnhighlight();
    }
  }

  #pageOriginal(): void {
    if (!this.#pageTr.style && !this.#pageTr.job) return;
    this.#pageTr.job?.showOriginal();
    this.#pageTr.style?.remove();
    this.#pageTr = { job: null, status: null, style: null };
    this.#changed();
  }

  async #pageUnhighlight(): Promise<void> {
    const marks = this.#pageMarks;
    if (!marks) return;
    this.#pageMarksStop?.abort();
    this.#pageMarksStop = null;
    this.#pageMarks = null;
    removePageHighlights(marks);
    this.#changed();
  }

  // ------------------------------------------------------------ helpers

  #extract() {
    if (this.#cache?.url !== location.href) {
      try {
        this.#cache = { url: location.href, article: extract(document, location.href), error: null };
      } catch (err) {
        this.#cache = { url: location.href, article: null, error: err instanceof Error ? err.message : String(err) };
      }
    }
    return this.#cache;
  }

  /** Something the popup shows changed: it hears the new state. */
  #changed(): void {
    this.#revision++;
    this.#publish();
  }
}

/** Keeps Tab and Shift+Tab inside the reader while it is open. */
function trapFocus(event: KeyboardEvent, shadow: ShadowRoot): void {
  const focusable = Array.from(
    // (of a radio group only the chosen one takes Tab)
    shadow.querySelectorAll<HTMLElement>(
      'button:not([disabled]), select, input:not([type="radio"]), input[type="radio"]:checked, a[href], [tabindex="0"]',
    ),
  );
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

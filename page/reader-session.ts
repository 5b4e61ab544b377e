// One reader over one article: what the reader shows and everything it does to it, as a single
// object. The overlay in a web page (page/page-reader.ts) and the saved-article page
// (entrypoints/read/) each make one per article they show; the Preact view (components/ReaderView)
// renders its state and calls its methods, nothing else.
//
// It owns the article's DOM (`content`, sanitized here, placed in the view by the view), the
// typography for the article's site, the translation (start, progress, cancel, display mode, the
// original back) and the entity highlights (on, off, the kinds shown). Both undo exactly: "Show
// original" and turning highlights off put the very same nodes back.
//
// Everything it starts listening to (settings in storage) ends through one AbortSignal when it
// closes, and closing cancels a translation under way. Features still to come (read-aloud, the
// reader's own highlights and notes) hang off this object in the same way.
import type { Article } from '@/lib/article/types';
import { holdRemoteMedia, showStoredImages } from '@/lib/article/remote-media';
import { sanitizeToFragment } from '@/lib/article/sanitize';
import { enhanceArticle } from '@/lib/reader-aids/structure';
import type { EntityGroupModel } from '@/lib/entities/group';
import type { EntityGroup, EntitySpan } from '@/lib/entities/types';
import { runInSlices } from '@/lib/slices';
import { showOriginal, type DisplayMode } from '@/lib/translate/segment';
import { t, uiLanguage } from '@/platform/i18n';
import type { TranslationStatus } from '@/platform/messages';
import {
  DEFAULT_HIGHLIGHTS,
  loadHighlightSettings,
  minEntityConfidence,
  type HighlightSettings,
  saveHighlightSettings,
  setGroupEnabled as rememberGroup,
  watchHighlightSettings,
} from '@/platform/settings/entities';
import {
  DEFAULT_TYPOGRAPHY,
  loadTypography,
  type EffectiveTypography,
  saveTypography,
  watchTypography,
  type Typography,
} from '@/platform/settings/typography';
import type { ArticleTranslation } from '@/platform/translate/controller';
import { runTranslation } from '@/platform/translate/run';
import { displayMode, displayModeItem, pickTargetLanguage, targetLanguageItem } from '@/platform/translate/settings';
import { entityLabel } from '@/components/EntityPanel';
import { ReadAloud, type SpeechApi } from '@/page/read-aloud';
import { KeyPoints, type KeyPointsStore } from '@/page/key-points';
import { canonicalUrl } from '@/lib/library/records';
import { ReaderNotes, type HighlightStore } from './highlights';
import type { ReaderEntities } from './find-entities';
import { chunkLongArticle } from './reader-chunks';
import { hideFailedImages } from './failed-images';

interface HighlightState {
  on: boolean;
  loading: boolean;
  /** While loading a long article: the share done (0 to 1), once a first slice of the work has taken its turn. */
  progress: number | null;
  /** The entities found, by kind (the panel's list). */
  groups: EntityGroupModel[];
  spans: EntitySpan[];
  error: string | null;
}

/** What the view shows. A new object on every change, so a view can compare by identity. */
export interface ReaderState {
  typography: Typography;
  /** The typography is this site's own, not the default for every site. */
  perSite: boolean;
  /** The language to translate into (null until the settings are read). */
  target: string | null;
  mode: DisplayMode;
  /** Null: the original is shown. */
  translation: TranslationStatus | null;
  highlights: HighlightState;
  /** The kinds of entity shown (the legend's switches). */
  enabledGroups: EntityGroup[];
  /** The entity code, once highlights have loaded it (the panel finds mentions and quote pages with it). */
  entities: Pick<ReaderEntities, 'mentionsOf' | 'quoteUrl'> | null;
}

export interface ReaderSessionOptions {
  /** Null when there is none to show (the view says so, with `error` when there is one). */
  article: Article | null;
  error?: string | null;
  /** A line above the article (a saved bookmark, an item imported without text). */
  notice?: string | null;
  /** Whose typography applies (siteKey of the article's address); null: the default's. */
  site: string | null;
  /** The entity code, on first use (page/find-entities.ts: the recognizer runs off the page). */
  loadEntities: () => Promise<ReaderEntities>;
  /** Ends the session with its host (a page closing, the overlay's own life). */
  signal?: AbortSignal;
  /** The document the article's DOM is made in. */
  doc?: Document;
  /**
   * Remote pictures and media wait until the reader asks (the saved-article page: a saved copy
   * makes no request). Default false: the overlay in a page shows the page's own pictures.
   */
  holdRemoteMedia?: boolean;
  /** Read-aloud: where to go on from (a saved article's listening position), who hears the position, the speech API (a test's fake). */
  listening?: { start?: number; onPosition?: (index: number, total: number) => void; speech?: SpeechApi | null };
  /** The pictures a saved copy stored: address → local (blob:) URL, shown in place of the site's. */
  storedImages?: ReadonlyMap<string, string>;
  /** Where the user's own highlights and notes are kept; none: the reader offers none. */
  highlightStore?: HighlightStore;
  /** Where a saved article keeps its key points; none: they are made again in each reader. */
  keyPointsStore?: KeyPointsStore;
  /** The settings, already read (readReaderSettings): the view's first render is in them. Else the session reads them. */
  settings?: ReaderSettings;
}

/** What the reader remembers: read before the view is drawn, its first frame is in the user's typography. */
export interface ReaderSettings {
  typography: EffectiveTypography;
  highlights: HighlightSettings;
  target: string;
  mode: DisplayMode;
}

/**
 * Reads the reader's settings for `site`; the answer gives them for an article's language (the
 * target is never the article's own). The overlay starts this before extracting the article, so the
 * reads are answered while it extracts.
 */
export async function readReaderSettings(site: string | null): Promise<(articleLang: string | null) => ReaderSettings> {
  const [typography, highlights, stored, mode] = await Promise.all([
    loadTypography(site),
    loadHighlightSettings(),
    targetLanguageItem.getValue(),
    displayMode(),
  ]);
  return (articleLang) => ({ typography, highlights, mode, target: pickTargetLanguage(stored, uiLanguage(), articleLang) });
}

const NO_HIGHLIGHTS: HighlightState = { on: false, loading: false, progress: null, groups: [], spans: [], error: null };
// Of a highlighting's progress, the share that is finding the entities (the rest is marking them).
const FINDING = 0.8;

export class ReaderSession {
  readonly article: Article | null;
  readonly error: string | null;
  readonly notice: string | null;
  readonly site: string | null;
  /** The article as the reader shows it (`.ra-content`); translation and highlights change it in place. */
  readonly content: HTMLElement | null;
  /** Its headline (`h1.ra-title`), placed by the view like `content`: a translation changes it too. */
  readonly title: HTMLElement | null;
  /** How many pictures and media wait for the reader to ask for them (0 unless `holdRemoteMedia`). */
  readonly heldMedia: number;
  /** Settles once the typography and the remembered choices are read (the first paint should wait for it). */
  readonly ready: Promise<void>;
  /** The user's own highlights and notes (page/highlights.ts), when the host keeps them. */
  readonly notes: ReaderNotes | null;

  #state: ReaderState = {
    typography: DEFAULT_TYPOGRAPHY,
    perSite: false,
    target: null,
    mode: 'side-by-side',
    translation: null,
    highlights: NO_HIGHLIGHTS,
    enabledGroups: DEFAULT_HIGHLIGHTS.groups,
    entities: null,
  };
  readonly #listeners = new Set<(state: ReaderState) => void>();
  readonly #closer = new AbortController();
  readonly #loadEntities: () => Promise<ReaderEntities>;
  #entities: ReaderEntities | null = null;
  #job: ArticleTranslation | null = null;
  /** Counts translation starts: an answer for an older one (cancelled, replaced) is dropped. */
  #run = 0;
  #highlighting: Promise<void> | null = null;
  /** Stops the highlighting under way (finding entities, or marking them), which runs in slices between the page's turns. */
  #stopHighlighting: AbortController | null = null;
  readonly #listening: ReaderSessionOptions['listening'];
  #readAloud: ReadAloud | null = null;
  #keyPoints: KeyPoints | null = null;
  readonly #keyPointsStore: KeyPointsStore | undefined;

  constructor(options: ReaderSessionOptions) {
    this.article = options.article;
    this.error = options.error ?? null;
    this.notice = options.notice ?? null;
    this.site = options.site;
    this.#loadEntities = options.loadEntities;
    this.#listening = options.listening;
    this.#keyPointsStore = options.keyPointsStore;
    if (options.settings) this.#state = { ...this.#state, ...stateOf(options.settings) };
    if (options.signal) {
      if (options.signal.aborted) this.close();
      else options.signal.addEventListener('abort', () => this.close(), { once: true, signal: this.signal });
    }
    const doc = options.doc ?? document;
    if (this.article) {
      const content = doc.createElement('div');
      content.className = 'ra-content';
      // Sanitized here, where it is shown, even when it was sanitized before: a copy stored by an
      // older version must not be trusted.
      const fragment = sanitizeToFragment(this.article.contentHtml);
      if (options.storedImages) showStoredImages(fragment, options.storedImages);
      // Set aside while the nodes are still inert: in `doc` a picture would start loading.
      this.heldMedia = options.holdRemoteMedia ? holdRemoteMedia(fragment, { label: t('imageNotStored') }) : 0;
      hideFailedImages(content, this.signal);
      content.append(fragment);
      // Reading aids: captions, subheadings, pull quotes, tables and typed lists styled as such.
      enhanceArticle(content, { tableLabel: t('aidsTable') });
      // Thousands of blocks: laid out only near the screen (page/reader-chunks.ts).
      chunkLongArticle(content);
      this.content = content;
      this.title = doc.createElement('h1');
      this.title.className = 'ra-title';
      this.title.textContent = this.article.title;
    } else {
      this.content = null;
      this.title = null;
      this.heldMedia = 0;
    }
    this.notes =
      this.content && this.article && options.highlightStore
        ? new ReaderNotes(
            this.content,
            canonicalUrl(this.article.canonicalUrl || this.article.url),
            options.highlightStore,
            this.signal,
          )
        : null;
    void this.notes?.load();
    // Unreadable settings leave the defaults: the article is still shown.
    this.ready = this.#start(options.settings).catch((err: unknown) => console.warn('Reader settings could not be read:', err));
  }

  /** Aborted when the session closes: whatever the session or its host adds listens with it. */
  get signal(): AbortSignal {
    return this.#closer.signal;
  }

  get closed(): boolean {
    return this.signal.aborted;
  }

  get state(): ReaderState {
    return this.#state;
  }

  /** Calls `listener` with the new state on every change until the session closes; answers a function that stops it sooner. */
  subscribe(listener: (state: ReaderState) => void): () => void {
    if (this.closed) return () => undefined;
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops what runs (a translation under way), every listener and watcher. The article's DOM stays as it is. */
  close(): void {
    if (this.closed) return;
    this.#run++;
    this.#job?.cancel();
    this.#job = null;
    this.#stopHighlighting?.abort();
    this.#listeners.clear();
    this.#closer.abort();
  }

  // ------------------------------------------------------------ read-aloud

  /** The article read aloud (made on first use; null without an article). Stops when the session closes. */
  get readAloud(): ReadAloud | null {
    const { content, article } = this;
    if (!content || !article) return null;
    return (this.#readAloud ??= new ReadAloud({
      content,
      lang: article.lang,
      signal: this.signal,
      // Placed by the view: the title above the article, the reader's scrolling box.
      title: () => content.closest('.ra-article')?.querySelector('.ra-title') ?? null,
      scroller: () => content.closest<HTMLElement>('.ra-root'),
      ...this.#listening,
    }));
  }

  /** The article's key points (made on demand, kept while the reader is open; null without an article). */
  get keyPoints(): KeyPoints | null {
    const { content, article } = this;
    if (!content || !article) return null;
    return (this.#keyPoints ??= new KeyPoints({
      content,
      lang: article.lang,
      signal: this.signal,
      ...(this.#keyPointsStore ? { store: this.#keyPointsStore } : {}),
      // Points that come while a translation is shown are translated too: the article again, from
      // the translation cache, with the points in.
      onPoints: () => {
        const tr = this.#state.translation;
        if (tr && tr.state !== 'error') void this.translate(tr.to, this.#state.mode);
      },
    }));
  }

  // ------------------------------------------------------------ typography

  setTypography(value: Typography, perSite: boolean): void {
    this.#update({ typography: value, perSite });
    void saveTypography(this.site, value, perSite);
  }

  // ------------------------------------------------------------ translation

  /** Translates the article into `to` (from `from` when the user chose it); settles once the run has started or said why it could not. */
  async translate(to: string, mode: DisplayMode, from?: string): Promise<void> {
    await this.ready;
    const { content, article } = this;
    if (!content || !article || this.closed) return;
    this.showOriginal();
    // The user's highlights step aside while a translation is shown (notes: page/highlights.ts).
    this.notes?.lift('translation');
    // Marks would be sent as emphasis and then stand over text that changed: highlights go first.
    if (this.#state.highlights.on || this.#state.highlights.loading) void this.#unhighlight();
    const run = ++this.#run;
    this.#update({ target: to, mode });
    // The headline too: "translation only" must leave nothing in the original language; and the
    // key points when they are shown.
    const points = this.#keyPoints?.state.result ? this.#keyPoints.list : null;
    const roots = [this.title, points, content].filter((r): r is HTMLElement => r !== null);
    const job = await runTranslation(roots, article, to, mode, from, (change) => {
      if (run === this.#run) this.#update({ translation: change(this.#state.translation) });
    });
    if (run === this.#run) this.#job = job;
    else job?.cancel(); // cancelled, closed or replaced while it started
  }

  /** Stops asking for more; what is translated stays shown. */
  cancelTranslation(): void {
    this.#run++;
    this.#job?.cancel();
    this.#job = null;
    const tr = this.#state.translation;
    if (tr?.state === 'running') this.#update({ translation: { ...tr, state: 'error', message: t('translateCancelled') } });
  }

  /** Shows what is translated in the other mode, without asking again; remembered for the next article. */
  setMode(mode: DisplayMode): void {
    this.#update({ mode });
    this.#job?.setMode(mode);
    void displayModeItem.setValue(mode);
  }

  /** The language the next Translate asks for (the choice is remembered by the select itself). */
  setTarget(to: string): void {
    this.#update({ target: to });
  }

  /** Stops the translation and puts the original article back exactly. */
  showOriginal(): void {
    this.#run++;
    this.#job?.showOriginal();
    this.#job = null;
    if (this.content) showOriginal(this.content);
    if (this.title) showOriginal(this.title);
    if (this.#keyPoints) showOriginal(this.#keyPoints.list);
    this.notes?.restore('translation');
    if (this.#state.translation) this.#update({ translation: null });
  }

  // ------------------------------------------------------------ entity highlights

  /**
   * Highlights on or off; `remember` (default) keeps the choice for the next article. Settles when
   * they are drawn (or failed, or stopped). Off while they are being found stops that work and
   * takes away the marks made so far: the text is as it was.
   */
  setHighlights(on: boolean, remember = true): Promise<void> {
    if (remember) void loadHighlightSettings().then((s) => saveHighlightSettings({ ...s, on }));
    if (!on) return this.#unhighlight(true);
    // Asked twice (the remembered choice and the popup at once): one recognition.
    if (!this.#highlighting) {
      const run = this.#highlight().finally(() => {
        if (this.#highlighting === run) this.#highlighting = null;
      });
      this.#highlighting = run;
    }
    return this.#highlighting;
  }

  /** Shows or hides one kind of entity, and remembers it (every open reader follows). */
  async setGroupEnabled(group: EntityGroup, on: boolean): Promise<void> {
    const settings = await rememberGroup(group, on);
    this.#applyGroups(settings.groups);
  }

  async #highlight(): Promise<void> {
    await this.ready;
    const { content, article } = this;
    if (!content || !article || this.closed || this.#state.highlights.on) return;
    this.#update({ highlights: { ...NO_HIGHLIGHTS, loading: true } });
    const stop = new AbortController();
    this.#stopHighlighting = stop;
    try {
      const api = (this.#entities ??= await this.#loadEntities());
      // Closed, turned off or a translation started while the recognizer loaded: nothing to draw.
      if (this.closed || stop.signal.aborted || !this.#state.highlights.loading) return;
      // A translation shown beside the original would be read as part of the article: back to it first.
      if (this.#state.translation) this.showOriginal();
      // In slices, with the page's turns between them: a long article never holds the page.
      this.notes?.lift('entities');
      // Names as sure as the user asked for (the options page: "show less certain ones too").
      const min = await minEntityConfidence();
      // The article's text read in slices; the names found off the page (page/find-entities.ts).
      const { text } = await runInSlices(api.textMapping(content), { signal: stop.signal });
      const spans = await api.find(
        { text, lang: article.lang, min },
        { signal: stop.signal, onProgress: (share) => this.#progress(share * FINDING) },
      );
      await this.#draw(spans, stop.signal, (share) => this.#progress(FINDING + share * (1 - FINDING)));
      // The panel's entries: tens of thousands of mentions counted, in slices too.
      const groups = await runInSlices(api.grouping(spans), { signal: stop.signal });
      this.#update({
        highlights: { on: true, loading: false, progress: null, groups, spans, error: null },
        entities: api,
      });
    } catch (err) {
      // Stopped: #unhighlight has put the text back already.
      if (!this.closed && !stop.signal.aborted)
        this.#update({
          highlights: { ...NO_HIGHLIGHTS, error: t('entityLoadFailed', err instanceof Error ? err.message : String(err)) },
        });
    } finally {
      if (this.#stopHighlighting === stop) this.#stopHighlighting = null;
      this.notes?.restore('entities');
    }
  }

  #progress(share: number): void {
    const h = this.#state.highlights;
    // The view shows whole percents: a share that shows the same number is not drawn again (each
    // drawing restyles the reader, which on a 20,000-paragraph article took 50-70 ms a time).
    if (h.loading && (h.progress === null || Math.round(share * 100) !== Math.round(h.progress * 100)))
      this.#update({ highlights: { ...h, progress: share } });
  }

  /** Marks `spans` of the enabled kinds in slices; `signal` stops it between two (the caller takes the marks away). */
  async #draw(spans: EntitySpan[], signal: AbortSignal, onProgress?: (share: number) => void): Promise<void> {
    if (!this.content || !this.#entities) return;
    const steps = this.#entities.highlighting(this.content, spans, this.#state.enabledGroups, { label: entityLabel });
    await runInSlices(steps, { signal, onProgress });
  }

  /**
   * Stops highlighting and takes the marks away: at once (before a translation, on closing), or
   * `sliced` as the user's Off does (tens of thousands of marks would hold the page); what is left
   * of a sliced removal goes at once when a translation or a new highlighting comes meanwhile. The
   * state (and the panel's column) goes after the marks: laying the article out again while it
   * still holds them would hold the page.
   */
  async #unhighlight(sliced = false): Promise<void> {
    this.#stopHighlighting?.abort();
    this.#stopHighlighting = null;
    this.#highlighting = null;
    const { content } = this;
    const api = this.#entities;
    if (content && api) {
      this.notes?.lift('entities');
      if (sliced) await runInSlices(api.removing(content));
      else api.removeHighlights(content);
      this.notes?.restore('entities');
    }
    if (this.#state.highlights !== NO_HIGHLIGHTS) this.#update({ highlights: NO_HIGHLIGHTS });
  }

  #applyGroups(groups: EntityGroup[]): void {
    const current = this.#state.enabledGroups;
    if (groups.length === current.length && groups.every((g, i) => g === current[i])) return;
    this.#update({ enabledGroups: groups });
    if (!this.#state.highlights.on) return;
    // Drawn again with the kinds now shown; a redraw under way gives way to this one.
    this.#stopHighlighting?.abort();
    const stop = new AbortController();
    this.#stopHighlighting = stop;
    this.notes?.lift('entities');
    this.#draw(this.#state.highlights.spans, stop.signal)
      .catch((err: unknown) => {
        if (!stop.signal.aborted) console.warn('Highlights could not be drawn again:', err);
      })
      .finally(() => {
        if (this.#stopHighlighting === stop) this.#stopHighlighting = null;
        this.notes?.restore('entities');
      });
  }

  // ------------------------------------------------------------ state

  async #start(given?: ReaderSettings): Promise<void> {
    const settings = given ?? (await readReaderSettings(this.site))(this.article?.lang ?? null);
    if (this.closed) return;
    if (!given) this.#update(stateOf(settings));
    const { highlights } = settings;
    // Changes from the popup, the options or another tab's reader apply here at once.
    const unwatchTypography = watchTypography(this.site, (next) =>
      this.#update({ typography: next.value, perSite: next.perSite }),
    );
    const unwatchHighlights = watchHighlightSettings((next) => this.#applyGroups(next.groups));
    this.signal.addEventListener('abort', () => (unwatchTypography(), unwatchHighlights()), { once: true });
    // Highlights the reader had on last time come back.
    if (highlights.on && this.article) void this.setHighlights(true, false);
  }

  #update(patch: Partial<ReaderState>): void {
    if (this.closed) return;
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener(this.#state);
  }
}

function stateOf({ typography, highlights, target, mode }: ReaderSettings): Partial<ReaderState> {
  return { typography: typography.value, perSite: typography.perSite, enabledGroups: highlights.groups, target, mode };
}

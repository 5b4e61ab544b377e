// The reader's own highlights and notes over one article: the manager the reader session hangs it
// on (`session.notes`). It loads the article's highlights from a store (the background, for the
// reader over a page; the library itself, for the saved-article page), places each one again in
// the reader's text (lib/annotations/anchor.ts), draws them as <mark>s (lib/annotations/draw.ts),
// and adds, changes and removes them, with an undo of the last removal. A highlight that can no
// longer be placed stays in the list as an orphan with its text.
//
// The marks step aside (`lift`) while something else changes the article's DOM (a translation,
// entity marks) and come back after (`restore`), so neither corrupts the other. While a
// translation is shown the text is not the article's own: nothing is drawn or made then.
import { anchor, describe, describeRange, type Anchored } from '@/lib/annotations/anchor';
import { drawHighlights, eraseHighlights, marksOf } from '@/lib/annotations/draw';
import { MAX_NOTE, newHighlightId, type Highlight, type HighlightColor } from '@/lib/annotations/highlight';
import { textOf } from '@/lib/entities/dom';
import { sendToBackground, type SaveResult } from '@/platform/messages';
import { t } from '@/platform/i18n';

/** Where highlights are kept: the library, directly or through the background. */
export interface HighlightStore {
  list(article: string): Promise<Highlight[]>;
  put(highlight: Highlight): Promise<{ highlight: Highlight; saved: SaveResult | null }>;
  remove(id: string): Promise<Highlight | null>;
}

/** The reader over a web page keeps them through the background (which confines it to its page's article). */
export const backgroundHighlightStore: HighlightStore = {
  list: (article) => sendToBackground('highlights/list', { article }),
  put: (highlight) => sendToBackground('highlights/put', { highlight }),
  remove: (id) => sendToBackground('highlights/remove', { id }),
};

export interface NoteItem {
  highlight: Highlight;
  /** Null: an orphan (its text is no longer in the article). */
  placed: Anchored | null;
}

export interface NotesState {
  /** In the order of the text; orphans last. */
  items: NoteItem[];
  loaded: boolean;
  /** The last failure, as a sentence (nothing was lost). */
  error: string | null;
  /** The highlight just removed, which Undo brings back. */
  removed: Highlight | null;
  /** What the last write said (the article was saved with the first highlight). */
  saved: SaveResult | null;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export class ReaderNotes {
  readonly #content: HTMLElement;
  readonly #article: string;
  readonly #store: HighlightStore;
  readonly #listeners = new Set<(state: NotesState) => void>();
  #state: NotesState = { items: [], loaded: false, error: null, removed: null, saved: null };
  /** The changes of the DOM under way (a translation, entity marks): the marks are off until the last one ends. */
  readonly #aside = new Set<string>();
  /** On the live page: the article's text as the reader shows it, which selectors describe. */
  readonly #articleText: string | null;

  /**
   * `articleText`: the marks are in a page that holds the article among other things (the live
   * page); a selection there is described against the article's own text, so it is found again in
   * the reader and the saved copy, and one outside the article makes no highlight.
   */
  constructor(content: HTMLElement, article: string, store: HighlightStore, signal: AbortSignal, articleText?: string) {
    this.#content = content;
    this.#article = article;
    this.#store = store;
    this.#articleText = articleText ?? null;
    signal.addEventListener('abort', () => this.#listeners.clear(), { once: true });
  }

  get state(): NotesState {
    return this.#state;
  }

  get article(): string {
    return this.#article;
  }

  subscribe(listener: (state: NotesState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Reads the article's highlights and draws them. */
  async load(): Promise<void> {
    try {
      const list = await this.#store.list(this.#article);
      this.#set(list, { loaded: true, error: null });
    } catch (err) {
      this.#update({ loaded: true, error: t('highlightsLoadFailed', message(err)) });
    }
  }

  /** Whether highlights can be made and drawn now (not while a translation changes the text). */
  get active(): boolean {
    return this.#aside.size === 0;
  }

  /** Takes the marks away while `change` (a name) changes the article's DOM; again for the same change does nothing. */
  lift(change: string): void {
    if (this.#aside.has(change)) return;
    this.#aside.add(change);
    if (this.#aside.size === 1) eraseHighlights(this.#content);
  }

  /** `change` is over: once no other is under way the marks come back (placed again in the text as it now is). */
  restore(change: string): void {
    if (!this.#aside.delete(change) || this.#aside.size) return;
    this.#set(this.#state.items.map((i) => i.highlight));
  }

  /** Makes a highlight of the selected range (null: it holds no text of the article). */
  async add(range: Range, color: HighlightColor, note = ''): Promise<Highlight | null> {
    if (!this.active) return null;
    let selectors = describeRange(this.#content, range);
    if (selectors && this.#articleText !== null) {
      const inArticle = anchor(this.#articleText, selectors);
      const exact = selectors[0].exact;
      selectors =
        inArticle && this.#articleText.slice(inArticle.start, inArticle.end) === exact
          ? describe(this.#articleText, inArticle.start, inArticle.end)
          : null;
    }
    if (!selectors) return null;
    const now = Date.now();
    const highlight: Highlight = {
      id: newHighlightId(),
      article: this.#article,
      selectors,
      color,
      note: note.slice(0, MAX_NOTE),
      createdAt: now,
      updatedAt: now,
    };
    return this.#write(highlight);
  }

  /** Changes a highlight's colour or note. */
  update(id: string, change: { color?: HighlightColor; note?: string }): Promise<Highlight | null> {
    const item = this.#state.items.find((i) => i.highlight.id === id);
    if (!item) return Promise.resolve(null);
    const note = change.note === undefined ? item.highlight.note : change.note.slice(0, MAX_NOTE);
    return this.#write({ ...item.highlight, ...change, note, updatedAt: Date.now() });
  }

  async remove(id: string): Promise<void> {
    try {
      const gone = await this.#store.remove(id);
      this.#set(
        this.#state.items.map((i) => i.highlight).filter((h) => h.id !== id),
        { removed: gone, error: null },
      );
    } catch (err) {
      this.#update({ error: t('highlightFailed', message(err)) });
    }
  }

  /** Brings back the highlight just removed. */
  async undoRemove(): Promise<void> {
    const gone = this.#state.removed;
    if (!gone) return;
    this.#update({ removed: null });
    await this.#write(gone);
  }

  /** The marks that draw a highlight, in document order (none for an orphan or while lifted). */
  marks(id: string): HTMLElement[] {
    return marksOf(this.#content, id);
  }

  /** The highlights drawn at a mark (the topmost last). */
  idsAt(mark: Element): string[] {
    return (mark.getAttribute('data-hl') ?? '').split(' ').filter(Boolean);
  }

  async #write(highlight: Highlight): Promise<Highlight | null> {
    try {
      const { highlight: stored, saved } = await this.#store.put(highlight);
      const others = this.#state.items.map((i) => i.highlight).filter((h) => h.id !== stored.id);
      this.#set([...others, stored], { error: null, saved, removed: null });
      return stored;
    } catch (err) {
      this.#update({ error: t('highlightFailed', message(err)) });
      return null;
    }
  }

  /** Places every highlight in the text as it is now, draws the placed ones, and publishes the list. */
  #set(list: Highlight[], patch: Partial<NotesState> = {}): void {
    // No highlights: the article's text is not read (on a long article that is a long task).
    const text = this.active && list.length ? textOf(this.#content).text : null;
    const items: NoteItem[] = list.map((highlight) => {
      const old = this.#state.items.find((i) => i.highlight.id === highlight.id);
      // While lifted, a highlight keeps the place it had.
      const placed = text === null ? (old?.placed ?? null) : anchor(text, highlight.selectors);
      return { highlight, placed };
    });
    const order = (i: NoteItem) => (i.placed ? i.placed.start : Number.MAX_SAFE_INTEGER);
    items.sort((a, b) => order(a) - order(b) || a.highlight.createdAt - b.highlight.createdAt);
    if (this.active) {
      // Drawn in the order they were made: a later highlight over an earlier one shows its colour.
      const drawn = items
        .filter((i) => i.placed)
        .sort((a, b) => a.highlight.createdAt - b.highlight.createdAt)
        .map((i) => ({ id: i.highlight.id, start: i.placed!.start, end: i.placed!.end, color: i.highlight.color }));
      drawHighlights(this.#content, drawn);
    }
    this.#update({ ...patch, items });
  }

  #update(patch: Partial<NotesState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener(this.#state);
  }
}

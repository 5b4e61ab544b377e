// The reader's own highlights and notes on screen: a small bar over a selection (highlight in four
// colours, note, copy, remove), the same bar for a highlight that is clicked, a side panel (a
// drawer on narrow screens) that lists the article's highlights and notes in order, and a status
// line (saved, deleted with Undo, errors). It renders page/highlights.ts (ReaderNotes) and calls
// its methods; the marks themselves are drawn by the manager. Styles: components/highlights.css.
import { useEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/annotations/highlight';
import type { NoteItem, NotesState, ReaderNotes } from '@/page/highlights';
import { t, type MessageKey } from '@/platform/i18n';
import { useStore } from './useStore';

const COLOR_KEY: Record<HighlightColor, MessageKey> = {
  yellow: 'highlightYellow',
  green: 'highlightGreen',
  blue: 'highlightBlue',
  pink: 'highlightPink',
};

/** The selection inside `within` as a live Range (a shadow root's selection included), or null. */
function selectionIn(within: Node): Range | null {
  const sel = within.ownerDocument?.getSelection();
  if (!sel) return null;
  const root = within.getRootNode();
  let found: AbstractRange | null = null;
  const composed = (sel as Selection & { getComposedRanges?: (o: { shadowRoots: ShadowRoot[] }) => StaticRange[] })
    .getComposedRanges;
  if (root instanceof ShadowRoot && composed) found = composed.call(sel, { shadowRoots: [root] })[0] ?? null;
  else if (sel.rangeCount) found = sel.getRangeAt(0);
  if (!found || found.collapsed) return null;
  const range = within.ownerDocument!.createRange();
  range.setStart(found.startContainer, found.startOffset);
  range.setEnd(found.endContainer, found.endOffset);
  return within.contains(range.commonAncestorContainer) ? range : null;
}

type Bar =
  | { kind: 'selection'; range: Range; top: number; left: number; below: number }
  | { kind: 'highlight'; id: string; top: number; left: number; below: number };

const BAR_WIDTH = 400;

/** Where the bar goes: above the selection when there is room, else below; `below` is for the
 *  taller note form, which must not cover the passage it is about. */
function barPlace(rect: DOMRect): { top: number; left: number; below: number } {
  const left = Math.max(8, Math.min(rect.left + rect.width / 2 - BAR_WIDTH / 2, window.innerWidth - BAR_WIDTH - 8));
  const top = rect.top > 60 ? rect.top - 48 : rect.bottom + 8;
  return { top, left, below: Math.max(8, Math.min(rect.bottom + 8, window.innerHeight - 190)) };
}

export interface ReaderHighlightsProps {
  notes: ReaderNotes;
  /** The article element the marks are in. */
  content: HTMLElement;
  /** A translation is shown: highlights step aside. */
  translated: boolean;
  /** The panel is open (the toolbar's Highlights and notes tool), and what closes it. */
  panel: boolean;
  onClosePanel: () => void;
  /** Which selections bring the bar (the live page: those in the article's text only); default all in `content`. */
  accepts?: (range: Range) => boolean;
  /** Where no toolbar opens the panel (the live page): the bar offers it. */
  onOpenPanel?: () => void;
}

export function ReaderHighlights({
  notes,
  content,
  translated,
  panel,
  onClosePanel,
  accepts,
  onOpenPanel,
}: ReaderHighlightsProps) {
  const state = useStore(notes);
  const [bar, setBar] = useState<Bar | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const barRef = useRef<HTMLDivElement>(null);
  const pointerDown = useRef(false);

  // A selection in the article (made with the mouse, or the keyboard) brings the bar.
  useEffect(() => {
    const doc = content.ownerDocument;
    const controller = new AbortController();
    const { signal } = controller;
    const check = (fromKeyboard: boolean) => {
      if (pointerDown.current || translated) return;
      const found = selectionIn(content);
      const range = found && (!accepts || accepts(found)) ? found : null;
      if (!range) {
        // (a shadow root knows its own focused element; the document only sees the overlay's host)
        const focused = (content.getRootNode() as Document | ShadowRoot).activeElement;
        setBar((b) => (b?.kind === 'selection' && !barRef.current?.contains(focused) ? null : b));
        return;
      }
      setEditing(null);
      setBar({ kind: 'selection', range, ...barPlace(range.getBoundingClientRect()) });
      if (fromKeyboard) requestAnimationFrame(() => barRef.current?.querySelector('button')?.focus());
    };
    doc.addEventListener('selectionchange', () => check(false), { signal });
    content.addEventListener('pointerdown', () => (pointerDown.current = true), { signal });
    doc.addEventListener(
      'pointerup',
      () => {
        if (!pointerDown.current) return;
        pointerDown.current = false;
        // After the browser has settled the selection.
        setTimeout(() => check(false), 0);
      },
      { signal },
    );
    content.addEventListener('keyup', (e) => e.shiftKey && check(true), { signal });
    // A click on a highlight (with nothing selected) brings the bar for it.
    content.addEventListener(
      'click',
      (e) => {
        const mark = (e.target as Element).closest?.('mark.ra-hl');
        if (!mark || selectionIn(content)) return;
        const ids = notes.idsAt(mark);
        const id = ids[ids.length - 1];
        if (id) setBar({ kind: 'highlight', id, ...barPlace(mark.getBoundingClientRect()) });
      },
      { signal },
    );
    // A selection made before the bar was here (the live page's first one, which brought it).
    check(false);
    return () => controller.abort();
  }, [content, notes, translated, accepts]);

  useEffect(() => {
    if (translated) setBar(null);
  }, [translated]);

  const closeBar = () => {
    setBar(null);
    setEditing(null);
  };

  const current = bar?.kind === 'highlight' ? state.items.find((i) => i.highlight.id === bar.id) : undefined;

  const apply = async (color: HighlightColor, note?: string) => {
    if (!bar) return;
    if (bar.kind === 'selection') {
      const made = await notes.add(bar.range, color, note);
      content.ownerDocument.getSelection()?.removeAllRanges();
      if (made) setBar({ kind: 'highlight', id: made.id, top: bar.top, left: bar.left, below: bar.below });
    } else await notes.update(bar.id, note === undefined ? { color } : { color, note });
    setEditing(null);
  };

  const copy = async () => {
    const text = bar?.kind === 'selection' ? bar.range.toString() : (current?.highlight.selectors[0].exact ?? '');
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // No clipboard access here: the selection is still there to copy with the keyboard.
    }
  };

  const removeAt = async () => {
    if (bar?.kind !== 'highlight') return;
    await notes.remove(bar.id);
    closeBar();
  };

  const onBarKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      closeBar();
    }
  };

  return (
    <>
      {bar && !translated && (
        <div
          ref={barRef}
          class="ra-hl-bar ra-floating"
          role="toolbar"
          aria-label={t('highlightBar')}
          style={{ top: `${editing === null ? bar.top : bar.below}px`, left: `${bar.left}px` }}
          onKeyDown={onBarKey}
          // A press on the bar keeps the selection it acts on (only the note's field takes focus by mouse).
          onMouseDown={(e) => (e.target as Element).tagName !== 'TEXTAREA' && e.preventDefault()}
          data-testid="highlight-bar"
        >
          {editing === null ? (
            <>
              {HIGHLIGHT_COLORS.map((color) => (
                <button
                  key={color}
                  type="button"
                  class={`ra-hl-swatch ra-hl-swatch-${color}`}
                  aria-label={t(COLOR_KEY[color])}
                  title={t(COLOR_KEY[color])}
                  aria-pressed={current ? current.highlight.color === color : undefined}
                  data-color={color}
                  onClick={() => void apply(color)}
                />
              ))}
              <button
                type="button"
                class="ra-btn"
                data-testid="highlight-note"
                onClick={() => setEditing(current?.highlight.note ?? '')}
              >
                {t('highlightNote')}
              </button>
              <button type="button" class="ra-btn" onClick={() => void copy()}>
                {copied ? t('highlightCopied') : t('highlightCopy')}
              </button>
              {bar.kind === 'highlight' && (
                <button type="button" class="ra-btn" data-testid="highlight-remove" onClick={() => void removeAt()}>
                  {t('highlightRemove')}
                </button>
              )}
              {onOpenPanel && (
                <button
                  type="button"
                  class="ra-btn"
                  data-testid="highlight-open-panel"
                  aria-label={t('highlightsButton', state.items.length)}
                  title={t('highlightsButton', state.items.length)}
                  onClick={() => {
                    closeBar();
                    onOpenPanel();
                  }}
                >
                  <span aria-hidden="true">☰ {state.items.length}</span>
                </button>
              )}
            </>
          ) : (
            <NoteEditor
              initial={editing}
              onSave={(note) => void apply(current?.highlight.color ?? 'yellow', note)}
              onCancel={() => setEditing(null)}
            />
          )}
        </div>
      )}
      {panel && <HighlightsPanel notes={notes} state={state} translated={translated} onClose={onClosePanel} />}
      <Status notes={notes} state={state} />
    </>
  );
}

function NoteEditor({ initial, onSave, onCancel }: { initial: string; onSave: (note: string) => void; onCancel: () => void }) {
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <form
      class="ra-hl-note-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(value.trim());
      }}
    >
      <label>
        <span class="ra-hl-label">{t('highlightNoteLabel')}</span>
        <textarea
          ref={ref}
          data-testid="highlight-note-text"
          rows={3}
          value={value}
          maxLength={10_000}
          onInput={(e) => setValue((e.target as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              onSave(value.trim());
            }
          }}
        />
      </label>
      <div class="ra-hl-actions">
        <button type="submit" class="ra-btn ra-hl-primary" data-testid="highlight-note-save">
          {t('highlightNoteSave')}
        </button>
        <button type="button" class="ra-btn" onClick={onCancel}>
          {t('highlightCancel')}
        </button>
      </div>
    </form>
  );
}

/** Scrolls to a highlight's first mark and gives it focus (so a screen reader reads it); false: not drawn. */
export function goToHighlight(notes: ReaderNotes, id: string): boolean {
  const [first, ...rest] = notes.marks(id);
  if (!first) return false;
  first.scrollIntoView({ block: 'center' });
  for (const m of [first, ...rest]) m.classList.add('ra-hl-current');
  first.tabIndex = -1;
  first.focus({ preventScroll: true });
  setTimeout(() => [first, ...rest].forEach((m) => m.classList.remove('ra-hl-current')), 1600);
  return true;
}

const goTo = (notes: ReaderNotes, item: NoteItem) => void goToHighlight(notes, item.highlight.id);

function HighlightsPanel({
  notes,
  state,
  translated,
  onClose,
}: {
  notes: ReaderNotes;
  state: NotesState;
  translated: boolean;
  onClose: () => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <aside
      id="ra-hl-panel"
      class="ra-hl-panel"
      aria-labelledby="ra-hl-panel-title"
      data-testid="highlights-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && editing === null) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div class="ra-hl-panel-head">
        <h2 id="ra-hl-panel-title">{t('highlightsTitle')}</h2>
        <button
          ref={closeRef}
          type="button"
          class="ra-btn"
          aria-label={t('highlightsClose')}
          title={t('highlightsClose')}
          onClick={onClose}
        >
          ✕
        </button>
      </div>
      {translated && <p class="ra-hl-muted">{t('highlightTranslationShown')}</p>}
      {state.items.length === 0 && <p class="ra-hl-muted">{t('highlightsEmpty')}</p>}
      <ol class="ra-hl-list">
        {state.items.map((item) => {
          const h = item.highlight;
          return (
            <li key={h.id} class={`ra-hl-item ra-hl-item-${h.color}`} data-testid="highlight-item">
              {item.placed && !translated ? (
                <button type="button" class="ra-hl-quote" onClick={() => goTo(notes, item)}>
                  {h.selectors[0].exact}
                </button>
              ) : (
                <>
                  <p class="ra-hl-quote">{h.selectors[0].exact}</p>
                  {!item.placed && <p class="ra-hl-muted ra-hl-orphan">{t('highlightOrphan')}</p>}
                </>
              )}
              {editing === h.id ? (
                <NoteEditor
                  initial={h.note}
                  onSave={(note) => void notes.update(h.id, { note }).then(() => setEditing(null))}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <>
                  {h.note && <p class="ra-hl-note">{h.note}</p>}
                  <div class="ra-hl-actions">
                    <button type="button" class="ra-btn" onClick={() => setEditing(h.id)}>
                      {h.note ? t('highlightEditNote') : t('highlightAddNote')}
                    </button>
                    <button type="button" class="ra-btn" data-testid="highlight-delete" onClick={() => void notes.remove(h.id)}>
                      {t('highlightDelete')}
                    </button>
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </aside>
  );
}

/** Deleted (with Undo), saved with the first highlight, or what failed. */
function Status({ notes, state }: { notes: ReaderNotes; state: NotesState }) {
  if (state.error)
    return (
      <p class="ra-hl-status" role="alert">
        {state.error}
      </p>
    );
  if (state.removed)
    return (
      <p class="ra-hl-status" role="status" data-testid="highlight-undo">
        {t('highlightDeleted')}{' '}
        <button type="button" class="ra-btn" data-testid="highlight-undo-button" onClick={() => void notes.undoRemove()}>
          {t('highlightUndo')}
        </button>
      </p>
    );
  if (state.saved?.ok && state.saved.created)
    return (
      <p class="ra-hl-status" role="status">
        {t('highlightArticleSaved')}
      </p>
    );
  return null;
}

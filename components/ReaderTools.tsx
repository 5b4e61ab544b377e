// The reader toolbar's tools, as a list of entries: the bar (ReaderToolbar) draws a button for each,
// the "?" overlay lists their keys, and the reader's key handler (reader-keys.ts) runs them. To add a
// tool add ONE entry to READER_TOOLS: its id, icon, label, key, and either a panel (a popover under
// its button, a drawer at the side, or one another part of the view draws: `outside`) or an action.
// The state is the reader session's and its managers' (page/reader-session.ts, read-aloud.ts,
// key-points.ts, highlights.ts); a tool keeps none itself.
import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '@/platform/i18n';
import type { ReaderSession, ReaderState } from '@/page/reader-session';
import { EntityPanel } from './EntityPanel';
import type { KeyPointsState } from '@/page/key-points';
import type { NotesState } from '@/page/highlights';
import type { ReadAloudState } from '@/page/read-aloud';
import {
  ContentsIcon,
  HighlightIcon,
  KeyPointsIcon,
  KeysIcon,
  ListenIcon,
  ListIcon,
  NotesIcon,
  TranslateIcon,
  TypographyIcon,
} from './icons';
import { LISTEN_KEYS, playOrPause } from './ReadAloud';
import { ReaderKeys } from './ReaderKeys';
import { TranslateControls, toggleTranslation } from './TranslateControls';
import { TypographyControls } from './TypographyControls';

/** What a tool sees and may call. */
export interface ToolContext {
  session: ReaderSession;
  state: ReaderState;
  /** Closes the open popover or drawer (focus goes back to its button). */
  dismiss: () => void;
  /** The viewport is narrow (under 960 px): side panels come as drawers. */
  narrow: boolean;
  /** The tool whose panel is open (a panel drawn `outside` the bar reads it here). */
  open: string | null;
  /** Read-aloud's, key points' and the reader's notes' state, where this reader has them. */
  listen: ReadAloudState | null;
  keyPoints: KeyPointsState | null;
  notes: NotesState | null;
  /** How the contents show: none (under three headings), a column beside the article, or a drawer from the bar. */
  contents: 'none' | 'column' | 'drawer';
}

/** A key of a tool beyond its button's (read-aloud's stop, paragraph and speed keys). */
export interface ToolKey {
  key: string;
  label: MessageKey;
  run: (ctx: ToolContext) => void;
}

export interface ReaderTool {
  /** The button's data-testid is `reader-tool-<id>` (or `testId`), its panel's `reader-panel-<id>`. */
  id: string;
  testId?: string;
  /** Its accessible name and tooltip. */
  label: MessageKey;
  icon: () => ComponentChildren;
  /** A key in the reader (one character, no modifier), listed in the "?" overlay. */
  key?: string;
  /** What the key does when it is not what the button does (translate: at once, not the popover). */
  onKey?: (ctx: ToolContext) => void;
  /** Its name now, where it changes (Listen, Pause, Continue listening); else `label`'s. */
  name?: (ctx: ToolContext) => string;
  /** A number shown on the button (how many highlights). */
  badge?: (ctx: ToolContext) => number | null;
  /** More keys, listed in the "?" overlay and run by the reader's key handler. */
  keys?: ToolKey[];
  /** What the button opens: a popover under it, or with `drawer` a panel at the side. */
  panel?: (ctx: ToolContext) => ComponentChildren;
  drawer?: boolean;
  /** Its panel is drawn by another part of the view, which reads `ctx.open` (the contents, the notes). */
  outside?: boolean;
  /** Or what it does at once; `pressed` makes it a switch, `active` only marks it (it is busy). */
  run?: (ctx: ToolContext) => void;
  pressed?: (ctx: ToolContext) => boolean;
  active?: (ctx: ToolContext) => boolean;
  disabled?: (ctx: ToolContext) => boolean;
  /** Shown only when this says so (default: whenever there is an article). */
  shown?: (ctx: ToolContext) => boolean;
  /** At the far end of the bar, beside ✕. */
  end?: boolean;
}

const hasArticle = ({ session }: ToolContext) => !!session.article;

const READER_TOOLS: ReaderTool[] = [
  {
    id: 'typography',
    label: 'readerTypography',
    icon: TypographyIcon,
    shown: () => true,
    panel: ({ session, state }) => (
      <TypographyControls
        value={state.typography}
        perSite={state.perSite}
        site={session.site}
        onChange={(value, perSite) => session.setTypography(value, perSite)}
      />
    ),
  },
  {
    id: 'translate',
    label: 'readerTranslate',
    icon: TranslateIcon,
    key: 't',
    shown: (ctx) => hasArticle(ctx) && ctx.state.target !== null,
    onKey: ({ session, state }) => toggleTranslation(session, state),
    panel: (ctx) => <TranslateControls {...ctx} />,
  },
  {
    id: 'highlight',
    testId: 'reader-highlight',
    label: 'entityHighlight',
    icon: HighlightIcon,
    key: 'h',
    run: ({ session, state }) => void session.setHighlights(!state.highlights.on),
    pressed: ({ state }) => state.highlights.on,
    disabled: ({ state }) => state.highlights.loading,
  },
  {
    // The names found, beside the article on a wide screen; here, on a narrow one, a drawer.
    id: 'entities',
    label: 'entityPanelTitle',
    icon: ListIcon,
    key: 'n',
    drawer: true,
    shown: ({ narrow, state }) => narrow && (state.highlights.on || state.highlights.loading),
    panel: ({ session, state }) => (
      <EntityPanel
        groups={state.highlights.on ? state.highlights.groups : null}
        enabled={state.enabledGroups}
        onToggle={(group, on) => void session.setGroupEnabled(group, on)}
        root={session.content}
        api={state.entities ?? null}
      />
    ),
  },
  {
    // On a narrow screen (no room for the column beside the article) the contents come as a drawer.
    id: 'contents',
    testId: 'contents-toggle',
    label: 'aidsContents',
    icon: ContentsIcon,
    key: 'c',
    outside: true,
    shown: (ctx) => hasArticle(ctx) && ctx.contents === 'drawer',
  },
  {
    // Play, pause and go on; the player (ReadAloud.tsx) shows at the foot while it reads.
    id: 'listen',
    label: 'listenButton',
    icon: ListenIcon,
    key: 'p',
    keys: LISTEN_KEYS,
    name: ({ listen }) =>
      t(listen?.status === 'playing' ? 'listenPause' : listen && listen.index > 0 ? 'listenContinue' : 'listenButton'),
    active: ({ listen }) => !!listen && listen.status !== 'idle',
    shown: (ctx) => hasArticle(ctx) && !!ctx.listen,
    run: ({ session }) => session.readAloud && session.content && playOrPause(session.readAloud, session.content),
  },
  {
    id: 'keypoints',
    testId: 'keypoints-make',
    label: 'keyPointsButton',
    icon: KeyPointsIcon,
    key: 'k',
    shown: (ctx) => hasArticle(ctx) && !!ctx.keyPoints,
    run: ({ session }) => void session.keyPoints?.make(),
    disabled: ({ keyPoints }) => keyPoints?.status === 'working',
  },
  {
    // The user's own highlights and notes, in a panel at the side (ReaderHighlights.tsx).
    id: 'notes',
    testId: 'highlights-toggle',
    label: 'highlightsTitle',
    icon: NotesIcon,
    key: 'a',
    outside: true,
    name: ({ notes }) => t('highlightsButton', String(notes?.items.length ?? 0)),
    badge: ({ notes }) => notes?.items.length ?? null,
    shown: (ctx) => hasArticle(ctx) && !!ctx.notes,
  },
  {
    id: 'keys',
    label: 'readerKeys',
    icon: KeysIcon,
    key: '?',
    end: true,
    shown: () => true,
    panel: (ctx) => <ReaderKeys tools={shownTools(ctx)} />,
  },
];

/** The tools shown now, in order. */
export function shownTools(ctx: ToolContext): ReaderTool[] {
  return READER_TOOLS.filter((tool) => (tool.shown ?? hasArticle)(ctx));
}

/** "Translate (T)": a tool's name with its key, for its tooltip. */
export function toolTip(tool: ReaderTool, ctx: ToolContext): string {
  const name = tool.name?.(ctx) ?? t(tool.label);
  return tool.key ? `${name} (${tool.key.toUpperCase()})` : name;
}

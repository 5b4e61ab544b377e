// The reader toolbar's tools, as a list of entries: the bar (ReaderToolbar) draws a button for each,
// the "?" overlay lists their keys, and the reader's key handler (reader-keys.ts) runs them. To add a
// tool (contents, read aloud, key points…) add ONE entry to READER_TOOLS at its marked place: its
// id, icon, label, key, and either a panel (a popover under its button, or a drawer at the side) or
// an action. The state is the reader session's (page/reader-session.ts); a tool keeps none itself.
import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '@/platform/i18n';
import type { ReaderSession, ReaderState } from '@/page/reader-session';
import { EntityPanel } from './EntityPanel';
import { HighlightIcon, KeysIcon, ListIcon, TranslateIcon, TypographyIcon } from './icons';
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
  /** What the button opens: a popover under it, or with `drawer` a panel at the side. */
  panel?: (ctx: ToolContext) => ComponentChildren;
  drawer?: boolean;
  /** Or what it does at once; `pressed` makes it a switch. */
  run?: (ctx: ToolContext) => void;
  pressed?: (ctx: ToolContext) => boolean;
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
  // ---- More tools go here, one entry each (contents, read aloud, key points). ----
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
export function toolTip(tool: ReaderTool): string {
  return tool.key ? `${t(tool.label)} (${tool.key.toUpperCase()})` : t(tool.label);
}

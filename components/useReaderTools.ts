// What the reader does to the article it shows, beyond typography: translation (side by side or
// instead of the original) and entity highlights. Shared by the in-page overlay and the saved-article
// reader; only where the entity code comes from differs (`loadEntities`: injected by the background
// into a page, imported in an extension page). Both change the article's DOM under `content` and
// both undo exactly: "Show original" puts the very same nodes back, and so does turning highlights off.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Article } from '@/lib/article/types';
import type { EntitiesApi } from '@/lib/entities/api';
import type { EntityGroup, EntitySpan } from '@/lib/entities/types';
import type { EntityGroupModel } from '@/lib/entities/group';
import type { TranslationStatus } from '@/platform/messages';
import type { ArticleTranslation } from '@/platform/translate/controller';
import { runTranslation } from '@/platform/translate/run';
import { showOriginal, type DisplayMode } from '@/lib/translate/segment';
import { t } from '@/platform/i18n';
import { entityLabel } from './EntityPanel';
import { loadHighlightSettings, saveHighlightSettings } from '@/platform/settings/entities';

export interface ReaderToolsEnv {
  /** The entity recognizer and highlighter, loaded on first use. */
  loadEntities: () => Promise<EntitiesApi>;
}

export interface HighlightState {
  on: boolean;
  loading: boolean;
  groups: EntityGroupModel[];
  spans: EntitySpan[];
  error: string | null;
}

export interface ReaderToolsState {
  translation: TranslationStatus | null;
  /** `from`: the source language the user chose, else the article's. */
  translate: (to: string, mode: DisplayMode, from?: string) => void;
  cancelTranslation: () => void;
  /** Shows what is translated in the other mode, without asking again. */
  setMode: (mode: DisplayMode) => void;
  showOriginal: () => void;
  highlights: HighlightState;
  /** Turns highlights on or off; `remember` (default) stores the choice for the next article. */
  setHighlights: (on: boolean, remember?: boolean) => Promise<void>;
  /** Redraws the marks for these groups (the legend's switches). */
  setEnabledGroups: (groups: EntityGroup[]) => void;
  api: EntitiesApi | null;
}

const NO_HIGHLIGHTS: HighlightState = { on: false, loading: false, groups: [], spans: [], error: null };

export function useReaderTools(
  content: () => HTMLElement | null,
  article: Article | null,
  env: ReaderToolsEnv,
  enabledGroups: EntityGroup[],
  onChange?: (state: { translation: TranslationStatus | null; highlights: boolean }) => void,
): ReaderToolsState {
  const [translation, setTranslation] = useState<TranslationStatus | null>(null);
  const [highlights, setHighlightState] = useState<HighlightState>(NO_HIGHLIGHTS);
  const job = useRef<ArticleTranslation | null>(null);
  const api = useRef<EntitiesApi | null>(null);
  const enabled = useRef(enabledGroups);
  enabled.current = enabledGroups;

  useEffect(() => onChange?.({ translation, highlights: highlights.on }), [translation, highlights.on]);
  // Closing the reader cancels a translation under way.
  useEffect(() => () => job.current?.cancel(), []);

  const unhighlight = () => {
    const root = content();
    if (root && api.current) api.current.removeHighlights(root);
  };

  const original = useCallback(() => {
    job.current?.showOriginal();
    job.current = null;
    const root = content();
    if (root) showOriginal(root);
    setTranslation(null);
  }, []);

  const translate = useCallback(
    (to: string, mode: DisplayMode, chosenFrom?: string) => {
      const root = content();
      if (!root || !article) return;
      original();
      // Marks would be sent as emphasis and then stand over text that changed: highlights go first.
      if (highlights.on) {
        unhighlight();
        setHighlightState(NO_HIGHLIGHTS);
      }
      void startWith(root, to, mode, chosenFrom);
    },
    [article, highlights.on],
  );

  const startWith = async (root: Element, to: string, mode: DisplayMode, chosenFrom?: string) => {
    if (!article) return;
    job.current = await runTranslation(root, article, to, mode, chosenFrom, setTranslation);
  };

  const cancelTranslation = useCallback(() => {
    job.current?.cancel();
    job.current = null;
    setTranslation((s) => (s?.state === 'running' ? { ...s, state: 'error', message: t('translateCancelled') } : s));
  }, []);

  const draw = (root: HTMLElement, spans: EntitySpan[]) => {
    api.current!.highlightEntities(root, spans, enabled.current, { label: entityLabel });
  };

  const setHighlights = useCallback(
    async (on: boolean, remember = true) => {
      const root = content();
      if (!root || !article) return;
      if (remember) void loadHighlightSettings().then((s) => saveHighlightSettings({ ...s, on }));
      if (!on) {
        unhighlight();
        setHighlightState(NO_HIGHLIGHTS);
        return;
      }
      setHighlightState({ ...NO_HIGHLIGHTS, loading: true });
      try {
        api.current ??= await env.loadEntities();
        // A translation shown beside the original would be read as part of the article: back to it first.
        if (translation) original();
        const { text } = api.current.textOf(root);
        const spans = api.current.recognize(text, article.lang);
        draw(root, spans);
        setHighlightState({ on: true, loading: false, groups: api.current.groupEntities(spans), spans, error: null });
      } catch (err) {
        setHighlightState({ ...NO_HIGHLIGHTS, error: t('entityLoadFailed', err instanceof Error ? err.message : String(err)) });
      }
    },
    [article, translation],
  );

  const setEnabledGroups = useCallback(
    (groups: EntityGroup[]) => {
      enabled.current = groups;
      const root = content();
      if (root && api.current && highlights.on) draw(root, highlights.spans);
    },
    [highlights],
  );

  const setMode = useCallback((mode: DisplayMode) => job.current?.setMode(mode), []);

  return { translation, translate, cancelTranslation, setMode, showOriginal: original, highlights, setHighlights, setEnabledGroups, api: api.current };
}

// One article's translation, from segmentation to rendering: what the reader overlay and the
// saved-article reader call. Each paragraph is shown as soon as its translation arrives; the mode
// can change while it runs; "Show original" stops it and restores the article exactly.
import { startTranslation, type StartOptions } from '@/platform/translate/port';
import { renderSegment, segmentArticle, showOriginal, type DisplayMode, type Segment } from '@/lib/translate/segment';
import type { TranslateErrorKind } from '@/lib/translate/types';

export interface ArticleTranslationOptions {
  from: string;
  to: string;
  mode: DisplayMode;
  /** "12 / 40": paragraphs done out of all. */
  onProgress?: (done: number, total: number) => void;
  /** Waiting for the service: seconds left, each second; 0 when requests go again. */
  onWait?: (seconds: number) => void;
  onDone?: () => void;
  /** The paragraphs that did translate stay shown; `translated` says how many. */
  onError?: (kind: TranslateErrorKind, message: string, translated: number) => void;
  /** Passed to startTranslation (provider config, on-device download progress…). */
  startOptions?: StartOptions;
  /** For tests. */
  start?: typeof startTranslation;
}

export interface ArticleTranslation {
  readonly segments: Segment[];
  /** Stops requests; what is shown stays. */
  cancel(): void;
  /** Stops and restores the original article exactly. */
  showOriginal(): void;
  /** Shows the translations received so far (and those to come) in another mode. */
  setMode(mode: DisplayMode): void;
}

/** `root`: the article, or its blocks one by one (the page's own article, found block by block). */
export function translateArticle(root: Element | Element[], options: ArticleTranslationOptions): ArticleTranslation {
  const roots = Array.isArray(root) ? root : [root];
  const segments = roots.flatMap((r) => segmentArticle(r));
  const translations: (string | undefined)[] = new Array(segments.length);
  let mode = options.mode;
  let translated = 0;
  let stopped = false;

  const job = segments.length
    ? (options.start ?? startTranslation)(
        segments.map((s) => s.text),
        options.from,
        options.to,
        {
          onResult: (index, text) => {
            const seg = segments[index];
            if (stopped || !seg) return;
            if (translations[index] === undefined) translated++;
            translations[index] = text;
            renderSegment(seg, text, mode, options.to);
          },
          onProgress: (done, total) => options.onProgress?.(done, total),
          onWait: (seconds) => options.onWait?.(seconds),
          onDone: () => options.onDone?.(),
          onError: (kind, message) => options.onError?.(kind, message, translated),
        },
        options.startOptions,
      )
    : null;
  if (!job) queueMicrotask(() => options.onDone?.());

  return {
    segments,
    cancel() {
      job?.cancel();
    },
    showOriginal() {
      stopped = true;
      job?.cancel();
      for (const r of roots) showOriginal(r);
    },
    setMode(next) {
      if (next === mode) return;
      mode = next;
      segments.forEach((seg, i) => {
        const text = translations[i];
        if (text !== undefined) renderSegment(seg, text, mode, options.to);
      });
    },
  };
}

// One translation run over an article's blocks, reporting a single status: the source language
// (the user's choice, else the page's declared one checked against the browser's detectors), the
// same-language and unknown-language checks, progress, the end and errors. The reader (overlay and
// saved-article page) runs it on the article it shows; the reader script runs it on the page's own
// article blocks when the user translates the page itself.
import { browser } from 'wxt/browser';
import type { Article } from '@/lib/article/types';
import { t } from '@/platform/i18n';
import type { TranslationStatus } from '@/platform/messages';
import { translateArticle, type ArticleTranslation } from '@/platform/translate/controller';
import { detectLanguage } from '@/lib/translate/detect';
import { normalizeLang, sameLanguage } from '@/lib/translate/languages';
import { onDeviceApis } from '@/lib/translate/providers/browser';
import type { DisplayMode } from '@/lib/translate/segment';

type Report = (update: (status: TranslationStatus | null) => TranslationStatus | null) => void;

/** Starts translating `roots` into `to`; answers the job, or null when it could not start (said through `report`). */
export async function runTranslation(
  roots: Element | Element[],
  article: Pick<Article, 'lang' | 'text'>,
  to: string,
  mode: DisplayMode,
  chosenFrom: string | undefined,
  report: Report,
): Promise<ArticleTranslation | null> {
  const from =
    normalizeLang(chosenFrom) ??
    (
      await detectLanguage({
        declared: article.lang,
        text: article.text,
        i18nDetect: (text) => browser.i18n.detectLanguage(text),
        detector: onDeviceApis().detector ?? null,
      }).catch(() => ({ lang: normalizeLang(article.lang) }))
    ).lang;
  if (!from) {
    report(() => ({ state: 'error', to, done: 0, total: 0, message: t('translateErrorSourceUnknown') }));
    return null;
  }
  if (sameLanguage(from, to)) {
    report(() => ({ state: 'error', to, done: 0, total: 0, message: t('translateSameLanguage') }));
    return null;
  }
  let done = 0;
  /** Seconds left of a wait for the service (0: none): said instead of the progress while it lasts. */
  let waiting = 0;
  const running = (d: number, total: number): TranslationStatus => ({
    state: 'running',
    to,
    done: d,
    total,
    ...(waiting ? { message: t('translateWaiting', waiting) } : {}),
  });
  report(() => ({ state: 'running', to, done: 0, total: 0 }));
  const job = translateArticle(roots, {
    from,
    to,
    mode,
    onProgress: (d, total) => {
      done = d;
      report(() => running(d, total));
    },
    onWait: (seconds) => {
      waiting = seconds;
      report((s) => (s?.state === 'running' ? running(done, s.total) : s));
    },
    onDone: () => report((s) => ({ state: 'done', to, done: s?.total ?? done, total: s?.total ?? done })),
    // What did translate stays; the rest keeps its original text.
    onError: (_kind, message, translated) =>
      report((s) => ({ state: 'error', to, done: translated, total: s?.total ?? 0, message })),
    startOptions: {
      onDownloadProgress: (fraction) =>
        report((s) => ({
          state: 'running',
          to,
          done,
          total: s?.total ?? 0,
          message: t('translateDownloading', Math.round(fraction * 100)),
        })),
    },
  });
  const total = job.segments.length;
  report((s) => (s?.state === 'running' && !s.total ? { ...s, total } : s));
  return job;
}

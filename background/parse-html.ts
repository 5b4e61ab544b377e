// HTML fetched by "Save link" and pending imports, turned into a capture by the extraction
// pipeline. The pipeline needs a DOM and is large, so it never runs in the background bundle: in
// Chrome it runs in the offscreen document (the service worker has no DOM); in Firefox, whose
// event page has a document but no offscreen API, the same page is loaded in a hidden frame of
// the event page. Either way the background asks it by the 'offscreen/extract' message (and
// 'offscreen/sanitize-svg' for the SVG pictures of an article being saved, 'offscreen/sync' for a
// sync of the library: extension/sync/service.ts, 'offscreen/recognize' for a reader's entities:
// background/entities-port.ts).
import { browser } from 'wxt/browser';
import type { FindRequest, PageCapture } from '@/platform/messages';
import type { EntitySpan } from '@/lib/entities/types';
import type { SyncConfig, SyncStatus } from '@/platform/settings/sync';

const OFFSCREEN_PATH = 'offscreen.html';
let frameReady: Promise<void> | null = null;

/** Firefox: one hidden frame of the offscreen page inside the event page, made on first use. */
function ensureFrame(): Promise<void> {
  frameReady ??= new Promise<void>((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.hidden = true;
    frame.src = browser.runtime.getURL(`/${OFFSCREEN_PATH}`);
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.addEventListener('error', () => reject(new Error('The parsing frame did not load')), { once: true });
    document.body.append(frame);
  }).catch((err: unknown) => {
    frameReady = null;
    throw err;
  });
  return frameReady;
}

/** Chrome: the offscreen document, created once (two saves at once may both try). */
async function ensureOffscreen(): Promise<void> {
  const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
  if (contexts.length) return;
  await browser.offscreen
    .createDocument({ url: OFFSCREEN_PATH, reasons: ['DOM_PARSER'], justification: 'Parse a fetched page to save its article' })
    .catch((err: unknown) => {
      if (!String(err).includes('single offscreen')) throw err;
    });
}

async function ensureParser(): Promise<void> {
  if (browser.offscreen) await ensureOffscreen();
  else await ensureFrame();
}

export async function parseHtml(html: string, url: string): Promise<PageCapture> {
  await ensureParser();
  return browser.runtime.sendMessage({ type: 'offscreen/extract', payload: { html, url } }) as Promise<PageCapture>;
}

/** An SVG picture of an article being saved, sanitized by the parser page (lib/library/svg.ts); null: not stored. */
export async function sanitizeSvgInParser(text: string): Promise<string | null> {
  await ensureParser();
  return browser.runtime.sendMessage({ type: 'offscreen/sanitize-svg', payload: { text } }) as Promise<string | null>;
}

/** One sync of the library, run by the parser page (it has the DOM that sanitizing a body needs). */
export async function syncInParser(config: SyncConfig, before: SyncStatus): Promise<SyncStatus> {
  await ensureParser();
  return browser.runtime.sendMessage({ type: 'offscreen/sync', payload: { config, before } }) as Promise<SyncStatus>;
}

/** The entities of a reader's article, found by the parser page (background/entities-port.ts): `job` names it for progress and stop. */
export async function recognizeInParser(job: number, request: FindRequest): Promise<EntitySpan[]> {
  await ensureParser();
  return browser.runtime.sendMessage({ type: 'offscreen/recognize', payload: { job, ...request } }) as Promise<EntitySpan[]>;
}

/** Stops that job in the parser page. */
export async function stopRecognizing(job: number): Promise<void> {
  await browser.runtime.sendMessage({ type: 'offscreen/recognize-stop', payload: { job } });
}

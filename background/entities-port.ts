// The background's side of finding a reader's entities off the page (the reader's side:
// page/find-entities.ts). A reader opens an ENTITIES_PORT port and sends its article's text in parts;
// the recognizer runs in the parser page (background/parse-html.ts), whose main thread is not the
// web page's, so the page never waits on it. The parser page's progress comes back here as
// 'entities/progress' messages and goes on to the port; a disconnect (Stop, the reader closed)
// stops the job there.
import { browser } from 'wxt/browser';
import { ENTITIES_PORT, mayCall, type FindEvent, type FindMessage, type FindRequest, type Handlers } from '@/platform/messages';
import type { PortLike } from '@/lib/translate/protocol';
import type { EntitySpan } from '@/lib/entities/types';

/** Spans in one message to the reader. */
const SPANS_PART = 1_000;

export interface Recognizer {
  recognize(job: number, request: FindRequest): Promise<EntitySpan[]>;
  stop(job: number): Promise<void>;
}

const isFindMessage = (m: unknown): m is FindMessage => {
  if (!m || typeof m !== 'object') return false;
  const x = m as Record<string, unknown>;
  if (x.type === 'text') return typeof x.text === 'string';
  return x.type === 'find' && (typeof x.lang === 'string' || x.lang === null) && typeof x.min === 'number';
};

/**
 * Serves every ENTITIES_PORT port opened by our reader script or extension pages; answers the
 * 'entities/progress' handler for listen() (the parser page's progress, passed on to its port).
 */
export function serveEntityPorts(recognizer: Recognizer): Pick<Handlers, 'entities/progress'> {
  const ports = new Map<number, PortLike>();
  let jobs = 0;
  const post = (port: PortLike, event: FindEvent) => {
    try {
      port.postMessage(event);
    } catch {
      // hung up meanwhile
    }
  };
  browser.runtime.onConnect.addListener(((port: PortLike & { sender?: Parameters<typeof mayCall>[1] }) => {
    if (port.name !== ENTITIES_PORT || !mayCall('extension', port.sender)) return;
    const job = ++jobs;
    let open = true;
    port.onDisconnect.addListener(() => {
      open = false;
      if (ports.delete(job)) void recognizer.stop(job).catch(() => undefined);
    });
    const text: string[] = [];
    port.onMessage.addListener((message) => {
      if (!open || ports.has(job) || !isFindMessage(message)) return;
      if (message.type === 'text') {
        text.push(message.text);
        return;
      }
      ports.set(job, port);
      recognizer
        .recognize(job, { text: text.join(''), lang: message.lang, min: message.min })
        .then(
          (spans) => {
            for (let i = 0; i < spans.length; i += SPANS_PART)
              post(port, { type: 'spans', spans: spans.slice(i, i + SPANS_PART) });
            post(port, { type: 'done' });
          },
          (err: unknown) => post(port, { type: 'error', message: err instanceof Error ? err.message : String(err) }),
        )
        .finally(() => ports.delete(job));
    });
  }) as never);
  return {
    'entities/progress': ({ job, share }) => {
      const port = ports.get(job);
      if (port) post(port, { type: 'progress', share });
    },
  };
}

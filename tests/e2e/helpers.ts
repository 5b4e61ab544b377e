// What the end-to-end tests share: the fixtures they open and what a reader must (not) see.
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { FIXTURES } from '../../scripts/lib/fixture-server.mjs';

/** Clutter lines a portal leaves around its articles: none may reach the reader. */
export const CLUTTER_STRINGS = [
  '본문 글자 크기 조정',
  '번역할 언어 선택',
  '더 작게',
  '무단 전재',
  '재배포 금지',
  '베스트 기사',
  'Top으로 이동',
  '종목 추적기',
  '투자 권유',
  '페이스북',
  '링크복사',
  '많이 본 뉴스',
  'sky.kim@demo-ilbo.example',
  '기사입력',
];

export interface ArticleFixture {
  path: string;
  /** Sentences the reader must show. */
  mustShow: string[];
}

/** Our own demo page: a Korean portal layout with every kind of clutter around a short story. */
export const DEMO: ArticleFixture = {
  path: '/demo/article.html',
  mustShow: ['밤 10시 이후에도 문을 여는 공공도서관이 생긴다.', '참가 신청은 한빛시 통합예약 누리집에서 받는다.'],
};

/** A real Korean portal page (see tests/fixtures/README.md): first and last true paragraphs. */
export function koreanFixture(id: string): ArticleFixture {
  const expected = readFileSync(`${FIXTURES}korean/${id}/expected.txt`, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 20);
  return { path: `/korean/${id}/source.html`, mustShow: [expected[0]!, expected[expected.length - 1]!] };
}

/**
 * A library backup (the JSON export's format) holding one article as `over` gives it; the rest of
 * its fields are what an export writes for a plain saved article. Its HTML is stored as given: an
 * import is sanitized when shown, not when stored.
 */
export function backupWith(over: { url: string; title: string; contentHtml: string; text: string }) {
  const site = new URL(over.url).hostname;
  return {
    format: 'reading-assistant-library',
    version: 1,
    exportedAt: Date.now(),
    articles: [
      {
        pageUrl: over.url,
        byline: null,
        siteName: site,
        site,
        lang: 'en',
        dir: 'ltr',
        publishedTime: null,
        excerpt: null,
        leadImage: null,
        wordCount: 10,
        readingMinutes: 1,
        status: 'full',
        savedAt: 1700000000000,
        updatedAt: 1700000000000,
        readAt: 0,
        progress: 0,
        tags: [],
        ...over,
      },
    ],
  };
}

/**
 * Reader controls that live in a popover of the reader's toolbar, and the tool whose button opens
 * it (components/ReaderTools.tsx); the sessions' helpers open it first, with a click, as a user does.
 */
export const READER_PANELS: Readonly<Record<string, string>> = {
  'reader-translate': 'translate',
  'reader-translate-to': 'translate',
  'reader-translate-mode': 'translate',
  'font-percent': 'typography',
};

export const SCREENSHOTS = new URL('../screenshots/', import.meta.url).pathname;

/** Collapse white space the way a reader sees text. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Where the popup's content ends, in pixels from its top (Chrome shows 600 without scrolling). */
export const popupBottom = (popup: { evaluate<R>(fn: () => R): Promise<R> }) =>
  popup.evaluate(() => document.querySelector('main.popup')!.getBoundingClientRect().bottom);

/**
 * Run in the page: focuses `select` and answers the arrow keys that move its choice to `value`.
 * The reader ignores what a script dispatches (a page could otherwise change its settings), so the
 * tests choose as a user does, with the keyboard (Playwright's selectOption and puppeteer's select
 * dispatch the change themselves).
 */
export function arrowsTo(select: HTMLSelectElement, value: string): string[] {
  const to = Array.from(select.options).findIndex((o) => o.value === value);
  if (to < 0) throw new Error(`no option ${value}`);
  select.focus();
  const from = select.selectedIndex;
  return Array<string>(Math.abs(to - from)).fill(to > from ? 'ArrowDown' : 'ArrowUp');
}

const AXE_SOURCE: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; summary: string | undefined }[];
}

/** axe's WCAG 2.1 A/AA violations on `page`, within `host` (a selector) when given. */
export async function audit(page: Page, host?: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (include) => {
    const axe = (globalThis as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(include ? { include: [[include]] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.slice(0, 6).map((n) => ({ target: n.target, summary: n.failureSummary })),
    }));
  }, host ?? null);
}

const PACKAGED = fileURLToPath(new URL('../../public/demo/', import.meta.url));

/**
 * The demo article packaged with the extension (public/demo), at a web address: `/packaged/<file>`
 * (the reader runs on web pages, not on the extension's). A fixture server's `handle` option.
 */
export function servePackagedDemo(req: IncomingMessage, res: ServerResponse): boolean {
  const m = /^\/packaged\/([\w.-]+)$/.exec(req.url ?? '');
  const file = m && `${PACKAGED}${m[1]}`;
  if (!file || !existsSync(file)) return false;
  res.writeHead(200, { 'content-type': file.endsWith('.svg') ? 'image/svg+xml' : 'text/html; charset=utf-8' });
  res.end(readFileSync(file));
  return true;
}

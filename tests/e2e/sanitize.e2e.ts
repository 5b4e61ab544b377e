// The sanitizer's two engines in real browsers: the browser's own HTML Sanitizer API, which the
// extension uses where it exists, and DOMPurify, which it falls back to (and which the unit tests'
// jsdom exercises). On the same hostile HTML each must leave nothing that runs or leaks, keep what
// a reader reads, and both must give the same result, in Chromium and in Firefox.
import { chromium, type Browser as PwBrowser } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser } from 'puppeteer-core';
import { CHROMIUM, FIREFOX } from '../../scripts/lib/browsers.mjs';
import { serveFixtures } from '../../scripts/lib/fixture-server.mjs';
import { pageBundle } from '../../scripts/lib/page-bundle.mjs';
import { DEMO } from './helpers';

const HOSTILE = [
  '<p lang="de" dir="ltr" tabindex="0" role="button" aria-live="assertive" data-track="x" class="c" id="i" style="color:red" onclick="alert(1)">Lesen <a href="https://news.example.com/a" ping="https://t.example/p" download>hier</a>.</p>',
  '<p>Look <a href="javascript:alert(2)">here</a>, <a href="java&#9;script:alert(3)">there</a>, <a href="data:text/html,&lt;script&gt;alert(4)&lt;/script&gt;">data</a> and <a href="mailto:desk@news.example.com">mail</a>.</p>',
  '<script>alert(5)</script><style>p{color:red}</style><noscript><p>no script</p></noscript><template><p>template</p></template>',
  '<img src="https://cdn.example.com/a.jpg" srcset="https://cdn.example.com/a-2x.jpg 2x" alt="A picture" width="400" height="300" onerror="alert(6)" usemap="#m">',
  '<img src="javascript:alert(7)" alt="bad source"><img src="data:image/png;base64,iVBORw0KGgo=" alt="inline picture">',
  '<svg width="10"><script>alert(8)</script><a href="javascript:alert(9)"><text>svg text</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(10)></style></mglyph></table></mtext></math>',
  '<iframe src="https://evil.example/" srcdoc="<script>alert(11)</script>"></iframe><object data="x.swf">object fallback</object><embed src="x.swf">',
  '<form action="https://evil.example/"><p>Text of a story wrapped in a form.</p><input name="q" value="input value"><button>Button label</button><select><option>Option label</option></select><textarea>Textarea text</textarea></form>',
  '<table><tr><th scope="col" abbr="Q">Quarter</th><td colspan="2" rowspan="1" onmouseover="alert(12)">Revenue</td></tr></table>',
  '<ol start="3" reversed><li value="5">Third</li></ol><blockquote cite="https://source.example.com/q"><p>Quote</p></blockquote><p><time datetime="2025-02-04T16:20:00+09:00">4 Feb</time></p>',
  '<video src="https://cdn.example.com/v.mp4" poster="https://cdn.example.com/p.jpg" controls autoplay></video><details open><summary>More</summary><p>Details</p></details>',
  '<!-- a comment --><p>Last <b onmouseover="alert(13)">bold</b> words.</p><meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/s.css">',
].join('\n');

interface Outcome {
  engine: string;
  html: string;
  /** The extraction path: a detached element of an inert document, sanitized there. */
  elementHtml: string;
  text: string;
  /** Attributes left, as "tag@attr" (sorted, unique). */
  attributes: string[];
  /** Elements left (sorted, unique). */
  tags: string[];
  /** href/src/srcset/poster/cite values left. */
  urls: string[];
}

/** Runs in the page: sanitizes HOSTILE with the engine asked for and describes what is left. */
function inPage([hostile, domPurify]: [string, boolean]): Outcome {
  const api = (globalThis as unknown as { __sanitize: typeof import('../../lib/article/sanitize') }).__sanitize;
  const options = { engine: domPurify ? 'dompurify' : 'browser' } as const;
  const html = api.sanitizeHtml(hostile, options);
  const inert = document.implementation.createHTMLDocument('');
  const el = inert.createElement('div');
  // The test's own fixed HTML, parsed in an inert document to be sanitized: the path extract() takes.
  // eslint-disable-next-line no-unsanitized/property
  el.innerHTML = hostile;
  const elementHtml = api.sanitizeElement(el, options).innerHTML;
  const holder = inert.createElement('div');
  holder.append(api.sanitizeToFragment(hostile, options));
  const attributes = new Set<string>();
  const tags = new Set<string>();
  const urls: string[] = [];
  for (const e of holder.querySelectorAll('*')) {
    tags.add(e.localName);
    for (const a of e.getAttributeNames()) {
      attributes.add(`${e.localName}@${a}`);
      if (['href', 'src', 'srcset', 'poster', 'cite'].includes(a)) urls.push(e.getAttribute(a)!);
    }
  }
  return {
    engine: api.sanitizerEngine(options),
    html,
    elementHtml,
    text: holder.textContent!.replace(/\s+/g, ' ').trim(),
    attributes: [...attributes].sort(),
    tags: [...tags].sort(),
    urls,
  };
}

function expectSafeAndReadable(o: Outcome): void {
  for (const html of [o.html, o.elementHtml]) {
    expect(html).not.toMatch(
      /<(?:script|style|iframe|object|embed|form|input|button|select|textarea|meta|base|link|svg|math|noscript|template)\b/i,
    );
    expect(html).not.toMatch(/\son\w+\s*=/i);
    expect(html).not.toMatch(/javascript:|java&#9;script|data:text/i);
    expect(html).not.toContain('alert(');
    expect(html).not.toContain('<!--');
  }
  // Nothing from the page's own widgets or tracking: no roles, tabindex, ARIA, data-, classes, ids, styles, pings.
  for (const attr of o.attributes)
    expect(attr).toMatch(
      /@(?:href|src|srcset|alt|title|width|height|lang|dir|datetime|cite|colspan|rowspan|scope|abbr|start|reversed|value|poster|controls|open|target|rel|loading|referrerpolicy)$/,
    );
  // What a reader reads stays, the labels of form controls and hidden fallbacks do not.
  for (const words of [
    'Lesen hier.',
    'Look here, there, data and mail.',
    'Text of a story wrapped in a form.',
    'QuarterRevenue',
    'Third',
    'Quote',
    '4 Feb',
    'MoreDetails',
    'Last bold words.',
  ])
    expect(o.text).toContain(words);
  for (const words of [
    'Button label',
    'Option label',
    'Textarea text',
    'input value',
    'svg text',
    'no script',
    'template',
    'object fallback',
  ])
    expect(o.text).not.toContain(words);
  // Links open outside the reader without a referrer; pictures load late without one.
  expect(o.attributes).toEqual(
    expect.arrayContaining([
      'a@href',
      'a@target',
      'a@rel',
      'img@src',
      'img@alt',
      'img@srcset',
      'img@loading',
      'img@referrerpolicy',
      'td@colspan',
      'th@scope',
      'ol@start',
      'li@value',
      'time@datetime',
      'blockquote@cite',
      'video@poster',
      'details@open',
      'p@lang',
    ]),
  );
  expect(o.urls.sort()).toEqual(
    [
      'data:image/png;base64,iVBORw0KGgo=',
      'https://cdn.example.com/a-2x.jpg 2x',
      'https://cdn.example.com/a.jpg',
      'https://cdn.example.com/p.jpg',
      'https://cdn.example.com/v.mp4',
      'https://news.example.com/a',
      'https://source.example.com/q',
      'mailto:desk@news.example.com',
    ].sort(),
  );
}

let code = '';
let server: Awaited<ReturnType<typeof serveFixtures>>;

beforeAll(async () => {
  code = await pageBundle({ contents: "import * as s from '@/lib/article/sanitize'; (globalThis as any).__sanitize = s;" });
  server = await serveFixtures();
});
afterAll(() => server?.close());

/** Both engines in one browser: each safe and readable, and the same result. */
function checkBoth(browser: Outcome, dompurify: Outcome): void {
  // The browser's own sanitizer is there and used (else this would test DOMPurify twice).
  expect(browser.engine).toBe('browser');
  expect(dompurify.engine).toBe('dompurify');
  expectSafeAndReadable(browser);
  expectSafeAndReadable(dompurify);
  expect(browser.text).toBe(dompurify.text);
  expect(browser.attributes).toEqual(dompurify.attributes);
  expect(browser.tags).toEqual(dompurify.tags);
}

/** The page as both drivers (Playwright, puppeteer) offer it: open a URL, run a function in it. */
interface AnyPage {
  goto(url: string, options: { waitUntil: 'domcontentloaded' }): Promise<unknown>;
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  evaluate(code: string): Promise<unknown>;
}

async function checkIn(page: AnyPage): Promise<void> {
  await page.goto(server.url(DEMO.path), { waitUntil: 'domcontentloaded' });
  await page.evaluate(code);
  checkBoth(
    await page.evaluate(inPage, [HOSTILE, false] as [string, boolean]),
    await page.evaluate(inPage, [HOSTILE, true] as [string, boolean]),
  );
}

const TITLE = 'the browser sanitizer and DOMPurify leave nothing that runs, keep the story, and agree';

describe('Chromium', () => {
  let browser: PwBrowser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(() => browser?.close());
  test(TITLE, async () => checkIn((await browser.newPage()) as unknown as AnyPage));
});

describe('Firefox', () => {
  let browser: PpBrowser;
  beforeAll(async () => {
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  });
  afterAll(() => browser?.close());
  test(TITLE, async () => checkIn((await browser.newPage()) as unknown as AnyPage));
});

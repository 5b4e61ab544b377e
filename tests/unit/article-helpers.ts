// Shared by the article tests (not a test file itself): fixtures, parsing, and the text-overlap
// measure the extraction benchmark uses (4-word shingles, recall of the expected text).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';

// (import.meta.url is an http: URL under the jsdom environment; tests run from the repository root.)
const FIXTURES = join(process.cwd(), 'tests/fixtures/');

/** A page parsed the way a browser tab holds it: its own window, URL and base URL. */
export function parse(html: string, url = 'https://example.com/news/article.html'): Document {
  // A silent console: real pages carry CSS jsdom cannot parse, and its complaints are noise.
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

interface ReadabilityMeta {
  title?: string;
  byline?: string | null;
  dir?: string | null;
  lang?: string;
  excerpt?: string;
  siteName?: string | null;
  publishedTime?: string | null;
  readerable: boolean;
}

export interface ReadabilityPage {
  name: string;
  source: string;
  expectedHtml: string;
  meta: ReadabilityMeta;
}

/** The URL Readability's own test suite parses its pages at (expected.html links are relative to it). */
export const READABILITY_URL = 'http://fakehost/test/page.html';

export function readabilityPages(): ReadabilityPage[] {
  const dir = `${FIXTURES}readability/`;
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({
      name: d.name,
      source: readFileSync(`${dir}${d.name}/source.html`, 'utf8'),
      expectedHtml: readFileSync(`${dir}${d.name}/expected.html`, 'utf8'),
      meta: JSON.parse(readFileSync(`${dir}${d.name}/expected-metadata.json`, 'utf8')) as ReadabilityMeta,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface KoreanPage {
  id: string;
  url: string;
  article: boolean;
  source: string;
  /** Ground truth: the article body, one paragraph a line (empty for a non-article page). */
  expected: string[];
}

/** The Korean portal fixtures and the URL each page was served at (see tests/fixtures/README.md). */
const KOREAN_URLS: Record<string, string> = {
  'mk-1': 'https://www.mk.co.kr/news/sports/11328187',
  'mk-2': 'https://www.mk.co.kr/news/stock/11330362',
  'mk-3': 'https://www.mk.co.kr/news/politics/11333783',
  'hankookilbo-1': 'https://www.hankookilbo.com/News/Read/A2025051516330004328',
  'naver-1': 'https://news.naver.com/main/main.naver?mode=LSD&mid=shm&sid1=100',
};

export function koreanPages(): KoreanPage[] {
  return Object.entries(KOREAN_URLS).map(([id, url]) => {
    const expected = readFileSync(`${FIXTURES}korean/${id}/expected.txt`, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    return {
      id,
      url,
      article: expected.length > 0,
      source: readFileSync(`${FIXTURES}korean/${id}/source.html`, 'utf8'),
      expected,
    };
  });
}

/** Lower-cased word tokens (letters and digits of any script; a Korean eojeol is one token). */
function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** Overlapping n-word sequences; a text shorter than n words is one shingle. */
function shingles(text: string, n = 4): string[] {
  const t = tokens(text);
  if (t.length < n) return t.length ? [t.join(' ')] : [];
  const out: string[] = [];
  for (let i = 0; i + n <= t.length; i++) out.push(t.slice(i, i + n).join(' '));
  return out;
}

/** Share of `expected`'s shingles found in `got` (1 when nothing is expected). */
export function shingleRecall(expected: string, got: string): number {
  const want = shingles(expected);
  if (!want.length) return 1;
  const have = new Set(shingles(got));
  return want.filter((s) => have.has(s)).length / want.length;
}

/** Text of an HTML fragment or page the way the reader shows it (tags gone, spaces collapsed). */
export function htmlText(html: string): string {
  return (parse(html).body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

// The demo article bundled with the extension (public/demo/article.html): the welcome page's "Try
// the reader" opens it in the saved-article reader (read.html?demo), with no network and nothing
// saved. The file is our own clean article page, so it is read as it is (its <article>), not
// extracted; the reader session sanitizes it like any article.
import { browser } from 'wxt/browser';
import type { Article } from '@/lib/article/types';
import { countText, minutesFor, toPlainText } from '@/lib/article/text';

const DEMO_PATH = '/demo/article.html';

export async function demoArticle(): Promise<Article> {
  const url = browser.runtime.getURL(DEMO_PATH);
  const html = await (await fetch(url)).text();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.querySelector('article')!;
  const title = body.querySelector('h1')?.textContent?.trim() ?? doc.title;
  body.querySelector('h1')?.remove();
  const byline = body.querySelector('.byline');
  const credit = byline?.textContent?.trim() ?? null;
  byline?.remove();
  // The pictures sit beside the page: their paths, from the extension's root (the sanitizer keeps
  // relative addresses and drops the extension's own scheme).
  for (const img of Array.from(body.querySelectorAll('img')))
    img.setAttribute('src', new URL(img.getAttribute('src') ?? '', url).pathname);
  const text = toPlainText(body);
  const counts = countText(text);
  return {
    title,
    byline: credit,
    siteName: doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? null,
    publishedTime: null,
    lang: doc.documentElement.lang || null,
    dir: 'ltr',
    excerpt: doc.querySelector('meta[name="description"]')?.getAttribute('content') ?? null,
    leadImage: null,
    url,
    canonicalUrl: url,
    contentHtml: body.innerHTML,
    text,
    wordCount: counts.words + counts.hangul + counts.hanKana,
    readingMinutes: minutesFor(counts),
  };
}

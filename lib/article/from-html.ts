// Extraction of a page fetched as HTML (Save link, pending imports): parsed into a detached
// document whose base URL is the page's, so relative links resolve as they would in the page.
// Needs a DOM: Firefox's background page has one, Chrome's service worker hands this to its
// offscreen document.
import { extract } from '@/lib/article/extract';
import type { PageCapture } from '@/platform/messages';

export function captureFromHtml(html: string, url: string): PageCapture {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const base = doc.createElement('base');
  base.href = url;
  doc.head.prepend(base);
  const article = extract(doc, url);
  const description = doc.querySelector('meta[name="description"], meta[property="og:description"]')?.getAttribute('content');
  const title = article?.title ?? (doc.title.trim() || url);
  return { url, title, excerpt: article?.excerpt ?? description?.trim() ?? null, article };
}

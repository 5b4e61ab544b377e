// Shared by tests (not a test file itself): a sample extracted article, as lib/article/extract.ts returns
// it, with paragraphs made from the text; a test overrides what it is about.
import type { Article } from '@/lib/article/types';
import { wordCount, readingMinutes } from '@/lib/article/text';

/** An extracted article as lib/article/extract.ts returns it. */
export function article(over: Partial<Article> & { text?: string } = {}): Article {
  const text = over.text ?? 'Body text of the article, long enough to be a real paragraph of news.';
  const paragraphs = text.split(/\n{2,}/).map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
  const url = over.url ?? 'https://news.example.com/2024/05/story';
  return {
    title: 'A story',
    byline: 'Kim Min-ji',
    siteName: 'Example News',
    publishedTime: '2024-05-01T09:00:00Z',
    lang: 'en',
    dir: 'ltr',
    excerpt: 'The first lines.',
    leadImage: 'https://news.example.com/lead.jpg',
    url,
    canonicalUrl: over.canonicalUrl ?? url,
    contentHtml: paragraphs.join(''),
    text,
    wordCount: wordCount(text),
    readingMinutes: readingMinutes(text),
    ...over,
  };
}

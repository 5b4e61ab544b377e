/** What the detector found on a page: cheap signals, no extraction. */
export interface Detection {
  isArticle: boolean;
  /** The document's title, for the toolbar button's tooltip. */
  title: string;
  /** Readability's own isProbablyReaderable verdict, kept to compare against. */
  readerable: boolean;
  /** schema.org Article/NewsArticle/BlogPosting… in JSON-LD or microdata. */
  structured: boolean;
  /** og:type=article. */
  ogArticle: boolean;
  /** Text length of the largest single `<article>` element (0 when none). */
  articleElementText: number;
  /** How many `<article>` elements hold a fair amount of text (a list page has many). */
  articleElementCount: number;
  /** Characters of text in paragraph-like blocks that look like running prose. */
  proseText: number;
  /** Share of the body's text that sits inside links (menus and lists are link-heavy). */
  linkDensity: number;
}

/** The clean article the reader shows (and, later, the library stores). */
export interface Article {
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl';
  excerpt: string | null;
  leadImage: string | null;
  url: string;
  canonicalUrl: string;
  /** Sanitized HTML of the article body. */
  contentHtml: string;
  /** Plain text, paragraphs separated by blank lines (figure captions included, as the reader shows them). */
  text: string;
  /**
   * `text` without the figure captions: the article's body (what the extraction benchmarks score).
   * Absent on articles saved before it existed.
   */
  bodyText?: string;
  /** The figure captions, in order (each also in `text` and `contentHtml`). */
  captions?: string[];
  wordCount: number;
  readingMinutes: number;
}

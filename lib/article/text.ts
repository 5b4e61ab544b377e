// Plain text, word counts and reading time. Korean, Japanese and Chinese are counted by
// characters (a space-separated "word" means nothing in Japanese or Chinese, and a Korean
// eojeol carries particles), everything else by words.

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** Reading speeds of adults reading news silently, in units per minute. */
export const READING_SPEED = { words: 230, hangul: 500, hanKana: 400 } as const;

export interface TextCounts {
  words: number;
  hangul: number;
  hanKana: number;
}

/**
 * The number of `WORD` matches in `text`: runs of letters and digits, joined by a single ' ’ . or -
 * between two of them ("don't", "U.S.", "e-mail"). The browser's pattern engine counts them: a
 * loop over the characters in JavaScript, faster once compiled, costs more on the page's first
 * extraction, which runs it cold (the one a reader waits for).
 */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Hangul, then Han and kana: the ranges `countText` counts by character code. */
const CJK_RANGES = '\\u1100-\\u11ff\\u3130-\\u318f\\uac00-\\ud7af\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const CJK = new RegExp(`[${CJK_RANGES}]`, 'g');
const ANY_CJK = new RegExp(`[${CJK_RANGES}]`);
// By UTF-16 code, as the ranges are written (no `u` flag): what is left is the characters counted.
const NOT_HANGUL = /[^\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+/g;
const NOT_HAN_KANA = /[^\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

export function countText(text: string): TextCounts {
  // Most pages have no Korean, Japanese or Chinese at all: one test spares three passes.
  if (!ANY_CJK.test(text)) return { words: countWords(text), hangul: 0, hanKana: 0 };
  // Counted by what is left when everything else is taken out (matching the ranges made an array of
  // every character of a Korean article). Hangul is U+1100–11FF, U+3130–318F and U+AC00–D7AF; Han
  // and kana U+3040–30FF, U+3400–4DBF, U+4E00–9FFF and U+F900–FAFF. Words are what is left between them.
  const hangul = text.replace(NOT_HANGUL, '').length;
  const hanKana = text.replace(NOT_HAN_KANA, '').length;
  const words = text.replace(CJK, ' ').match(WORD)?.length ?? 0;
  return { words, hangul, hanKana };
}

/** Words for spaced scripts plus characters for CJK: the unit a reader's pace is measured in. */
export function wordCount(text: string): number {
  const c = countText(text);
  return c.words + c.hangul + c.hanKana;
}

/** Whole minutes, at least 1 for any text at all. */
export function readingMinutes(text: string): number {
  return minutesFor(countText(text));
}

/** Reading minutes from counts already taken (`countText`), so a long text is counted once. */
export function minutesFor(c: TextCounts): number {
  const minutes = c.words / READING_SPEED.words + c.hangul / READING_SPEED.hangul + c.hanKana / READING_SPEED.hanKana;
  return c.words + c.hangul + c.hanKana === 0 ? 0 : Math.max(1, Math.round(minutes));
}

/** Guess a language from the script when the page declares none. */
export function languageFromScript(text: string): string | null {
  const sample = text.slice(0, 2000);
  const c = countText(sample);
  const kana = sample.match(/[\u3040-\u30ff]/gu)?.length ?? 0;
  if (c.hangul > 20 && c.hangul >= c.hanKana) return 'ko';
  // Chinese has no kana at all, while every Japanese sentence has some: a few kana decide, however
  // short the text (a count of ten took two-sentence Japanese texts for Chinese).
  if (kana >= 3 && kana >= c.hanKana * 0.05) return 'ja';
  if (c.hanKana > 20) return 'zh';
  return null;
}

/** Line breaks in the HTML source, which a browser shows as spaces. */
const SOURCE_BREAKS = /[\r\n]+/g;

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
  'CAPTION',
]);

/**
 * Text of an element as a reader sees it: block boundaries as blank lines, `<br>` as line breaks,
 * and the line breaks of the HTML source as spaces (as a browser renders them; only `<pre>` keeps
 * its own).
 */
export function toPlainText(root: Node): string {
  const parts: string[] = [];
  let pre = 0;
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      parts.push(pre || (!data.includes('\n') && !data.includes('\r')) ? data : data.replace(SOURCE_BREAKS, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) return;
    const el = node as Element;
    const tag = el.tagName ?? '';
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') return;
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCK.has(tag);
    if (block) parts.push('\n\n');
    if (tag === 'PRE') pre++;
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (tag === 'PRE') pre--;
    if (block) parts.push('\n\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0\u200b]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** White space other than one plain space between words: what `squash` would change. */
const UNSQUASHED = /[^\S ]|\u200b| {2}|^ | $/;

/**
 * Runs of white space (with no-break and zero-width spaces) as one space, trimmed. A text that is
 * already so comes back as it is, without a copy (most text of an article is).
 */
export const squash = (s: string | null | undefined): string => {
  if (!s) return '';
  return UNSQUASHED.test(s) ? s.replace(/[\s\u00a0\u200b]+/g, ' ').trim() : s;
};

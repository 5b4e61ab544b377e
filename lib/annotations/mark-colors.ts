// The colours of the reader's own highlights drawn in a live page, chosen for the page: on a light
// article the reader's light marks with dark text, on a dark one its dark marks with light text
// (the same two palettes as components/highlights.css, checked alike in the tests), so the text in
// a mark keeps WCAG AA contrast (4.5:1) whatever the site's colours. Pure: the page's computed
// colours come in as CSS strings (page/live-highlights.ts reads them).
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/annotations/highlight';

export interface MarkPalette {
  /** The text colour inside a mark (its descendants too: a site's link colour may not stay). */
  text: string;
  marks: Readonly<Record<HighlightColor, string>>;
}

/** The reader's light theme's marks (components/highlights.css: the first of each light-dark() pair). */
export const LIGHT_MARKS: MarkPalette = {
  text: '#1f1f1f',
  marks: { yellow: '#fff0a8', green: '#c8f0c8', blue: '#cfe3ff', pink: '#ffd6e7' },
};
/** The reader's dark theme's marks (components/highlights.css: the second of each light-dark() pair). */
export const DARK_MARKS: MarkPalette = {
  text: '#f2f2f2',
  marks: { yellow: '#5c4d00', green: '#1f4d2a', blue: '#1d3a66', pink: '#5e2340' },
};

type Rgba = [number, number, number, number];

/** A computed CSS colour (`rgb()` / `rgba()`, with commas or spaces, or `#rgb` / `#rrggbb`) as RGBA; null otherwise. */
export function parseColor(css: string | null | undefined): Rgba | null {
  const s = css?.trim().toLowerCase() ?? '';
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(s)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)).concat(1) as Rgba;
  }
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(s);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** WCAG 2 relative luminance of an sRGB colour. */
function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

/** WCAG 2 contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [la, lb] = [a, b].map((c) => luminance(parseColor(c) ?? [0, 0, 0, 1]));
  return (Math.max(la!, lb!) + 0.05) / (Math.min(la!, lb!) + 0.05);
}

/**
 * Whether an article is shown dark: by the first opaque background behind its text when one is
 * known (the luminance where black and white text contrast alike, ~0.18), else by its text's
 * colour (light text is on a dark page). Neither known: light, a browser's default.
 */
export function isDarkArticle(colors: { background: string | null; text: string | null }): boolean {
  const bg = parseColor(colors.background);
  if (bg && bg[3] > 0.5) return luminance(bg) < 0.18;
  const fg = parseColor(colors.text);
  return !!fg && luminance(fg) > 0.5;
}

/** The marks' style sheet for a page: the palette that suits its article's colours. */
export function pageMarkCss(colors: { background: string | null; text: string | null }): string {
  const palette = isDarkArticle(colors) ? DARK_MARKS : LIGHT_MARKS;
  return HIGHLIGHT_COLORS.map(
    (c) =>
      `mark.ra-hl-${c}{background:${palette.marks[c]}!important;color:${palette.text}!important;cursor:pointer}` +
      `mark.ra-hl-${c} *{color:inherit!important}`,
  ).join('');
}

// Reader typography: a global default (synced with the user's browser profile) and optional
// per-site overrides (kept on this device). Pure helpers first; storage below.
import { defineSetting } from '@/platform/settings/define';

/** Font size steps in percent: 9 steps from 70% to 200%. */
export const FONT_STEPS = [70, 80, 90, 100, 110, 125, 150, 175, 200] as const;
const DEFAULT_FONT_STEP = 3;
export const LINE_HEIGHTS = [1.4, 1.6, 1.8, 2.0] as const;
export const WIDTHS = { narrow: 32, medium: 40, wide: 52 } as const;
export const THEMES = ['system', 'light', 'sepia', 'dark'] as const;
const FONTS = ['serif', 'sans'] as const;

export type Theme = (typeof THEMES)[number];
export type FontFamily = (typeof FONTS)[number];
export type Width = keyof typeof WIDTHS;

export interface Typography {
  fontStep: number;
  font: FontFamily;
  lineHeight: number;
  width: Width;
  theme: Theme;
}

export const DEFAULT_TYPOGRAPHY: Typography = {
  fontStep: DEFAULT_FONT_STEP,
  font: 'serif',
  lineHeight: 1.8,
  width: 'medium',
  theme: 'system',
};

const clampStep = (step: number) => Math.min(FONT_STEPS.length - 1, Math.max(0, Math.round(step)));

/** A stored value made safe: unknown or out-of-range fields fall back to the defaults. */
export function normalizeTypography(value: Partial<Typography> | null | undefined): Typography {
  const v = value ?? {};
  return {
    fontStep: typeof v.fontStep === 'number' && Number.isFinite(v.fontStep) ? clampStep(v.fontStep) : DEFAULT_TYPOGRAPHY.fontStep,
    font: FONTS.includes(v.font as FontFamily) ? (v.font as FontFamily) : DEFAULT_TYPOGRAPHY.font,
    lineHeight: LINE_HEIGHTS.includes(v.lineHeight as (typeof LINE_HEIGHTS)[number])
      ? (v.lineHeight as number)
      : DEFAULT_TYPOGRAPHY.lineHeight,
    width: v.width && v.width in WIDTHS ? v.width : DEFAULT_TYPOGRAPHY.width,
    theme: THEMES.includes(v.theme as Theme) ? (v.theme as Theme) : DEFAULT_TYPOGRAPHY.theme,
  };
}

export function fontPercent(t: Typography): number {
  return FONT_STEPS[clampStep(t.fontStep)]!;
}

/** One step bigger (+1) or smaller (-1), stopping at the ends; 0 resets to 100%. */
export function stepFont(t: Typography, direction: -1 | 0 | 1): Typography {
  return { ...t, fontStep: direction === 0 ? DEFAULT_FONT_STEP : clampStep(t.fontStep + direction) };
}

/** Page zoom factors for the popup's A−/A+ outside the reader (browser per-tab zoom). */
export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;

export function nextZoom(current: number, direction: -1 | 0 | 1): number {
  if (direction === 0) return 1;
  // The nearest step to the current factor, then one step in the asked direction.
  let index = 0;
  ZOOM_STEPS.forEach((z, i) => {
    if (Math.abs(z - current) < Math.abs(ZOOM_STEPS[index]! - current)) index = i;
  });
  return ZOOM_STEPS[Math.min(ZOOM_STEPS.length - 1, Math.max(0, index + direction))]!;
}

/** Site key for per-site overrides: the host name without "www.". */
export function siteKey(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

// Version 1: the shape stored since the first release (the Typography above, per site a map from
// siteKey to it). Values synced from another device or release are made safe on every read
// (normalizeTypography), so a stray field needs no migration; a changed shape does.
export const globalTypography = defineSetting<Typography>('sync:typography', {
  fallback: DEFAULT_TYPOGRAPHY,
  version: 1,
  migrations: {},
});
export const siteTypography = defineSetting<Record<string, Typography>>('local:typographyBySite', {
  fallback: {},
  version: 1,
  migrations: {},
});

export interface EffectiveTypography {
  value: Typography;
  /** True when the site has its own override. */
  perSite: boolean;
}

export async function loadTypography(site: string | null): Promise<EffectiveTypography> {
  const [global, sites] = await Promise.all([globalTypography.getValue(), siteTypography.getValue()]);
  const own = site ? sites[site] : undefined;
  return own ? { value: normalizeTypography(own), perSite: true } : { value: normalizeTypography(global), perSite: false };
}

/** Saves `value` where it belongs: the site's override when `perSite`, else the global default. */
export async function saveTypography(site: string | null, value: Typography, perSite: boolean): Promise<void> {
  const clean = normalizeTypography(value);
  if (perSite && site) {
    await siteTypography.setValue({ ...(await siteTypography.getValue()), [site]: clean });
    return;
  }
  if (site) {
    const sites = await siteTypography.getValue();
    if (site in sites) {
      const { [site]: _dropped, ...rest } = sites;
      await siteTypography.setValue(rest);
    }
  }
  await globalTypography.setValue(clean);
}

/** Calls `onChange` whenever the typography that applies to `site` changes, in any context. */
export function watchTypography(site: string | null, onChange: (t: EffectiveTypography) => void): () => void {
  const reload = () => void loadTypography(site).then(onChange);
  const unwatchGlobal = globalTypography.watch(reload);
  const unwatchSites = siteTypography.watch(reload);
  return () => {
    unwatchGlobal();
    unwatchSites();
  };
}

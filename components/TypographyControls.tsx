// The reader's typography controls: size, font, line spacing, width, theme and the per-site switch.
import { useId } from 'preact/hooks';
import { t, type MessageKey } from '@/platform/i18n';
import {
  FONT_STEPS,
  LINE_HEIGHTS,
  THEMES,
  WIDTHS,
  fontPercent,
  stepFont,
  type FontFamily,
  type Theme,
  type Typography,
  type Width,
} from '@/platform/settings/typography';
import { FontSizeControl } from './FontSizeControl';

const THEME_LABELS: Record<Theme, MessageKey> = {
  system: 'themeSystem',
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
};
const WIDTH_LABELS: Record<Width, MessageKey> = { narrow: 'widthNarrow', medium: 'widthMedium', wide: 'widthWide' };

export interface TypographyControlsProps {
  value: Typography;
  perSite: boolean;
  /** Null where there is no site (the per-site switch is then hidden). */
  site: string | null;
  onChange: (value: Typography, perSite: boolean) => void;
  /** Compact: only size and theme (the popup). */
  compact?: boolean;
}

export function ThemeSelect({ value, onChange }: { value: Theme; onChange: (theme: Theme) => void }) {
  const id = useId();
  return (
    <span class="ra-field">
      <label for={id}>{t('theme')}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as Theme)}>
        {THEMES.map((theme) => (
          <option key={theme} value={theme}>
            {t(THEME_LABELS[theme])}
          </option>
        ))}
      </select>
    </span>
  );
}

export function TypographyControls({ value, perSite, site, onChange, compact }: TypographyControlsProps) {
  const ids = { font: useId(), line: useId(), width: useId(), site: useId() };
  const set = (patch: Partial<Typography>) => onChange({ ...value, ...patch }, perSite);
  return (
    <div class="ra-controls">
      <FontSizeControl
        label="popupReaderFontSize"
        percent={fontPercent(value)}
        canShrink={value.fontStep > 0}
        canGrow={value.fontStep < FONT_STEPS.length - 1}
        onStep={(d) => onChange(stepFont(value, d), perSite)}
      />
      {!compact && (
        <>
          <span class="ra-field">
            <label for={ids.font}>{t('fontFamily')}</label>
            <select
              id={ids.font}
              value={value.font}
              onChange={(e) => set({ font: (e.currentTarget as HTMLSelectElement).value as FontFamily })}
            >
              <option value="serif">{t('fontSerif')}</option>
              <option value="sans">{t('fontSans')}</option>
            </select>
          </span>
          <span class="ra-field">
            <label for={ids.line}>{t('lineHeight')}</label>
            <select
              id={ids.line}
              value={String(value.lineHeight)}
              onChange={(e) => set({ lineHeight: Number((e.currentTarget as HTMLSelectElement).value) })}
            >
              {LINE_HEIGHTS.map((lh) => (
                <option key={lh} value={String(lh)}>
                  {lh.toFixed(1)}
                </option>
              ))}
            </select>
          </span>
          <span class="ra-field">
            <label for={ids.width}>{t('contentWidth')}</label>
            <select
              id={ids.width}
              value={value.width}
              onChange={(e) => set({ width: (e.currentTarget as HTMLSelectElement).value as Width })}
            >
              {(Object.keys(WIDTHS) as Width[]).map((w) => (
                <option key={w} value={w}>
                  {t(WIDTH_LABELS[w])}
                </option>
              ))}
            </select>
          </span>
        </>
      )}
      <ThemeSelect value={value.theme} onChange={(theme) => set({ theme })} />
      {!compact && site && (
        <span class="ra-field ra-check">
          <input
            id={ids.site}
            type="checkbox"
            checked={perSite}
            onChange={(e) => onChange(value, (e.currentTarget as HTMLInputElement).checked)}
          />
          <label for={ids.site}>{t('perSite')}</label>
        </span>
      )}
    </div>
  );
}

/** CSS custom properties for a typography value, set on the reader's root. */
export function typographyStyle(value: Typography): Record<string, string> {
  return {
    '--ra-scale': String(fontPercent(value) / 100),
    '--ra-line': String(value.lineHeight),
    '--ra-width': `${WIDTHS[value.width]}em`,
  };
}

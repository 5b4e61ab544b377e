// The reader's typography controls (the "Aa" popover): size, font, line spacing, width, theme and
// the per-site switch; and the popup's theme list.
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
import { Choice } from './Choice';
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
}

/** The popup's theme list (the reader's "Aa" popover shows swatches instead). */
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

/** The reader's "Aa" popover: size, font, line spacing, width, theme and "only for this site". */
export function TypographyControls({ value, perSite, site, onChange }: TypographyControlsProps) {
  const siteId = useId();
  const set = (patch: Partial<Typography>) => onChange({ ...value, ...patch }, perSite);
  return (
    <div class="ra-stack ra-typography">
      <FontSizeControl
        label="popupReaderFontSize"
        percent={fontPercent(value)}
        canShrink={value.fontStep > 0}
        canGrow={value.fontStep < FONT_STEPS.length - 1}
        onStep={(d) => onChange(stepFont(value, d), perSite)}
      />
      <Choice<FontFamily>
        legend={t('fontFamily')}
        value={value.font}
        options={[
          ['serif', <span class="ra-sample-serif">{t('fontSerif')}</span>],
          ['sans', <span class="ra-sample-sans">{t('fontSans')}</span>],
        ]}
        onChange={(font) => set({ font })}
      />
      <Choice<string>
        legend={t('lineHeight')}
        value={String(value.lineHeight)}
        options={LINE_HEIGHTS.map((lh) => [String(lh), lh.toFixed(1)] as const)}
        onChange={(lh) => set({ lineHeight: Number(lh) })}
      />
      <Choice<Width>
        legend={t('contentWidth')}
        value={value.width}
        options={(Object.keys(WIDTHS) as Width[]).map((w) => [w, t(WIDTH_LABELS[w])] as const)}
        onChange={(width) => set({ width })}
      />
      <Choice<Theme>
        legend={t('theme')}
        value={value.theme}
        class="ra-swatches"
        options={THEMES.map(
          (theme) =>
            [
              theme,
              <>
                <span class={`ra-swatch ra-swatch-${theme}`} aria-hidden="true">
                  <span>A</span>
                  <span>a</span>
                </span>
                {t(THEME_LABELS[theme])}
              </>,
            ] as const,
        )}
        onChange={(theme) => set({ theme })}
      />
      {site && (
        <label class="ra-check" for={siteId}>
          <input
            id={siteId}
            type="checkbox"
            checked={perSite}
            onChange={(e) => onChange(value, (e.currentTarget as HTMLInputElement).checked)}
          />
          <span>{t('perSite')}</span>
          <span class="ra-check-site">{site}</span>
        </label>
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

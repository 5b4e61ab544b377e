// The reader toolbar's icons: inline SVG drawn here (no icon font, no request), 20 px, in the
// button's text colour; hidden from assistive technology (each button carries its own name).
import type { ComponentChildren } from 'preact';

function Icon({ children }: { children: ComponentChildren }) {
  return (
    <svg
      class="ra-icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {children}
    </svg>
  );
}

/** "Aa": a large and a small letter A, drawn as strokes. */
export const TypographyIcon = () => (
  <Icon>
    <path d="M2.5 19 8 5l5.5 14M4.6 14h6.8" />
    <path d="M15 19l3.5-8.5L22 19M16.1 16.4h4.8" />
  </Icon>
);

/** A globe: the article in another language. */
export const TranslateIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="9" />
    <path d="M3 12h18M12 3c2.4 2.5 3.6 5.5 3.6 9s-1.2 6.5-3.6 9c-2.4-2.5-3.6-5.5-3.6-9S9.6 5.5 12 3z" />
  </Icon>
);

/** A highlighter over a line. */
export const HighlightIcon = () => (
  <Icon>
    <path d="M14.5 4.5l5 5L11 18H6v-5z" />
    <path d="M3.5 21h17" />
  </Icon>
);

/** A list: the names found in the article. */
export const ListIcon = () => (
  <Icon>
    <path d="M9 6h11M9 12h11M9 18h11" />
    <path d="M4.5 6h.01M4.5 12h.01M4.5 18h.01" stroke-width="2.6" />
  </Icon>
);

/** A keyboard: the reader's keys. */
export const KeysIcon = () => (
  <Icon>
    <rect x="2.5" y="6" width="19" height="12" rx="2" />
    <path d="M6.5 10h.01M10 10h.01M13.5 10h.01M17 10h.01M7.5 14h9" />
  </Icon>
);

export const CloseIcon = () => (
  <Icon>
    <path d="M6 6l12 12M18 6 6 18" />
  </Icon>
);

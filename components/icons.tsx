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

/** Headphones: read the article aloud. */
export const ListenIcon = () => (
  <Icon>
    <path d="M4 15v-3a8 8 0 0 1 16 0v3" />
    <rect x="3" y="14" width="4.5" height="6.5" rx="1.5" />
    <rect x="16.5" y="14" width="4.5" height="6.5" rx="1.5" />
  </Icon>
);

/** Three short lines with a spark: the article's key points. */
export const KeyPointsIcon = () => (
  <Icon>
    <path d="M3.5 7h8M3.5 12h11M3.5 17h11" />
    <path d="M18.5 3.5l.9 2.1 2.1.9-2.1.9-.9 2.1-.9-2.1-2.1-.9 2.1-.9z" />
  </Icon>
);

/** Lines of a table of contents, the second level set in. */
export const ContentsIcon = () => (
  <Icon>
    <path d="M4 5.5h16M8 10h12M8 14.5h12M4 19h16" />
  </Icon>
);

/** A note with a folded corner: the reader's own highlights and notes. */
export const NotesIcon = () => (
  <Icon>
    <path d="M5 3.5h14v11l-5.5 6H5z" />
    <path d="M13.5 20.5v-6H19M8.5 8h7M8.5 11.5h4" />
  </Icon>
);

// The read-aloud player's controls (filled shapes, as media players draw them).
export const PlayIcon = () => (
  <Icon>
    <path d="M8 5.5v13l10.5-6.5z" fill="currentColor" />
  </Icon>
);

export const PauseIcon = () => (
  <Icon>
    <path d="M8 5.5v13M16 5.5v13" stroke-width="3.2" />
  </Icon>
);

export const StopIcon = () => (
  <Icon>
    <rect x="6.5" y="6.5" width="11" height="11" rx="1.5" fill="currentColor" />
  </Icon>
);

export const PreviousIcon = () => (
  <Icon>
    <path d="M6.5 5.5v13" stroke-width="2.4" />
    <path d="M19 5.5v13L9 12z" fill="currentColor" />
  </Icon>
);

export const NextIcon = () => (
  <Icon>
    <path d="M17.5 5.5v13" stroke-width="2.4" />
    <path d="M5 5.5v13L15 12z" fill="currentColor" />
  </Icon>
);

// An article's picture large, with its caption: a modal layer over the reader. Esc or a click
// outside the picture closes it and gives the focus back to the picture that opened it; ← and →
// (and the buttons) move between the article's pictures; Tab stays on its buttons.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { cycleFocus, useLayerKeys } from './layer-keys';

export interface LightboxImage {
  /** The picture in the article (focus goes back to it). */
  element: HTMLImageElement;
  caption: string;
}

export function Lightbox({
  images,
  index,
  onIndex,
  onClose,
}: {
  images: LightboxImage[];
  index: number;
  onIndex: (index: number) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDivElement>(null);
  const closer = useRef<HTMLButtonElement>(null);
  const image = images[index]!;
  const many = images.length > 1;
  const go = (step: number) => onIndex((index + step + images.length) % images.length);

  useEffect(() => closer.current?.focus({ preventScroll: true }), []);
  useLayerKeys(true, (event) => {
    if (event.key === 'Escape') return (onClose(), true);
    if (many && event.key === 'ArrowRight') return (go(1), true);
    if (many && event.key === 'ArrowLeft') return (go(-1), true);
    return cycleFocus(event, dialog.current);
  });

  const { element, caption } = image;
  const name = caption || element.alt || t('aidsImage');
  return (
    <div
      ref={dialog}
      class="ra-lightbox"
      role="dialog"
      aria-modal="true"
      aria-label={name}
      data-testid="lightbox"
      onClick={(e) => e.target === e.currentTarget && onClose()}
    >
      <figure class="ra-lightbox-figure">
        <img src={element.currentSrc || element.src} alt={element.alt} />
        {(caption || many) && (
          <figcaption>
            {many && (
              <span class="ra-lightbox-count" data-testid="lightbox-count">
                {t('aidsImageCount', index + 1, images.length)}
              </span>
            )}
            {caption && <span data-testid="lightbox-caption">{caption}</span>}
          </figcaption>
        )}
      </figure>
      {many && (
        <>
          <button
            type="button"
            class="ra-lightbox-nav ra-lightbox-prev"
            onClick={() => go(-1)}
            aria-label={t('aidsImagePrevious')}
          >
            <span aria-hidden="true">‹</span>
          </button>
          <button type="button" class="ra-lightbox-nav ra-lightbox-next" onClick={() => go(1)} aria-label={t('aidsImageNext')}>
            <span aria-hidden="true">›</span>
          </button>
        </>
      )}
      <button
        ref={closer}
        type="button"
        class="ra-lightbox-close"
        onClick={onClose}
        aria-label={t('aidsImageClose')}
        title={t('aidsImageClose')}
        data-testid="lightbox-close"
      >
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}

// A picture of the article that fails to load (a site that refuses other pages' requests for its
// pictures, a reader offline) would leave an empty box of the picture's size with a broken-image
// icon: it is hidden instead (reader.css), and its caption stays. Pictures a saved copy did not
// store are not requested at all (held, lib/article/remote-media.ts): they keep their marked place.

/** Marks each picture in `content` that fails to load, until `signal` aborts. Call it before the pictures go in. */
export function hideFailedImages(content: Element, signal: AbortSignal): void {
  // A picture's error does not bubble: it is caught on its way down.
  content.addEventListener(
    'error',
    (e) => {
      const target = e.target as Element | null;
      if (target?.localName === 'img') target.setAttribute('data-ra-failed', '');
    },
    { capture: true, signal },
  );
}

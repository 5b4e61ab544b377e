// A very long article, laid out only near the screen. Its blocks are put in runs of CHUNK inside
// `<div class="ra-chunk">`, which reader.css gives `content-visibility: auto`: the browser styles,
// lays out and paints only the runs near the screen, and keeps each other run's last size. Without
// it a box of 20,000 paragraphs is walked whole on every frame that changes any of them (marking
// names, taking them away, opening): 50 to 100 ms of layout and painting a frame in Chromium. One
// property on each paragraph instead makes the browser watch 20,000 boxes for visibility, which
// costs as much. Short articles are left as they are.
//
// The wrappers are blocks without text of their own: the article's text (`textOf`) is the same.

/** Blocks in a run. */
const CHUNK = 40;
/** Blocks of one box past which an article is put in runs (a long read has a few hundred). */
const LONG = 400;

const WRAPPERS = new Set(['DIV', 'ARTICLE', 'SECTION', 'MAIN']);

/** Puts the blocks of a long article's box in runs; answers how many runs were made (0: none). */
export function chunkLongArticle(content: Element): number {
  // Readability's output wraps the blocks in a few boxes (div, div, article): the one that holds them.
  let box = content;
  while (box.childElementCount === 1 && WRAPPERS.has(box.firstElementChild!.tagName)) box = box.firstElementChild!;
  if (box.childElementCount <= LONG) return 0;
  const doc = box.ownerDocument;
  const runs: HTMLElement[] = [];
  let run: HTMLElement | null = null;
  let blocks = 0;
  // CHUNK elements a run, with the text between them (white space, mostly).
  for (const node of [...box.childNodes]) {
    if (!run || (node.nodeType === 1 && blocks === CHUNK)) {
      run = doc.createElement('div');
      run.className = 'ra-chunk';
      runs.push(run);
      blocks = 0;
    }
    if (node.nodeType === 1) blocks++;
    run.append(node);
  }
  box.append(...runs);
  return runs.length;
}

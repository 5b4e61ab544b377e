// jsdom has no window.matchMedia: the reader's view asks it whether the window is narrow. This one
// answers as a window of `width` px would for (max-width: N px) queries, and never changes.
export function installMatchMedia(width = 1280): void {
  vi.stubGlobal('matchMedia', (query: string) => {
    const max = /max-width:\s*(\d+)px/.exec(query);
    return {
      matches: max ? width <= Number(max[1]) : false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    };
  });
}

// jsdom ships no types and @types/jsdom is not installed: the little the article tests use.
declare module 'jsdom' {
  export class VirtualConsole {
    constructor();
  }
  export interface ConstructorOptions {
    url?: string;
    contentType?: string;
    virtualConsole?: VirtualConsole;
  }
  export class JSDOM {
    constructor(html?: string, options?: ConstructorOptions);
    readonly window: Window & typeof globalThis;
  }
}

// What stands behind jsdom's DOM objects: an event's `isTrusted` and the dispatch jsdom uses for
// its own (the user's) input, which keeps it.
declare module 'jsdom/lib/jsdom/living/generated/utils.js' {
  export function implForWrapper(wrapper: object): { isTrusted: boolean; _dispatch(event: object): boolean } | undefined;
}

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

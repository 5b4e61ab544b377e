// efrt (compromise's dependency for its packed lexicon) ships no types.
declare module 'efrt' {
  export function pack(words: string[] | Record<string, string>): string;
  export function unpack(packed: string): Record<string, true | string>;
}

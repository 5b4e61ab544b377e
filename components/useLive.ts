// A Dexie live query as a Preact hook: the value updates whenever the data it read changes, in
// this page or in another extension context (the background saving, the library deleting).
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

// Dexie is loaded when a query first runs, not with the page: the popup paints its list from a
// snapshot before the database code has loaded (pages that import the store have it already).
const loadDexie = () => import('dexie');

/** `initial`: what to show until the query first answers (e.g. the popup's last list); a null
 *  `query` is not run yet (what it needs is still loading). */
export function useLive<T>(query: (() => Promise<T>) | null, deps: unknown[], initial?: () => T | undefined): T | undefined {
  return useLiveAnswer(query, deps, initial).value;
}

/**
 * The same, and whether the database has answered yet: until it has, `value` is `initial`'s (a
 * list shown from a snapshot says so with aria-busy, and its rows are not yet the database's).
 */
export function useLiveAnswer<T>(
  query: (() => Promise<T>) | null,
  deps: unknown[],
  initial?: () => T | undefined,
): { value: T | undefined; answered: boolean } {
  const [state, setState] = useState<{ value: T | undefined; answered: boolean }>(() => ({
    value: initial?.(),
    answered: false,
  }));
  // A layout effect starts the query as soon as the component is in the DOM; a plain effect
  // waits for the next frame (~10 ms of the popup's first render).
  useLayoutEffect(() => {
    if (!query) return undefined;
    let subscription: { unsubscribe(): void } | null = null;
    let wanted = true;
    void loadDexie().then(({ liveQuery }) => {
      if (wanted)
        subscription = liveQuery(query).subscribe({
          next: (value) => setState({ value, answered: true }),
          error: (err) => console.error(err),
        });
    });
    return () => {
      wanted = false;
      subscription?.unsubscribe();
    };
  }, deps);
  return state;
}

/** A User Timing mark the first time a list shows rows (read by npm run bench:library). */
export function useFirstRenderMark(name: string, shown: boolean): void {
  const done = useRef(false);
  useEffect(() => {
    if (shown && !done.current) {
      done.current = true;
      performance.mark(name);
    }
  }, [shown]);
}

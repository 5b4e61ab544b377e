// A Dexie live query as a Preact hook: the value updates whenever the data it read changes, in
// this page or in another extension context (the background saving, the library deleting).
import { liveQuery } from 'dexie';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** `initial`: what to show until the query first answers (e.g. the popup's last list). */
export function useLive<T>(query: () => Promise<T>, deps: unknown[], initial?: () => T | undefined): T | undefined {
  return useLiveAnswer(query, deps, initial).value;
}

/**
 * The same, and whether the database has answered yet: until it has, `value` is `initial`'s (a
 * list shown from a snapshot says so with aria-busy, and its rows are not yet the database's).
 */
export function useLiveAnswer<T>(
  query: () => Promise<T>,
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
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value, answered: true }),
      error: (err) => console.error(err),
    });
    return () => subscription.unsubscribe();
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

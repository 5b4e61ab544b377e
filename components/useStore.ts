// A manager's state as a Preact hook: the reader session, read-aloud, key points and the reader's
// notes (page/*) each hold a `state` and call their subscribers on each change; a component
// renders it again then. `null` (a feature the reader does not have here) gives `null`.
import { useLayoutEffect, useState } from 'preact/hooks';

export interface Store<T> {
  readonly state: T;
  subscribe(listener: (state: T) => void): () => void;
}

export function useStore<T>(store: Store<T>): T;
export function useStore<T>(store: Store<T> | null | undefined): T | null;
export function useStore<T>(store: Store<T> | null | undefined): T | null {
  const [state, setState] = useState<T | null>(() => store?.state ?? null);
  useLayoutEffect(() => {
    setState(store?.state ?? null); // a change between the first render and now
    return store?.subscribe(setState);
  }, [store]);
  return state;
}

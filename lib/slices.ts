// Long work in a page without freezing it: the work is a generator that does a little at each
// step and yields the share done (0 to 1); runInSlices runs steps until a slice has taken
// `sliceMs`, then gives the event loop a turn (input, painting, the page's own scripts) before the
// next slice. Cancelling (the signal) stops it between two steps: the generator's `finally` runs
// and the promise rejects with the signal's reason.

export interface SliceOptions {
  signal?: AbortSignal;
  /** Told the share done (0 to 1) after each slice, at the start of the next one. */
  onProgress?: (share: number) => void;
  /**
   * How long one slice may run before the event loop gets a turn (default PAGE_SLICE_MS). Work in
   * a web page's thread keeps room under the 50 ms of a long task for what a slice cannot bound:
   * a garbage collection inside one of its steps (25-48 ms measured in Chromium on a loaded machine,
   * marking a 20,000-paragraph article) and the frame drawn after it.
   */
  sliceMs?: number;
  /** Gives the event loop a turn (default: a timer). */
  pause?: () => Promise<void>;
  /** The clock (default performance.now). */
  now?: () => number;
}

/** A slice of work in a web page's thread (the reader, "Highlight page"). */
const PAGE_SLICE_MS = 12;

export async function runInSlices<T>(work: Generator<number, T, void>, options: SliceOptions = {}): Promise<T> {
  const { signal, onProgress, sliceMs = PAGE_SLICE_MS, pause = yieldToEventLoop, now = () => performance.now() } = options;
  try {
    let started = now();
    for (let step = work.next(); ; step = work.next()) {
      if (step.done) return step.value;
      if (now() - started < sliceMs) continue;
      await pause();
      signal?.throwIfAborted();
      started = now();
      if (onProgress) {
        // Told at the start of the next slice, and its view drawn within it (a view that renders
        // in a microtask, as Preact does, renders before this goes on): the slice's time counts
        // the drawing, which would otherwise come on top of a full slice in the same task.
        onProgress(step.value);
        await Promise.resolve();
        signal?.throwIfAborted();
      }
    }
  } finally {
    work.return(undefined as T);
  }
}

/**
 * One turn of the event loop: a timer, which waits behind what is already queued (the page's own
 * tasks, input, a test driver's requests). scheduler.yield() would put the work back ahead of them
 * all, and a message to ourselves came back before a driver's requests in Firefox.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** `steps` as one part of a larger work: its shares (0 to 1) become `from` to `to` of the whole. */
export function* part<T>(steps: Generator<number, T, void>, from: number, to: number): Generator<number, T, void> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    yield from + (to - from) * step.value;
  }
}

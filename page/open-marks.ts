// The reader's opening, step by step, on the page's performance timeline (User Timing marks named
// `reading-assistant:<step>`), so `npm run bench:reader` can say where the time between the open
// command and the painted article goes. A mark costs microseconds; nothing reads them but the bench.

export type OpeningStep = 'script' | 'command' | 'extracted' | 'mounted';

export function markOpening(step: OpeningStep): void {
  try {
    performance.mark(`reading-assistant:${step}`);
  } catch {
    // No User Timing (an old engine): nothing to measure with.
  }
}

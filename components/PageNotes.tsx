// The reader's own highlights on the live page (in the closed shadow root page/page-reader.ts makes):
// the selection bar, and the article's highlights and notes in a panel the bar opens (no toolbar
// here); an item scrolls to its mark, Esc or ✕ closes it.
import { useState } from 'preact/hooks';
import type { ReaderNotes } from '@/page/highlights';
import { ReaderHighlights } from './ReaderHighlights';

export function PageNotes(props: { notes: ReaderNotes; content: HTMLElement; accepts: (range: Range) => boolean }) {
  const [panel, setPanel] = useState(false);
  return (
    <ReaderHighlights
      notes={props.notes}
      content={props.content}
      translated={false}
      panel={panel}
      onClosePanel={() => setPanel(false)}
      onOpenPanel={() => setPanel(true)}
      accepts={props.accepts}
    />
  );
}

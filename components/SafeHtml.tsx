// Renders page-derived HTML. It is sanitized here, at the point of rendering, even when it was
// sanitized before: a copy stored by an older version must not be trusted.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { sanitizeToFragment } from '@/lib/article/sanitize';

export function SafeHtml({ html, class: className }: { html: string; class?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    ref.current?.replaceChildren(sanitizeToFragment(html));
  }, [html]);
  return <div ref={ref} class={className} />;
}

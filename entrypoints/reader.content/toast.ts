// A short confirmation in the page ("Saved"), in its own shadow root so the page's styles cannot
// reach it; it removes itself and leaves the page as it was.
const HOST = 'reading-assistant-toast';
const CSS = `
:host { all: initial !important; position: fixed !important; z-index: 2147483647 !important; inset-block-end: 24px !important; inset-inline-end: 24px !important; }
div { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", "Noto Sans KR", sans-serif; padding: 10px 16px; border-radius: 8px;
  background: #1b1b1f; color: #f2f2f2; box-shadow: 0 4px 16px rgba(0,0,0,.3); max-width: 360px; }
div.error { background: #8c1d18; color: #fff; }
@media (prefers-color-scheme: dark) { div { background: #f2f2f2; color: #1b1b1f; } div.error { background: #f9dedc; color: #410e0b; } }
`;

export function showToast(message: string, kind: 'ok' | 'error', ms = 4000): void {
  document.querySelector(HOST)?.remove();
  const host = document.createElement(HOST);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const box = document.createElement('div');
  box.className = kind;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  box.textContent = message;
  shadow.append(style, box);
  document.documentElement.append(host);
  setTimeout(() => host.remove(), ms);
}

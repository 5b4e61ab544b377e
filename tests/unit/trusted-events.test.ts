// The reader's shadow root drops what a page's script dispatches (element.click(), a synthetic
// change or key) before the reader's handlers hear it, and lets the user's input through.
import { acceptUserInputOnly, byUser } from '@/page/trusted-events';
import { dispatchAsUser } from './user-event';

function readerLike() {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = '<button>Translate</button><input type="checkbox"><select><option>ko</option><option>en</option></select>';
  acceptUserInputOnly(root);
  const heard: string[] = [];
  for (const el of root.querySelectorAll('button, input, select'))
    for (const type of ['click', 'change', 'input', 'keydown'])
      el.addEventListener(type, () => heard.push(`${el.localName} ${type}`));
  const $ = <T extends Element>(s: string) => root.querySelector<T>(s)!;
  return {
    heard,
    button: $<HTMLButtonElement>('button'),
    box: $<HTMLInputElement>('input'),
    select: $<HTMLSelectElement>('select'),
  };
}

test("a script's click, change, input and key reach no handler, and a checkbox it clicks stays as it was", () => {
  const { heard, button, box, select } = readerLike();
  button.click();
  box.click();
  select.value = 'en';
  select.dispatchEvent(new Event('change', { bubbles: true }));
  select.dispatchEvent(new Event('input', { bubbles: true }));
  const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
  button.dispatchEvent(esc);
  expect(heard).toEqual([]);
  expect(box.checked).toBe(false);
  expect(esc.defaultPrevented).toBe(true);
});

test("the user's click, change and key reach the handlers", () => {
  const { heard, button, select } = readerLike();
  dispatchAsUser(button, new MouseEvent('click', { bubbles: true }));
  dispatchAsUser(select, new Event('change', { bubbles: true }));
  dispatchAsUser(button, new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  expect(heard).toEqual(['button click', 'select change', 'button keydown']);
});

test('byUser tells them apart', () => {
  const seen: boolean[] = [];
  document.body.addEventListener('keydown', (e) => seen.push(byUser(e)));
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
  dispatchAsUser(document.body, new KeyboardEvent('keydown', { key: 'Escape' }));
  expect(seen).toEqual([false, true]);
});

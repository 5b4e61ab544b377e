// The extension's keyboard shortcuts as the browser has them now (the user may have changed them).
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { t } from '@/platform/i18n';

export function Shortcuts() {
  const [commands, setCommands] = useState<Browser.commands.Command[]>([]);
  useEffect(() => {
    void browser.commands.getAll().then(setCommands);
  }, []);
  if (!commands.length) return null;
  return (
    // Folded: the popup must fit in the browser's 600 pixels, and the keys are looked up, not read each time.
    <details class="shortcuts">
      <summary>{t('popupShortcuts')}</summary>
      <dl>
        {commands.map((c) => (
          <div key={c.name} class="shortcut">
            <dt>{c.name === '_execute_action' ? t('commandOpenPopup') : c.description}</dt>
            <dd>
              <kbd>{c.shortcut || t('popupShortcutUnset')}</kbd>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

// The toolbar popup: what the current tab is, and the controls for it.
//
// Its first paint holds only what this module and SavedList's shell import (no database, no
// settings): the list the popup showed last (recent-snapshot.ts) is on screen while the rest loads
// (the panel for the tab, TabPanel.tsx, and the list's database side, saved-list-data.ts).
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { SavedList } from '@/components/SavedList';
import { Shortcuts } from '@/components/Shortcuts';
import { t, type MessageKey } from '@/platform/i18n';
import { watchPageInfo, type PageInfo } from '@/platform/messages';
import { restrictionOf, type Restriction } from '@/lib/restricted';
import { tabCommand } from './tab-command';

// Started now, while the first paint is made: the tab's answer seldom comes before it is here.
const panel = import('./TabPanel');

type State =
  | { kind: 'loading' }
  | { kind: 'restricted'; reason: Restriction | 'reload' }
  | { kind: 'ready'; tab: Browser.tabs.Tab & { id: number }; info: PageInfo; Panel: Awaited<typeof panel>['TabPanel'] };

const RESTRICTION_TEXT: Record<Restriction | 'reload', MessageKey> = {
  browser: 'popupRestrictedBrowser',
  store: 'popupRestrictedStore',
  pdf: 'popupRestrictedPdf',
  file: 'popupRestrictedFile',
  other: 'popupRestrictedOther',
  reload: 'popupReload',
};

/** The tab the popup speaks for: the active tab, or `?tab=ID` when opened as a page (tests). */
async function targetTab(): Promise<Browser.tabs.Tab | undefined> {
  const forced = Number(new URLSearchParams(location.search).get('tab'));
  if (forced) return browser.tabs.get(forced);
  return (await browser.tabs.query({ active: true, currentWindow: true }))[0];
}

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const readyTab = state.kind === 'ready' ? state.tab.id : null;
  // The tab's state, from an answer or pushed by the tab: an answer overtaken by a newer push is dropped.
  const onInfo = (info: PageInfo) =>
    setState((s) => (s.kind !== 'ready' || (info.revision ?? 0) < (s.info.revision ?? 0) ? s : { ...s, info }));

  useEffect(() => {
    void (async () => {
      const tab = await targetTab();
      const fileAccess = await browser.extension.isAllowedFileSchemeAccess().catch(() => false);
      const reason = restrictionOf(tab?.url, fileAccess);
      if (!tab?.id || reason) return setState({ kind: 'restricted', reason: reason ?? 'other' });
      try {
        const [info, { TabPanel }] = await Promise.all([tabCommand(tab.id, { kind: 'info' }), panel]);
        setState({ kind: 'ready', tab: { ...tab, id: tab.id }, info, Panel: TabPanel });
      } catch {
        setState({ kind: 'restricted', reason: tab.status === 'complete' ? 'other' : 'reload' });
      }
    })();
  }, []);

  // While the popup is open the tab tells it what changes (translation progress, the reader opened
  // or closed elsewhere); closing the popup hangs up and stops nothing in the tab.
  useEffect(() => (readyTab === null ? undefined : watchPageInfo(readyTab, onInfo)), [readyTab]);

  return (
    <main class="popup">
      <h1 class="brand">{t('extName')}</h1>
      {state.kind === 'loading' && <p role="status">{t('popupLoading')}</p>}
      {state.kind === 'restricted' && (
        <p class="notice" role="status" data-testid="restricted">
          {t(RESTRICTION_TEXT[state.reason])}
        </p>
      )}
      {state.kind === 'ready' && <state.Panel tab={state.tab} info={state.info} onInfo={onInfo} />}
      <SavedList />
      <Shortcuts />
    </main>
  );
}

// When the library syncs by itself: every N minutes while the browser runs (an alarm), and half a
// minute after a change to the library (another alarm, so a burst of changes is one sync), when
// the user turned automatic sync on; and "Sync now" from the options page. The sync itself runs
// in the parser page (background/parse-html.ts, extension/sync/service.ts).
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { syncInParser } from '@/background/parse-html';
import { syncConfigItem, syncStatusItem, type SyncStatus } from '@/platform/settings/sync';

const EVERY = 'sync-every';
const SOON = 'sync-soon';

async function schedule(): Promise<void> {
  const config = await syncConfigItem.getValue();
  if (config?.auto) {
    // kept as it is when the worker wakes up again (a new alarm would start the wait over)
    const existing = await browser.alarms.get(EVERY);
    if (existing?.periodInMinutes !== config.minutes)
      await browser.alarms.create(EVERY, { periodInMinutes: config.minutes, delayInMinutes: config.minutes });
  } else await Promise.all([browser.alarms.clear(EVERY), browser.alarms.clear(SOON)]);
}

/** One sync in the parser page, its status kept (the options page watches it). */
export async function syncLibrary(): Promise<SyncStatus> {
  const [config, before] = await Promise.all([syncConfigItem.getValue(), syncStatusItem.getValue()]);
  if (!config) return before;
  await syncStatusItem.setValue({ ...before, running: true });
  const status = await syncInParser(config, { ...before, running: false }).catch((err: unknown): SyncStatus => {
    console.warn('Sync did not run:', err instanceof Error ? err.message : String(err));
    return { ...before, running: false, error: 'server' };
  });
  await syncStatusItem.setValue(status);
  return status;
}

export function watchForSync(): void {
  void schedule();
  syncConfigItem.watch(() => void schedule());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === EVERY || alarm.name === SOON) void syncLibrary();
  });
  // Any context's write to the library (Dexie tells every context of the origin).
  Dexie.on('storagemutated', (parts) => {
    if (!Object.keys(parts).some((key) => key.startsWith('idb://library/'))) return;
    void syncConfigItem.getValue().then((config) => {
      if (config?.auto) void browser.alarms.create(SOON, { delayInMinutes: 0.5 });
    });
  });
}

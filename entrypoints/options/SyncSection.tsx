// The options page's sync section: the WebDAV folder, the login, the passphrase (kept only as the
// key made from it), Test, Save and sync, Sync now, automatic sync, the status as the last sync
// left it (platform/settings/sync.ts, watched), "Stop syncing this device" and "Remove my data
// from the server". The folder's host permission is asked for in the click of Test or Save.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { connectFolder, removeServerData, stopSyncing, syncErrorCode } from '@/extension/sync/folder';
import { hostPermission } from '@/lib/net/host-permission';
import type { SyncErrorCode } from '@/lib/sync/errors';
import { formatDate, t, type MessageKey } from '@/platform/i18n';
import { sendToBackground } from '@/platform/messages';
import { SYNC_MINUTES, syncConfigItem, syncStatusItem, type SyncConfig, type SyncStatus } from '@/platform/settings/sync';
import type { Status } from '@/entrypoints/options/ProviderSection';

const ERROR_KEYS: Record<SyncErrorCode, MessageKey> = {
  offline: 'syncErrorOffline',
  auth: 'syncErrorAuth',
  forbidden: 'syncErrorForbidden',
  'no-folder': 'syncErrorNoFolder',
  full: 'syncErrorFull',
  'wrong-passphrase': 'syncErrorWrongPassphrase',
  'not-sync-folder': 'syncErrorNotSyncFolder',
  server: 'syncErrorServer',
};

export function SyncSection() {
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [auto, setAuto] = useState(true);
  const [minutes, setMinutes] = useState(15);
  const [saved, setSaved] = useState<SyncConfig | null>(null);
  const [sync, setSync] = useState<SyncStatus | null>(null);
  const [message, setMessage] = useState<Status>(null);
  const [offerCreate, setOfferCreate] = useState(false);
  const [busy, setBusy] = useState(false);
  // Counts the actions finished (Test, Save, Sync now, Stop, Remove), for the end-to-end test to wait on.
  const [runs, setRuns] = useState(0);
  const finished = () => setRuns((n) => n + 1);

  useEffect(() => {
    void syncConfigItem.getValue().then((c) => {
      setSaved(c);
      if (!c) return;
      setUrl(c.url);
      setUser(c.user);
      setPassword(c.password);
      setAuto(c.auto);
      setMinutes(c.minutes);
    });
    void syncStatusItem.getValue().then(setSync);
    return syncStatusItem.watch((s) => setSync(s));
  }, []);

  const fail = (err: unknown) => {
    const code = syncErrorCode(err);
    setOfferCreate(code === 'no-folder');
    setMessage({ tone: 'error', text: t(ERROR_KEYS[code]) });
  };

  /** The login and the key, checked; asks for the folder's origin in the click (a user gesture). */
  const connect = async (create: boolean): Promise<SyncConfig | null> => {
    const permission = hostPermission(url);
    if (!permission) {
      setMessage({ tone: 'error', text: t('optionsSyncBadUrl') });
      return null;
    }
    const keep = saved && !passphrase && saved.url === url.trim() && saved.user === user.trim();
    if (!user.trim() || !password || (!passphrase && !keep)) {
      setMessage({ tone: 'error', text: t('optionsSyncIncomplete') });
      return null;
    }
    const granted = await browser.permissions.request(permission).catch(() => false);
    if (!granted) {
      setMessage({ tone: 'error', text: t('optionsPermissionDenied', new URL(url.trim()).origin) });
      return null;
    }
    setBusy(true);
    setMessage({ tone: 'info', text: t('optionsSyncRunning') });
    try {
      const login = { url: url.trim(), user: user.trim(), password };
      const key = keep ? saved.key : await connectFolder(login, passphrase, create);
      setOfferCreate(false);
      return { ...login, key, auto, minutes };
    } catch (err) {
      fail(err);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const onTest = () =>
    void connect(false)
      .then((config) => config && setMessage({ tone: 'ok', text: t('optionsSyncTestOk') }))
      .finally(finished);

  const runNow = async () => {
    setBusy(true);
    try {
      const status = await sendToBackground('sync/run', undefined);
      setSync(status);
      setMessage(status.error ? { tone: 'error', text: t(ERROR_KEYS[status.error]) } : null);
      setOfferCreate(status.error === 'no-folder');
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const onSave = (event: Event, create = false) => {
    event.preventDefault();
    void connect(create)
      .then(async (config) => {
        if (!config) return;
        await syncConfigItem.setValue(config);
        setSaved(config);
        setPassphrase('');
        setMessage({ tone: 'info', text: t('optionsSyncSaved') });
        await runNow();
      })
      .finally(finished);
  };

  const onStop = () =>
    void stopSyncing()
      .then(() => {
        setSaved(null);
        setMessage({ tone: 'ok', text: t('optionsSyncStopped') });
      }, fail)
      .finally(finished);

  const onRemove = () => {
    if (!confirm(t('optionsSyncRemoveConfirm'))) return;
    setBusy(true);
    void removeServerData()
      .then(() => {
        setSaved(null);
        setMessage({ tone: 'ok', text: t('optionsSyncRemoved') });
      }, fail)
      .finally(() => {
        setBusy(false);
        finished();
      });
  };

  const changeAuto = (next: { auto?: boolean; minutes?: number }) => {
    if (next.auto !== undefined) setAuto(next.auto);
    if (next.minutes !== undefined) setMinutes(next.minutes);
    if (saved) {
      const config = { ...saved, ...next };
      setSaved(config);
      void syncConfigItem.setValue(config);
    }
  };

  const lines: string[] = [];
  if (saved && sync) {
    if (sync.running) lines.push(t('optionsSyncRunning'));
    else
      lines.push(
        sync.lastSync ? t('optionsSyncLast', formatDate(new Date(sync.lastSync).toISOString()) ?? '') : t('optionsSyncNever'),
      );
    if (sync.lastSync && !sync.running) lines.push(t('optionsSyncSummary', sync.sent, sync.received));
    if (sync.pending) lines.push(t('optionsSyncPending', sync.pending));
    if (sync.skipped.length) lines.push(t('optionsSyncSkipped', sync.skipped.length));
    if (sync.clockSkew) lines.push(t('optionsSyncClock', Math.round(Math.abs(sync.clockSkew) / 60_000)));
  }
  const error = saved && sync?.error && !sync.running && !message ? t(ERROR_KEYS[sync.error]) : null;

  return (
    <section aria-labelledby="sync-heading" id="sync-section" data-runs={runs}>
      <h2 id="sync-heading">{t('optionsSyncHeading')}</h2>
      <p class="hint">{t('optionsSyncIntro')}</p>
      <form onSubmit={(e) => onSave(e)}>
        <div class="field">
          <label for="sync-url">{t('optionsSyncUrl')}</label>
          <input
            id="sync-url"
            type="url"
            required
            placeholder="https://cloud.example.org/remote.php/dav/files/me/Reading"
            value={url}
            onInput={(e) => setUrl(e.currentTarget.value)}
            autocomplete="url"
          />
        </div>
        <div class="field">
          <label for="sync-user">{t('optionsSyncUser')}</label>
          <input
            id="sync-user"
            type="text"
            required
            value={user}
            onInput={(e) => setUser(e.currentTarget.value)}
            autocomplete="username"
          />
        </div>
        <div class="field">
          <label for="sync-password">{t('optionsSyncPassword')}</label>
          <input
            id="sync-password"
            type="password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            autocomplete="off"
          />
        </div>
        <div class="field">
          <label for="sync-passphrase">{t('optionsSyncPassphrase')}</label>
          <input
            id="sync-passphrase"
            type="password"
            value={passphrase}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
            autocomplete="new-password"
            aria-describedby="sync-passphrase-hint"
          />
          <p class="hint" id="sync-passphrase-hint">
            {t('optionsSyncPassphraseHint')} {saved ? t('optionsSyncPassphraseKept') : ''}
          </p>
        </div>
        <div class="choice sync-auto">
          <input type="checkbox" id="sync-auto" checked={auto} onChange={(e) => changeAuto({ auto: e.currentTarget.checked })} />
          <label for="sync-auto">{t('optionsSyncAuto')}</label>
          <select
            id="sync-minutes"
            aria-label={t('optionsSyncInterval')}
            value={String(minutes)}
            disabled={!auto}
            onChange={(e) => changeAuto({ minutes: Number(e.currentTarget.value) })}
            style={{ width: 'auto' }}
          >
            {SYNC_MINUTES.map((m) => (
              <option key={m} value={String(m)}>
                {t('optionsSyncMinutes', m)}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {t('optionsSyncSave')}
          </button>
          <button type="button" onClick={onTest} disabled={busy}>
            {t('optionsSyncTest')}
          </button>
          {saved && (
            <button type="button" onClick={() => void runNow().finally(finished)} disabled={busy}>
              {t('optionsSyncNow')}
            </button>
          )}
          {offerCreate && (
            <button type="button" onClick={(e) => onSave(e, true)} disabled={busy}>
              {t('optionsSyncCreateFolder')}
            </button>
          )}
        </div>
        <p class={`status ${message?.tone ?? (error ? 'error' : '')}`} role="status" aria-live="polite" id="sync-message">
          {message?.text ?? error ?? ''}
        </p>
        {lines.length > 0 && (
          <ul class="hint sync-facts" id="sync-status">
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        {saved && (
          <div class="actions sync-leave">
            <button type="button" onClick={onStop} disabled={busy}>
              {t('optionsSyncStop')}
            </button>
            <button type="button" onClick={onRemove} disabled={busy}>
              {t('optionsSyncRemove')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}

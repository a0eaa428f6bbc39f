import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { noteUrl, type Note } from '../lib/attention/notify';
import { i18n } from '../lib/i18n';
import { isPollAlarm } from '../lib/polling/alarms';
import { isCommand } from '../lib/polling/messages';
import { createProviderTasks } from '../lib/polling/providers-tasks';
import { createBackground, guard } from '../lib/polling/worker';
import { prefsItem } from '../lib/storage';
import { withDefaults } from '../lib/prefs';
import { API_FILTER, PAGE_FILTER } from '../lib/polling/evidence';
import type { EvidenceNote } from '../lib/evidence/notify';
import { evidenceNoteText } from '../lib/evidence/words';

function showNote(note: Note): Promise<void> {
  // Chrome has notification buttons; Firefox rejects the option.
  const buttons = import.meta.env.FIREFOX ? [] : [{ title: i18n.t('notify.buttonMute') }, { title: i18n.t('notify.buttonSnooze') }];
  return browser.notifications
    .create(note.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: note.title,
      message: note.message,
      ...(buttons.length && { buttons }),
    })
    .then(() => undefined);
}

/** Local-evidence notifications carry no incident: no mute button, and a click only closes them. */
function showEvidenceNote(note: EvidenceNote): Promise<void> {
  const { title, message } = evidenceNoteText(note);
  return browser.notifications
    .create(`cs-${note.id}`, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message })
    .then(() => undefined);
}

export default defineBackground(() => {
  const background = createBackground({
    browser,
    fetch: (...args) => fetch(...args),
    now: () => Date.now(),
    isOnline: () => navigator.onLine,
    random: Math.random,
    showNote,
    showEvidenceNote,
  });
  // Other providers' status (opt-in, optional host permissions): lib/polling/providers-tasks.ts.
  const providers = createProviderTasks({
    alarms: browser.alarms,
    permissions: browser.permissions,
    fetch: (...args) => fetch(...args),
    now: () => Date.now(),
    isOnline: () => navigator.onLine,
    random: Math.random,
    onChange: () => background.applyBadge(),
  });

  // Every listener is registered synchronously, before any await, so the event that woke the
  // worker is not missed.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (isPollAlarm(alarm.name)) guard('poll', () => background.refresh('alarm'));
    else guard('providers', () => providers.onAlarm(alarm.name));
  });
  browser.permissions.onAdded.addListener((p) => guard('permissions', () => providers.onPermissionsChanged(p.origins)));
  browser.permissions.onRemoved.addListener((p) => guard('permissions', () => providers.onPermissionsChanged(p.origins)));
  browser.runtime.onStartup.addListener(() => guard('startup', background.applyBadge));
  browser.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== browser.runtime.id || !isCommand(message)) return undefined;
    return background.handle(message).catch(() => ({ ok: false, error: 'failed' }));
  });
  browser.notifications.onClicked.addListener((id) =>
    guard('notification click', async () => {
      const url = noteUrl(id);
      if (url) await browser.tabs.create({ url }); // tabs.create needs no "tabs" permission
      await browser.notifications.clear(id);
    }),
  );
  browser.notifications.onButtonClicked?.addListener((id, button) =>
    guard('notification button', async () => {
      const incidentId = id.split('|')[1];
      // The same single writer as the popup's buttons: neither change can overwrite the other.
      if (button === 0 && incidentId) await background.writer.mute(incidentId, true);
      if (button === 1) await background.writer.snooze('hour');
      await browser.notifications.clear(id);
    }),
  );
  self.addEventListener('online', () => guard('online', () => background.refresh('online')));

  // Local evidence: observational webRequest events only (nothing blocked or changed), one terminal
  // event per request. Registered here, synchronously, so the event that woke the worker is seen;
  // removed again while the setting is off, so claude.ai's traffic stops waking the worker at all.
  const observe = (details: object) => background.evidence.observe(details as Record<string, unknown>);
  const apiDone = (details: object) => observe(details);
  const pageDone = (details: object) => observe(details);
  const apiFailed = (details: object) => observe(details);
  const pageFailed = (details: object) => observe(details);
  const pageRedirected = (details: object) => observe(details);
  const listen = (on: boolean) => {
    const { onCompleted, onErrorOccurred, onBeforeRedirect } = browser.webRequest;
    if (!on) {
      onCompleted.removeListener(apiDone);
      onCompleted.removeListener(pageDone);
      onErrorOccurred.removeListener(apiFailed);
      onErrorOccurred.removeListener(pageFailed);
      onBeforeRedirect.removeListener(pageRedirected);
    } else if (!onCompleted.hasListener(apiDone)) {
      // Response headers only for `cf-mitigated: challenge` (a Cloudflare check is not "sign in again").
      onCompleted.addListener(apiDone, API_FILTER, ['responseHeaders']);
      onCompleted.addListener(pageDone, PAGE_FILTER, ['responseHeaders']);
      onErrorOccurred.addListener(apiFailed, API_FILTER);
      onErrorOccurred.addListener(pageFailed, PAGE_FILTER);
      onBeforeRedirect.addListener(pageRedirected, PAGE_FILTER);
    }
  };
  listen(true);
  const followSetting = async () => {
    const on = withDefaults(await prefsItem.getValue()).localEvidence;
    listen(on);
    if (!on) await background.evidence.flush(); // clears anything stored
  };
  guard('evidence setting', followSetting);
  prefsItem.watch(() => {
    guard('prefs', background.applyBadge);
    guard('evidence setting', followSetting);
  });
  prefsItem.watch((next, previous) => guard('providers', () => providers.onPrefsChanged(next, previous)));

  guard('start', background.start);
  guard('providers start', providers.start);
  // The history archive's first fill (once; lib/polling/history-tasks.ts).
  guard('history', background.startHistory);
});

import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { noteUrl, type Note } from '../lib/attention/notify';
import { i18n } from '../lib/i18n';
import { isPollAlarm } from '../lib/polling/alarms';
import { isCommand } from '../lib/polling/messages';
import { createProviderTasks } from '../lib/polling/providers-tasks';
import { createBackground, guard } from '../lib/polling/worker';
import { prefsItem } from '../lib/storage';

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

export default defineBackground(() => {
  const background = createBackground({
    browser,
    fetch: (...args) => fetch(...args),
    now: () => Date.now(),
    isOnline: () => navigator.onLine,
    random: Math.random,
    showNote,
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
  prefsItem.watch(() => guard('prefs', background.applyBadge));
  prefsItem.watch((next, previous) => guard('providers', () => providers.onPrefsChanged(next, previous)));

  guard('start', background.start);
  guard('providers start', providers.start);
});

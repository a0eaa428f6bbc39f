import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { noteUrl, type Note } from '../lib/attention/notify';
import { i18n } from '../lib/i18n';
import { isPollAlarm } from '../lib/polling/alarms';
import { isCommand } from '../lib/polling/messages';
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

  // Every listener is registered synchronously, before any await, so the event that woke the
  // worker is not missed.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (isPollAlarm(alarm.name)) guard('poll', () => background.refresh('alarm'));
  });
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

  guard('start', background.start);
  // The history archive's first fill (once; lib/polling/history-tasks.ts).
  guard('history', background.startHistory);
});

import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { SNOOZE_HOUR_MS } from '../lib/attention/attention';
import { muteIncident, snoozeUntil } from '../lib/polling/writes';
import { POLL_ALARM, createBackground, guard } from '../lib/polling/worker';
import { isCommand } from '../lib/polling/messages';
import { noteUrl, type Note } from '../lib/attention/notify';
import { prefsItem } from '../lib/storage';

/** Chrome has notification buttons; Firefox rejects the option. */
const BUTTONS = import.meta.env.FIREFOX ? [] : [{ title: 'Mute this incident' }, { title: 'Snooze all for 1 h' }];

function showNote(note: Note): Promise<void> {
  return browser.notifications
    .create(note.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: note.title,
      message: note.message,
      ...(BUTTONS.length && { buttons: BUTTONS }),
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
    if (alarm.name === POLL_ALARM) guard('poll', () => background.refresh('alarm'));
  });
  browser.runtime.onStartup.addListener(() => guard('startup', background.applyBadge));
  browser.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== browser.runtime.id || !isCommand(message)) return undefined;
    const work = message.type === 'refresh' ? background.refresh(message.reason) : background.learnModels();
    return work.then(
      () => true,
      () => false,
    );
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
      if (button === 0 && incidentId) await muteIncident(incidentId);
      if (button === 1) await snoozeUntil(Date.now() + SNOOZE_HOUR_MS);
      await browser.notifications.clear(id);
    }),
  );
  self.addEventListener('online', () => guard('online', () => background.refresh('online')));
  prefsItem.watch(() => guard('prefs', background.applyBadge));

  guard('start', background.start);
});

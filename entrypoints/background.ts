import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { POLL_ALARM, createBackground, guard } from '../lib/background-core';
import { isCommand } from '../lib/messages';
import { prefsItem } from '../lib/storage';

export default defineBackground(() => {
  const background = createBackground({
    browser,
    fetch: (...args) => fetch(...args),
    now: () => Date.now(),
    isOnline: () => navigator.onLine,
    random: Math.random,
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
  self.addEventListener('online', () => guard('online', () => background.refresh('online')));
  prefsItem.watch(() => guard('prefs', background.applyBadge));

  guard('start', background.start);
});

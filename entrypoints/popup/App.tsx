import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { assess } from '../../lib/verdict/assess';
import { SNOOZE_HOUR_MS, tomorrowMorning } from '../../lib/attention/attention';
import { muteIncident, snoozeUntil, unmuteIncident } from '../../lib/polling/writes';
import { clock } from '../../lib/verdict/describe';
import { requestRefresh } from '../../lib/polling/messages';
import { withDefaults } from '../../lib/prefs';
import { statusMarkdown } from '../../lib/verdict/share';
import { freshnessOf } from '../../lib/statuspage/state';
import { attentionItem, popupSeenItem, prefsItem, statusItem } from '../../lib/storage';
import { ComponentList } from '../../components/ComponentList';
import { IncidentCard } from '../../components/IncidentCard';
import { MaintenanceList } from '../../components/MaintenanceList';
import { ModelBoard } from '../../components/ModelBoard';
import { StatusSummary } from '../../components/StatusSummary';
import { useNow, useStored } from '../../components/use-stored';

/** When the popup was opened before this time: what counts as "new" while it stays open. */
function usePreviousVisit(): number | undefined {
  const [seenAt, setSeenAt] = useState<number | undefined>(undefined);
  useEffect(() => {
    void popupSeenItem.getValue().then((previous) => {
      setSeenAt(previous);
      void popupSeenItem.setValue(Date.now());
    });
  }, []);
  return seenAt;
}

export function App() {
  const state = useStored(statusItem);
  const stored = useStored(prefsItem);
  const attention = useStored(attentionItem);
  const seenAt = usePreviousVisit();
  const now = useNow();
  const [copied, setCopied] = useState('');

  // Paint from storage first; then ask for a poll if the data is older than the CDN's cache.
  useEffect(() => void requestRefresh('popup-open'), []);

  if (!state || !stored || !attention || seenAt === undefined) return null;
  const prefs = withDefaults(stored);
  const assessment = state.snapshot ? assess(state.snapshot, prefs) : null;
  const maintenances = assessment ? [...assessment.maintenanceNow, ...assessment.upcoming] : [];
  const fresh = assessment ? assessment.incidents.flatMap((i) => i.incident.updates).filter((u) => seenAt && u.at > seenAt).length : 0;
  const snoozed = attention.snoozeUntil !== null && attention.snoozeUntil > now;

  const copy = async () => {
    if (!assessment) return;
    try {
      await navigator.clipboard.writeText(statusMarkdown(assessment, now, freshnessOf(state, now) === 'live'));
      setCopied('Copied');
    } catch {
      setCopied('Could not copy');
    }
  };

  return (
    <main>
      <StatusSummary state={state} assessment={assessment} now={now} />
      {assessment && <ModelBoard assessment={assessment} myModels={prefs.myModels} now={now} />}
      {assessment && assessment.incidents.length > 0 && (
        <section aria-labelledby="incidents-h">
          <h2 id="incidents-h">
            Active incidents{fresh > 0 && <span class="unread-total"> · {fresh === 1 ? '1 new update' : `${fresh} new updates`}</span>}
          </h2>
          {assessment.incidents.map((item) => {
            const muted = attention.muted.includes(item.incident.id);
            return (
              <IncidentCard
                key={item.incident.id}
                item={item}
                now={now}
                seenAt={seenAt}
                muted={muted}
                onToggleMute={() => void (muted ? unmuteIncident : muteIncident)(item.incident.id)}
              />
            );
          })}
        </section>
      )}
      {maintenances.length > 0 && (
        <section aria-labelledby="maint-h">
          <h2 id="maint-h">Maintenance</h2>
          <MaintenanceList items={maintenances} />
        </section>
      )}
      {state.snapshot && (
        <section aria-labelledby="components-h">
          <h2 id="components-h">Components</h2>
          <ComponentList components={state.snapshot.components} />
        </section>
      )}
      <section class="snooze" aria-label="Notifications">
        {snoozed ? (
          <>
            <span>Notifications snoozed until {clock(attention.snoozeUntil!)}</span>
            <button type="button" class="link-button" onClick={() => void snoozeUntil(null)}>
              Resume
            </button>
          </>
        ) : (
          <>
            <span>Snooze notifications:</span>
            <button type="button" class="link-button" onClick={() => void snoozeUntil(Date.now() + SNOOZE_HOUR_MS)}>
              1 h
            </button>
            <button type="button" class="link-button" onClick={() => void snoozeUntil(tomorrowMorning(Date.now()))}>
              until tomorrow
            </button>
          </>
        )}
      </section>
      <footer>
        <button type="button" class="refresh" onClick={() => void requestRefresh('user')}>
          Refresh
        </button>
        <button type="button" class="copy" onClick={() => void copy()} disabled={!assessment}>
          {copied || 'Copy status'}
        </button>
        <a href="https://status.claude.com" target="_blank" rel="noopener noreferrer">
          status.claude.com
        </a>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener noreferrer">
          Settings
        </a>
      </footer>
    </main>
  );
}

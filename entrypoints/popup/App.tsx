import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isSnoozed, tomorrowMorning } from '../../lib/attention/attention';
import { formatAgo, formatClock } from '../../lib/format';
import { i18n } from '../../lib/i18n';
import { parseModelKey } from '../../lib/models/ref';
import { requestRefresh, setMuted, snooze } from '../../lib/polling/messages';
import { withDefaults } from '../../lib/prefs';
import { STATUS_PAGE_ORIGIN } from '../../lib/statuspage/snapshot';
import { freshnessOf } from '../../lib/statuspage/state';
import { attentionItem, evidenceItem, popupSeenItem, prefsItem, statusItem } from '../../lib/storage';
import { shownVerdict } from '../../lib/evidence/view';
import { evidenceSummary } from '../../lib/evidence/words';
import { assess } from '../../lib/verdict/assess';
import { headlineFor, incidentOrder } from '../../lib/verdict/headline';
import { statusMarkdown } from '../../lib/verdict/share';
import { BadgeLegend } from '../../components/BadgeLegend';
import { EvidenceSection } from '../../components/EvidenceSection';
import { ComponentList } from '../../components/ComponentList';
import { IncidentCard } from '../../components/IncidentCard';
import { MaintenanceList } from '../../components/MaintenanceList';
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
  const evidence = useStored(evidenceItem);
  const seenAt = usePreviousVisit();
  const now = useNow();
  const [copied, setCopied] = useState('');
  const [refreshing, setRefreshing] = useState(false);
  const headlineRef = useRef<HTMLHeadingElement>(null);
  const ready = !!(state && stored && attention && evidence && seenAt !== undefined);

  // Paint from storage first; then ask for a poll if the data is older than the CDN's cache.
  useEffect(() => void requestRefresh('popup-open'), []);
  // The first focus lands on the answer, so a screen reader reads it first; Tab then reaches the actions.
  useEffect(() => {
    if (ready) headlineRef.current?.focus();
  }, [ready]);

  if (!ready) return null;
  const prefs = withDefaults(stored);
  const mine = prefs.myModels.map(parseModelKey).filter((m) => m !== null);
  const assessment = state.snapshot ? assess(state.snapshot, prefs) : null;
  const verdict = shownVerdict(evidence, prefs.localEvidence);
  const headline = headlineFor(state, assessment, prefs, now, verdict && evidenceSummary(verdict));
  const live = freshnessOf(state, now) === 'live';
  const incidents = assessment ? [...assessment.incidents].sort(incidentOrder) : [];
  const maintenances = assessment ? [...assessment.maintenanceNow, ...assessment.upcoming] : [];
  const fresh = incidents.flatMap((i) => i.incident.updates).filter((u) => seenAt && u.at > seenAt).length;
  const snoozed = isSnoozed(attention, now);

  const copy = async () => {
    if (!assessment) return;
    try {
      await navigator.clipboard.writeText(statusMarkdown(assessment, now, live));
      setCopied(i18n.t('popup.copied'));
    } catch {
      setCopied(i18n.t('popup.copyFailed'));
    }
  };
  const refresh = async () => {
    setRefreshing(true);
    await requestRefresh('user');
    setRefreshing(false);
  };

  return (
    <div class={`popup${live ? '' : ' is-stale'}`} data-freshness={headline.freshness}>
      <header class={`top tone-${headline.tone}`}>
        <h1 class="headline" tabIndex={-1} ref={headlineRef} aria-describedby="headline-lines">
          <span class="dot" aria-hidden="true" />
          <span class="headline-text">{headline.title}</span>
        </h1>
        {headline.lines.length > 0 && (
          <ul class="headline-lines" id="headline-lines">
            {headline.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        {state.problem?.detail && <p class="problem-detail">{i18n.t('popup.technicalDetail', { detail: state.problem.detail })}</p>}
        <div class="actions">
          <button type="button" class="action refresh" onClick={() => void refresh()} disabled={refreshing}>
            {refreshing ? i18n.t('popup.refreshing') : i18n.t('popup.refresh')}
          </button>
          <button type="button" class="action copy" onClick={() => void copy()} disabled={!assessment} aria-live="polite">
            {copied || i18n.t('popup.copy')}
          </button>
          <a class="action settings" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener noreferrer">
            {i18n.t('popup.settings')}
          </a>
          <span class="spacer" />
          <span class="freshness">
            {state.checkedAt === null ? i18n.t('popup.notChecked') : i18n.t('popup.checkedAgo', { ago: formatAgo(state.checkedAt, now) })}
            {state.source && state.source !== STATUS_PAGE_ORIGIN && ` · ${i18n.t('popup.via', { host: new URL(state.source).host })}`}
          </span>
        </div>
      </header>
      <main class="body">
        <EvidenceSection
          verdict={verdict}
          on={prefs.localEvidence}
          settingsUrl={browser.runtime.getURL('/options.html#local-evidence')}
          titleInHeadline={headline.tone === 'evidence'}
        />
        {incidents.length > 0 && (
          <section aria-labelledby="incidents-h">
            <h2 id="incidents-h">
              {i18n.t('popup.incidents')}
              {fresh > 0 && <span class="unread-total"> · {i18n.t('popup.newUpdates', fresh)}</span>}
            </h2>
            {incidents.map((item) => {
              const muted = attention.muted.includes(item.incident.id);
              return (
                <IncidentCard
                  key={item.incident.id}
                  item={item}
                  now={now}
                  seenAt={seenAt}
                  muted={muted}
                  mine={mine}
                  onToggleMute={() => void setMuted(item.incident.id, !muted)}
                />
              );
            })}
          </section>
        )}
        {maintenances.length > 0 && (
          <section aria-labelledby="maint-h">
            <h2 id="maint-h">{i18n.t('popup.maintenance')}</h2>
            <MaintenanceList items={maintenances} />
          </section>
        )}
        {state.snapshot && (
          <section aria-labelledby="components-h">
            <h2 id="components-h">{i18n.t('popup.components')}</h2>
            <ComponentList components={state.snapshot.components} />
          </section>
        )}
        <section class="snooze" aria-label={i18n.t('popup.snoozeLabel')}>
          {snoozed ? (
            <>
              <span>{i18n.t('popup.snoozedUntil', { time: formatClock(attention.snoozeUntil!) })}</span>
              <button type="button" class="link-button" onClick={() => void snooze('off')}>
                {i18n.t('popup.resume')}
              </button>
            </>
          ) : (
            <>
              <span>{i18n.t('popup.snoozeLabel')}</span>
              <button type="button" class="link-button" onClick={() => void snooze('hour')}>
                {i18n.t('popup.snoozeHour')}
              </button>
              <button type="button" class="link-button" onClick={() => void snooze('tomorrow')}>
                {i18n.t('popup.snoozeUntil', { time: formatClock(tomorrowMorning(now)) })}
              </button>
            </>
          )}
        </section>
        <BadgeLegend />
        <p class="muted">
          <a href={STATUS_PAGE_ORIGIN} target="_blank" rel="noopener noreferrer">
            {i18n.t('popup.statusPage')}
          </a>
        </p>
      </main>
    </div>
  );
}

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isSnoozed, tomorrowMorning } from '../../lib/attention/attention';
import { formatAgo, formatClock } from '../../lib/format';
import { asArchive } from '../../lib/history/archive';
import { historyHint } from '../../lib/history/hint';
import { i18n } from '../../lib/i18n';
import { modelLabel, parseModelKey } from '../../lib/models/ref';
import { requestRefresh, setMuted, snooze } from '../../lib/polling/messages';
import { withDefaults } from '../../lib/prefs';
import { STATUS_PAGE_ORIGIN } from '../../lib/statuspage/snapshot';
import { freshnessOf } from '../../lib/statuspage/state';
import { insteadFor } from '../../lib/alternatives/instead';
import { shownVerdict } from '../../lib/evidence/view';
import { evidenceSummary } from '../../lib/evidence/words';
import { watchedProviders } from '../../lib/providers/catalog';
import {
  archiveItem,
  attentionItem,
  evidenceItem,
  popupSeenItem,
  prefsItem,
  providersItem,
  seenModelsItem,
  statusItem,
} from '../../lib/storage';
import { assess } from '../../lib/verdict/assess';
import { headlineFor, incidentOrder } from '../../lib/verdict/headline';
import { statusMarkdown } from '../../lib/verdict/share';
import { BadgeLegend } from '../../components/BadgeLegend';
import { EvidenceSection } from '../../components/EvidenceSection';
import { ComponentList } from '../../components/ComponentList';
import { IncidentCard } from '../../components/IncidentCard';
import { InsteadBlock } from '../../components/InsteadBlock';
import { ProviderList } from '../../components/ProviderList';
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
  const seen = useStored(seenModelsItem);
  const providers = useStored(providersItem);
  const evidence = useStored(evidenceItem);
  const seenAt = usePreviousVisit();
  const now = useNow();
  const [copied, setCopied] = useState('');
  const [refreshing, setRefreshing] = useState(false);
  const headlineRef = useRef<HTMLHeadingElement>(null);
  const ready = !!(state && stored && attention && seen && providers && evidence && seenAt !== undefined);
  const history = useHistoryHint(stored ? withDefaults(stored).myModels : undefined, now);

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
  const evidenceWords = verdict && evidenceSummary(verdict);
  const headline = headlineFor(state, assessment, prefs, now, evidenceWords);
  const live = freshnessOf(state, now) === 'live';
  const incidents = assessment ? [...assessment.incidents].sort(incidentOrder) : [];
  const maintenances = assessment ? [...assessment.maintenanceNow, ...assessment.upcoming] : [];
  const fresh = incidents.flatMap((i) => i.incident.updates).filter((u) => seenAt && u.at > seenAt).length;
  const snoozed = isSnoozed(attention, now);
  // Alternatives only from live data: a stale "this works" could point to what went down since.
  const instead =
    live && assessment && state.snapshot
      ? insteadFor({
          assessment,
          components: state.snapshot.components,
          prefs,
          seen: seen!.keys,
          providers: providers!,
          now,
          claudeAiFailing: evidenceWords?.failing === true,
        })
      : null;
  const watched = watchedProviders(prefs);

  const copy = async () => {
    if (!assessment) return;
    try {
      await navigator.clipboard.writeText(statusMarkdown(assessment, now, live));
      setCopied(i18n.t('popup.copied'));
    } catch {
      setCopied(i18n.t('popup.copyFailed'));
    }
  };
  /** The badge legend sits at the end of the body; this opens it and takes the reader there. */
  const openLegend = () => {
    const legend = document.getElementById('legend') as HTMLDetailsElement | null;
    if (!legend) return;
    legend.open = true;
    legend.scrollIntoView({ block: 'nearest' });
    legend.querySelector('summary')?.focus();
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
          <button type="button" class="link-button legend-link" aria-controls="legend" onClick={openLegend}>
            {i18n.t('popup.legendLink')}
          </button>
          <span class="spacer" />
          <span class="freshness">
            {state.checkedAt === null ? i18n.t('popup.notChecked') : i18n.t('popup.checkedAgo', { ago: formatAgo(state.checkedAt, now) })}
            {state.source && state.source !== STATUS_PAGE_ORIGIN && ` · ${i18n.t('popup.via', { host: new URL(state.source).host })}`}
          </span>
        </div>
        {history.hint && (
          <p class="history-hint">
            <span>{i18n.t('popup.historyHint.line', history.hint.incidents, { model: keyLabel(history.hint.key) })}</span>
            {' · '}
            <HistoryLink />
          </p>
        )}
      </header>
      <main class="body">
        <EvidenceSection
          verdict={verdict}
          on={prefs.localEvidence}
          settingsUrl={browser.runtime.getURL('/options.html#local-evidence')}
          titleInHeadline={headline.tone === 'evidence'}
        />
        {instead && <InsteadBlock instead={instead} />}
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
        {watched.length > 0 && (
          <section aria-labelledby="providers-h">
            <h2 id="providers-h">{i18n.t('providers.title')}</h2>
            <ProviderList ids={watched} states={providers!} now={now} />
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
          {history.known && !history.hint && (
            <>
              {' · '}
              <HistoryLink />
            </>
          )}
        </p>
      </main>
    </div>
  );
}

const keyLabel = (key: string) => {
  const model = parseModelKey(key);
  return model ? modelLabel(model) : key;
};

function HistoryLink() {
  return (
    <a class="history-link" href={browser.runtime.getURL('/history.html')} target="_blank" rel="noopener noreferrer">
      {i18n.t('popup.historyHint.link')}
    </a>
  );
}

/**
 * The history line from the stored archive (history/hint.ts: a model of the user's named by ≥ 2 incidents in the
 * last 7 days). Read beside the rest, never waited for: the popup paints without it, and the link shows once the
 * archive is read (a few ms), recomputed at most once a minute.
 */
function useHistoryHint(myModels: string[] | undefined, now: number) {
  const stored = useStored(archiveItem);
  const minute = Math.floor(now / 60_000);
  const models = (myModels ?? []).join(' ');
  const hint = useMemo(() => {
    if (!stored || myModels === undefined) return null;
    return historyHint(asArchive(stored.archive), Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone, myModels);
  }, [stored, minute, models]);
  return { known: stored !== undefined && myModels !== undefined, hint };
}

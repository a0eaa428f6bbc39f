import type { ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { DayBar } from '../../components/DayBar';
import { useNow, useStored } from '../../components/use-stored';
import { formatAgo, formatDate, formatDateTimeIn, formatDuration, formatList, formatNumber } from '../../lib/format';
import { asArchive } from '../../lib/history/archive';
import type { DayCell } from '../../lib/history/days';
import { exportCsv, exportJson } from '../../lib/history/export';
import type { Involvement, SeverityMs } from '../../lib/history/minutes';
import {
  type IncidentName,
  archivedModels,
  componentRows,
  exportFileName,
  impactWord,
  legendItems,
  modelRows,
  tallyTime,
  trendText,
  uptimeText,
} from '../../lib/history/present';
import { officialUptime } from '../../lib/history/uptime';
import { HISTORY_DAYS, type IncidentRow, WINDOWS, buildHistory } from '../../lib/history/view';
import { i18n } from '../../lib/i18n';
import { modelLabel, parseModelKey } from '../../lib/models/ref';
import { requestHistory } from '../../lib/polling/messages';
import { withDefaults } from '../../lib/prefs';
import { archiveFillItem, archiveItem, prefsItem, statusItem, uptimeItem } from '../../lib/storage';

const label = (key: string) => {
  const model = parseModelKey(key);
  return model ? modelLabel(model) : key;
};

/** Saves `text` as a file: a Blob behind a temporary `a[download]` (no permission, no tab). */
function download(text: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Firefox reads the blob after click() returns: revoke it later, not now.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The history page: per model (the user's first), for the "multiple models" incidents and per
 * surface, the incidents and the time affected over 7, 30 and 90 days, a 90-day bar, the incident
 * list, the page's official uptime and "right now vs usual". It reads the archive the background
 * keeps and asks the background (once, on opening) to fill what is missing.
 */
export function App() {
  const stored = useStored(archiveItem);
  const storedPrefs = useStored(prefsItem);
  const status = useStored(statusItem);
  const uptimeCache = useStored(uptimeItem);
  const fill = useStored(archiveFillItem);
  const now = useNow(60_000);
  const timeZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  useEffect(() => void requestHistory(), []);

  const archive = useMemo(() => (stored ? asArchive(stored.archive) : null), [stored]);
  const myModels = storedPrefs ? withDefaults(storedPrefs).myModels : [];
  const modelsKey = myModels.join(' ');
  // `now` ticks every minute; a newer archive is drawn at its own moment (never before it was filled).
  const history = useMemo(
    () => archive && buildHistory(archive, Math.max(now, Date.now()), timeZone, { models: [...myModels, ...archivedModels(archive)] }),
    [archive, now, timeZone, modelsKey],
  );
  useEffect(() => {
    // For `npm run bench`: when the bars were first drawn.
    if (history && !performance.getEntriesByName('history-drawn').length) performance.mark('history-drawn');
  }, [history]);

  if (!archive || !history || !storedPrefs || !status || !uptimeCache || !fill) return null;
  const empty = archive.listedAt === null && !archive.incidents.length;
  const zone = history.timeZone;
  const names = new Map<string, IncidentName>(history.incidents.map((r) => [r.id, { name: r.name, impact: r.impact }]));
  const rows = new Map(history.incidents.map((r) => [r.id, r]));
  const models = modelRows(history, myModels);
  const components = componentRows(history, status.snapshot?.components ?? []);
  // Read at this render: figures that arrived after the last tick are not "from the future".
  const uptime = officialUptime(uptimeCache, Math.max(now, Date.now()));
  const mine = new Set(myModels);

  return (
    <main class="history" data-now={history.now} data-time-zone={zone}>
      <header class="page-head">
        <h1>{i18n.t('history.title')}</h1>
        <p>{i18n.t('history.intro')}</p>
        <p class="muted">{i18n.t('history.timeZone', { zone })}</p>
        {!empty && <Coverage coveredSince={archive.coveredSince} coveredDays={history.coveredDays} zone={zone} />}
        {archive.listedAt !== null && <p class="muted">{i18n.t('history.listedAgo', { ago: formatAgo(archive.listedAt, now) })}</p>}
      </header>

      {empty ? (
        <section class="empty" aria-labelledby="empty-h">
          <h2 id="empty-h">{i18n.t('history.emptyTitle')}</h2>
          <p>{fill.problem ? i18n.t('history.emptyFailed', { problem: fill.problem }) : i18n.t('history.emptyWaiting')}</p>
        </section>
      ) : (
        <>
          <div class="toolbar">
            <nav aria-label={i18n.t('history.nav')}>
              <a href="#models">{i18n.t('history.modelsTitle')}</a>
              <a href="#broad">{i18n.t('history.broadTitle')}</a>
              <a href="#components">{i18n.t('history.componentsTitle')}</a>
            </nav>
            <section class="export" aria-labelledby="export-h">
              <h2 id="export-h" class="visually-hidden">
                {i18n.t('history.exportTitle')}
              </h2>
              <button
                type="button"
                class="action export-json"
                onClick={() => download(exportJson(archive, Date.now()), 'application/json', exportFileName(Date.now(), zone, 'json'))}
              >
                {i18n.t('history.exportJson')}
              </button>
              <button
                type="button"
                class="action export-csv"
                onClick={() => download(exportCsv(archive, Date.now(), zone), 'text/csv', exportFileName(Date.now(), zone, 'csv'))}
              >
                {i18n.t('history.exportCsv')}
              </button>
              <p class="muted export-hint">{i18n.t('history.exportHint')}</p>
            </section>
          </div>
          <Legend />
          <details class="meaning">
            <summary>{i18n.t('history.meaningTitle')}</summary>
            <ul>
              <li>{i18n.t('history.meaningNamed')}</li>
              <li>{i18n.t('history.meaningBroad')}</li>
              <li>{i18n.t('history.meaningTime')}</li>
              <li>{i18n.t('history.meaningDays')}</li>
              <li>{i18n.t('history.meaningUsual')}</li>
              <li>{i18n.t('history.meaningUptime')}</li>
            </ul>
          </details>

          <section id="models" aria-labelledby="models-h">
            <h2 id="models-h">{i18n.t('history.modelsTitle')}</h2>
            {models.rows.length === 0 && <p class="muted">{i18n.t('history.noModels')}</p>}
            {models.rows.map((m) => {
              const how = new Map<string, Involvement>(m.incidents.map((i) => [i.id, i.how]));
              return (
                <Row
                  key={m.key}
                  kind="model"
                  id={m.key}
                  title={label(m.key)}
                  mine={mine.has(m.key)}
                  tallies={[
                    { label: i18n.t('history.row.namedIncidents'), counts: WINDOWS.map((n) => m.windows[n].named.incidents) },
                    { label: i18n.t('history.row.namedTime'), times: WINDOWS.map((n) => m.windows[n].named.ms) },
                    { label: i18n.t('history.row.broadIncidents'), counts: WINDOWS.map((n) => m.windows[n].broad.incidents) },
                    { label: i18n.t('history.row.broadTime'), times: WINDOWS.map((n) => m.windows[n].broad.ms) },
                  ]}
                  trend={trendText(m.recentVsUsual)}
                  cells={m.days}
                  zone={zone}
                  names={names}
                  incidents={m.incidents.flatMap((i) => rows.get(i.id) ?? [])}
                  how={how}
                />
              );
            })}
            {models.quiet.length > 0 && (
              <p class="muted quiet-models">{i18n.t('history.quietModels', { models: formatList(models.quiet.map(label)) })}</p>
            )}
          </section>

          <section id="broad" aria-labelledby="broad-h">
            <h2 id="broad-h">{i18n.t('history.broadTitle')}</h2>
            <Row
              kind="broad"
              id="broad"
              title={i18n.t('history.broadTitle')}
              intro={i18n.t('history.broadIntro')}
              tallies={[
                { label: i18n.t('history.row.incidents'), counts: WINDOWS.map((n) => history.broad.windows[n].incidents) },
                { label: i18n.t('history.row.time'), times: WINDOWS.map((n) => history.broad.windows[n].ms) },
              ]}
              trend={trendText(history.broad.recentVsUsual)}
              cells={history.broad.days}
              zone={zone}
              names={names}
              incidents={history.broad.incidents.flatMap((id) => rows.get(id) ?? [])}
              hideTitle
            />
          </section>

          <section id="components" aria-labelledby="components-h">
            <h2 id="components-h">{i18n.t('history.componentsTitle')}</h2>
            {components.length === 0 && <p class="muted">{i18n.t('history.noComponents')}</p>}
            {components.map((c) => (
              <Row
                key={c.id}
                kind="component"
                id={c.id}
                title={c.label}
                tallies={[
                  { label: i18n.t('history.row.incidents'), counts: WINDOWS.map((n) => c.windows[n].incidents) },
                  { label: i18n.t('history.row.componentTime'), times: WINDOWS.map((n) => c.windows[n].ms) },
                ]}
                trend={trendText(c.recentVsUsual)}
                uptime={Object.hasOwn(uptime, c.id) ? uptimeText(uptime[c.id]!) : null}
                cells={c.days}
                zone={zone}
                names={names}
                incidents={c.incidents.flatMap((id) => rows.get(id) ?? [])}
              />
            ))}
          </section>
        </>
      )}
    </main>
  );
}

function Coverage({ coveredSince, coveredDays, zone }: { coveredSince: number | null; coveredDays: number; zone: string }) {
  if (coveredSince === null) return <p class="muted coverage">{i18n.t('history.coveredUnknown')}</p>;
  const date = formatDate(coveredSince, zone);
  return (
    <p class="muted coverage">
      {coveredDays >= HISTORY_DAYS ? i18n.t('history.coveredFull', { date }) : i18n.t('history.coveredPartial', coveredDays, { date })}
    </p>
  );
}

function Legend() {
  return (
    <section class="legend" aria-labelledby="legend-h">
      <h2 id="legend-h">{i18n.t('history.legendTitle')}</h2>
      <ul>
        {legendItems().map((item) => (
          <li key={item.level}>
            <span class={`swatch day level-${item.level}`} aria-hidden="true" />
            {item.text}
          </li>
        ))}
        <li>
          <span class="swatch day level-none" aria-hidden="true">
            <span class="broad-mark level-moderate" />
          </span>
          {i18n.t('history.legend.broad')}
        </li>
      </ul>
    </section>
  );
}

type Tally = { label: string; counts: number[] } | { label: string; times: SeverityMs[] };

function TallyCell({ tally, index }: { tally: Tally; index: number }) {
  if ('counts' in tally) {
    const n = tally.counts[index]!;
    return <td data-count={n}>{formatNumber(n)}</td>;
  }
  const time = tallyTime(tally.times[index]!);
  return (
    <td>
      {time.total}
      {time.outage && <span class="outage">{time.outage}</span>}
    </td>
  );
}

function Row(props: {
  kind: 'model' | 'broad' | 'component';
  id: string;
  title: string;
  intro?: string;
  mine?: boolean;
  hideTitle?: boolean;
  tallies: Tally[];
  trend: string;
  uptime?: string | null;
  cells: readonly DayCell[];
  zone: string;
  names: ReadonlyMap<string, IncidentName>;
  incidents: IncidentRow[];
  how?: ReadonlyMap<string, Involvement>;
}) {
  const headingId = `row-${props.kind}-${props.id}`;
  const heading: ComponentChildren = (
    <>
      {props.title}
      {props.mine && <span class="pill level-operational yours">{i18n.t('history.yours')}</span>}
    </>
  );
  return (
    <article class={`row row-${props.kind}`} data-row={props.kind} data-key={props.id} aria-labelledby={headingId}>
      {props.hideTitle ? (
        <h3 id={headingId} class="visually-hidden">
          {heading}
        </h3>
      ) : (
        <h3 id={headingId}>{heading}</h3>
      )}
      {props.intro && <p class="muted">{props.intro}</p>}
      <DayBar cells={props.cells} label={i18n.t('history.bar', { subject: props.title })} timeZone={props.zone} incidents={props.names} />
      <div class="row-facts">
        <table class="tallies">
          <caption class="visually-hidden">{i18n.t('history.tallyCaption', { subject: props.title })}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{i18n.t('history.window.last7')}</th>
              <th scope="col">{i18n.t('history.window.last30')}</th>
              <th scope="col">{i18n.t('history.window.last90')}</th>
            </tr>
          </thead>
          <tbody>
            {props.tallies.map((tally) => (
              <tr key={tally.label}>
                <th scope="row">{tally.label}</th>
                {WINDOWS.map((n, i) => (
                  <TallyCell key={n} tally={tally} index={i} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <div class="row-notes">
          <p class="trend">{props.trend}</p>
          {props.uptime && <p class="uptime">{props.uptime}</p>}
        </div>
      </div>
      {props.incidents.length > 0 && <IncidentList incidents={props.incidents} zone={props.zone} how={props.how} />}
    </article>
  );
}

function IncidentList({ incidents, zone, how }: { incidents: IncidentRow[]; zone: string; how?: ReadonlyMap<string, Involvement> }) {
  return (
    <details class="incident-list">
      <summary>{i18n.t('history.list', incidents.length)}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{i18n.t('history.col.name')}</th>
            <th scope="col">{i18n.t('history.col.impact')}</th>
            <th scope="col">{i18n.t('history.col.started')}</th>
            <th scope="col">{i18n.t('history.col.duration')}</th>
            {how && <th scope="col">{i18n.t('history.col.how')}</th>}
          </tr>
        </thead>
        <tbody>
          {incidents.map((r) => (
            <tr key={r.id} data-incident-id={r.id}>
              <td>
                <a href={r.url} target="_blank" rel="noopener noreferrer">
                  <bdi>{r.name}</bdi>
                </a>
              </td>
              <td>
                <span class={`pill level-${r.impact === 'none' || r.impact === 'unknown' ? 'unknown' : r.impact}`}>
                  {impactWord(r.impact)}
                </span>
              </td>
              <td>{formatDateTimeIn(r.start, zone)}</td>
              <td>{r.end === null ? i18n.t('history.ongoing', { duration: formatDuration(r.spanMs) }) : formatDuration(r.spanMs)}</td>
              {how && <td>{i18n.t(how.get(r.id) === 'named' ? 'history.how.named' : 'history.how.broad')}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

// Issue "History per model" (issue 11): the archive filled once at install from a full 90-day
// incidents.json, the history page opened from the popup, its bars, tallies and lists as
// buildHistory computes them from the same data (run here in Node), keyboard and screen-reader names
// for the bars, JSON and CSV exports, light and dark screenshots, the official uptime, a second fill
// that is a 304 with the kept ETag, polls that never read incidents.json, and the empty state.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { syntheticNinetyDayIncidents } from '../fixtures/synthetic-history.mjs';
import { refreshWithoutPopup, startDriver, until } from './drivers.mjs';
import { artifactPath } from './harness/artifacts.mjs';
import { emulateScheme, firefoxScheme } from './harness/axe.mjs';
import { INCIDENTS_PATH } from './harness/fake-server.mjs';
import './harness/load-ts.mjs';
import { themeColor } from './harness/theme.mjs';
import { multipleModels, operational, recovered } from './payloads.mjs';

// The extension's own pure code, to compute what the page must show (after load-ts.mjs's hook).
const { buildHistory, WINDOWS } = await import('../../lib/history/view.ts');
const { EMPTY_ARCHIVE, archiveIncidents } = await import('../../lib/history/archive.ts');
const { historyHint } = await import('../../lib/history/hint.ts');
const { CSV_COLUMNS, EXPORT_FORMAT } = await import('../../lib/history/export.ts');
const { IncidentListSchema } = await import('../../lib/statuspage/schema.ts');
const { modelLabel, parseModelKey } = await import('../../lib/models/ref.ts');

const UPTIME_PATH = '/uptime_showcase';
const label = (key) => modelLabel(parseModelKey(key));
const archivedModels = (archive) => [...new Set(archive.incidents.flatMap((i) => i.models.named))];

/** Synthetic: an `/uptime_showcase` answer (its documented shape) with made-up percentages for `ids`. */
function syntheticShowcase(ids) {
  return {
    components: Object.fromEntries(ids.map((id) => [id, '<svg></svg>'])),
    timelines: Object.fromEntries(ids.map((id) => [id, { days: [] }])),
    values: ids.map((component, i) => ({ component, ninety: 99.44 - i / 10, sixty: 99.5, thirty: 99.91 - i / 100 })),
  };
}

/** Reads the extension's storage.local from an extension page. */
const stored = (d, key) =>
  d.extensionEval(async (k) => (await (globalThis.browser ?? globalThis.chrome).storage.local.get(k))[k] ?? null, key);

/**
 * Follows a link that opens a new tab, and returns that tab. Chromium (Playwright): a real click and
 * the context's new page event. Firefox (Puppeteer over BiDi): headless Firefox in this harness opens
 * no tab for any target=_blank link of an extension page (measured with the popup's Settings and
 * status.claude.com links too), so the link's own href is opened, as a click would.
 */
async function follow(d, page, selector) {
  if (d.name === 'chromium') {
    const [opened] = await Promise.all([page.context().waitForEvent('page'), page.click(selector)]);
    await opened.waitForLoadState();
    return opened;
  }
  const href = await page.evaluate((s) => document.querySelector(s).getAttribute('href'), selector);
  const origin = await page.evaluate(() => location.origin);
  assert.ok(href.startsWith(`${origin}/`), href);
  return d.openExtensionPage(href.slice(origin.length + 1));
}

/** Everything the page shows per row, read from the DOM. */
function readRows(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('article.row')].map((row) => ({
      kind: row.dataset.row,
      key: row.dataset.key,
      title: row.querySelector('h3').textContent,
      counts: [...row.querySelectorAll('.tallies td[data-count]')].map((td) => Number(td.dataset.count)),
      levels: [...row.querySelectorAll('td.day')].map((c) => c.dataset.level),
      dayKeys: [...row.querySelectorAll('td.day')].map((c) => c.dataset.day),
      dayIncidents: [...row.querySelectorAll('td.day')].map((c) => Number(c.dataset.incidents)),
      listed: [...row.querySelectorAll('.incident-list tbody tr')].map((tr) => tr.dataset.incidentId),
      trend: row.querySelector('.trend')?.textContent ?? null,
      uptime: row.querySelector('.uptime')?.textContent ?? null,
    })),
  );
}

/** theme.css's --bg and --day-none in each scheme, as computed. */
const LIGHT = { bg: themeColor('--bg', 'light'), day: themeColor('--day-none', 'light') };
const DARK = { bg: themeColor('--bg', 'dark'), day: themeColor('--day-none', 'dark') };

/** The page's colours as rendered: its background and a quiet day cell's. */
const colours = (page) =>
  page.evaluate(() => ({
    bg: getComputedStyle(document.body).backgroundColor,
    day: getComputedStyle(document.querySelector('td.day.level-none') ?? document.body).backgroundColor,
  }));

export function historyScenario(browserName) {
  describe(`${browserName}: the history view`, { timeout: 300_000 }, () => {
    let d;
    let history;
    let archive; // what the install fill must produce, built here from the same incidents.json
    let componentIds;
    const summary = operational();
    const list = { page: summary.page, ...syntheticNinetyDayIncidents({ now: Date.now() }) };
    // Synthetic: one copy of a real incident with markup in its name, as hostile text would arrive.
    const hostile = structuredClone(list.incidents[3]);
    hostile.id = 'hostile00001';
    hostile.name = `${hostile.name} <img src=x onerror="document.title='pwned'">`;
    for (const [i, u] of hostile.incident_updates.entries()) u.id = `hostileupd${i}`;
    list.incidents.splice(3, 0, hostile);

    before(async () => {
      componentIds = summary.components.map((c) => c.id);
      d = await startDriver(browserName, { summary, serverOptions: { incidents: list } });
      d.server.setJson(UPTIME_PATH, syntheticShowcase(componentIds));
    });
    after(async () => d?.close());

    it('fills the archive once at install: one unconditional GET of the full 90-day incidents.json', async () => {
      const filled = await until(async () => {
        const s = await stored(d, 'archive');
        return s?.archive?.listedAt && s;
      }, 'the install fill');
      const reads = d.server.requests.filter((r) => r.path === INCIDENTS_PATH);
      assert.deepEqual(
        reads.map((r) => [r.status, r.ifNoneMatch]),
        [[200, null]],
      );
      assert.match(filled.etag, /^W\/"/);
      archive = archiveIncidents(EMPTY_ARCHIVE, IncidentListSchema.parse(list).incidents, filled.archive.listedAt, { complete: true });
      assert.ok(archive.incidents.length >= 70, `a full 90 days: ${archive.incidents.length} incidents`);
      assert.deepEqual(
        filled.archive.incidents.map((i) => i.id),
        archive.incidents.map((i) => i.id),
      );
      assert.equal(filled.archive.coveredSince, archive.coveredSince);
      // An extension page only: the browser's own History page is left alone.
      const overrides = await d.extensionEval(
        () => (globalThis.browser ?? globalThis.chrome).runtime.getManifest().chrome_url_overrides ?? 'none',
      );
      assert.equal(overrides, 'none');
    });

    it('the popup links to the history page, and the link opens it', async () => {
      const popup = await d.openExtensionPage('popup.html');
      const href = await until(() => popup.evaluate(() => document.querySelector('a.history-link')?.href), 'the history link');
      const origin = await popup.evaluate(() => location.origin);
      assert.equal(href, `${origin}/history.html`);
      // No model chosen and no model named by 3 incidents this week (checked in Node): the quiet link, no hint line.
      const page = await popup.evaluate(() => ({
        hint: !!document.querySelector('.history-hint'),
        text: document.querySelector('a.history-link').textContent,
      }));
      assert.deepEqual(page, { hint: false, text: 'History' });
      await popup.screenshot({ path: artifactPath(`${browserName}-history-popup-link`) });
      history = await follow(d, popup, 'a.history-link');
      await popup.close();
      await until(() => history.evaluate(() => document.querySelectorAll('article.row').length > 0), 'the history rows');
    });

    it('the bars, tallies and lists are what buildHistory computes from the same data', async () => {
      const at = await history.evaluate(() => ({
        now: Number(document.querySelector('main.history').dataset.now),
        zone: document.querySelector('main.history').dataset.timeZone,
      }));
      const expected = buildHistory(archive, at.now, at.zone, { models: archivedModels(archive) });
      const rows = await readRows(history);

      const named = expected.models.filter((m) => m.windows[90].named.incidents > 0);
      const quiet = expected.models.filter((m) => m.windows[90].named.incidents === 0);
      assert.ok(named.length >= 5, `models named in the fixture: ${named.length}`);
      const modelRows = rows.filter((r) => r.kind === 'model');
      assert.deepEqual(
        modelRows.map((r) => r.key),
        named.map((m) => m.key),
      );
      for (const m of named) {
        const row = modelRows.find((r) => r.key === m.key);
        assert.equal(row.title, label(m.key));
        assert.deepEqual(
          row.counts,
          [...WINDOWS.map((n) => m.windows[n].named.incidents), ...WINDOWS.map((n) => m.windows[n].broad.incidents)],
          m.key,
        );
        assert.deepEqual(
          row.levels,
          m.days.map((c) => c.level),
          `${m.key} day levels`,
        );
        assert.deepEqual(
          row.dayIncidents,
          m.days.map((c) => c.incidents.length),
          `${m.key} incidents per day`,
        );
        assert.deepEqual(
          row.listed,
          m.incidents.map((i) => i.id),
          `${m.key} incident list`,
        );
      }
      if (quiet.length) {
        const line = await history.evaluate(() => document.querySelector('.quiet-models')?.textContent ?? '');
        for (const m of quiet) assert.ok(line.includes(label(m.key)), `${m.key} in the quiet line: ${line}`);
      }

      const broad = rows.find((r) => r.kind === 'broad');
      assert.deepEqual(
        broad.counts,
        WINDOWS.map((n) => expected.broad.windows[n].incidents),
      );
      assert.deepEqual(
        broad.levels,
        expected.broad.days.map((c) => c.level),
      );
      assert.deepEqual(broad.listed, expected.broad.incidents);
      assert.ok(expected.broad.incidents.length > 0);

      // Surfaces: every one the summary lists, in its order (with a clean bar when untouched), then any other.
      const comps = rows.filter((r) => r.kind === 'component');
      const extra = expected.components.filter((c) => !componentIds.includes(c.id)).map((c) => c.id);
      assert.deepEqual(
        comps.map((r) => r.key),
        [...componentIds, ...extra],
      );
      for (const c of comps) {
        const e = expected.components.find((x) => x.id === c.key);
        assert.deepEqual(
          c.counts,
          WINDOWS.map((n) => e?.windows[n].incidents ?? 0),
          c.key,
        );
        if (e)
          assert.deepEqual(
            c.levels,
            e.days.map((x) => x.level),
            `${c.key} day levels`,
          );
        else
          assert.ok(
            c.levels.every((l) => l === 'none'),
            `${c.key}: untouched, so a clean bar`,
          );
      }
      for (const r of rows) {
        assert.equal(r.levels.length, 90, `${r.key}: 90 days`);
        assert.deepEqual(
          r.dayKeys,
          expected.days.map((x) => x.key),
        );
        assert.match(r.trend, /^Last 30 days: (more|about as many|fewer) incidents/, `${r.key}: a verdict (90 covered days)`);
      }
      const coverage = await history.evaluate(() => document.querySelector('.coverage').textContent);
      assert.match(
        coverage,
        expected.coveredDays === 90 ? /all 90 days are covered/ : new RegExp(` ${expected.coveredDays} of the 90 days`),
      );
    });

    it('incident text is shown as text: markup in a name stays words', async () => {
      const seen = await history.evaluate(() => ({
        title: document.title,
        images: document.querySelectorAll('img').length,
        link: document.querySelector('tr[data-incident-id="hostile00001"] a')?.textContent ?? null,
      }));
      assert.deepEqual(seen, { title: 'Claude Status history', images: 0, link: list.incidents[3].name });
    });

    it('the official uptime of each listed surface, asked for once', async () => {
      // Asked for by the page when it opened; shown as soon as the answer is stored.
      const rows = await until(async () => {
        const listed = (await readRows(history)).filter((r) => r.kind === 'component' && componentIds.includes(r.key));
        return listed.every((r) => r.uptime) && listed;
      }, 'the uptime figures');
      const pct = (v) => new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 }).format(v / 100);
      const showcase = syntheticShowcase(componentIds);
      for (const r of rows) {
        const v = showcase.values.find((x) => x.component === r.key);
        assert.equal(r.uptime, `Status page figure: ${pct(v.ninety)} uptime over 90 days, ${pct(v.thirty)} over 30 days.`);
      }
      const again = await d.openExtensionPage('history.html');
      await until(() => again.evaluate(() => document.querySelectorAll('.uptime').length), 'uptime on a second opening');
      await new Promise((r) => setTimeout(r, 1500)); // its request to the background has been handled
      await again.close();
      assert.equal(d.server.requests.filter((r) => r.path === UPTIME_PATH).length, 1, 'cached for hours');
    });

    it('keyboard: each bar is one Tab stop, the arrow keys move the day, its name and the text beside the bar', async () => {
      await history.evaluate(() => {
        document.activeElement?.blur();
        document.querySelector('#models-h').setAttribute('tabindex', '-1');
        document.querySelector('#models-h').focus();
      });
      const focused = () =>
        history.evaluate(() => {
          const el = document.activeElement;
          const row = el?.closest('article.row');
          return {
            tag: el?.tagName,
            day: el?.dataset?.day ?? null,
            name: el?.getAttribute('aria-label') ?? null,
            tabindex: el?.getAttribute('tabindex'),
            row: row?.dataset.key ?? null,
            detail: row?.querySelector('.day-detail-label')?.textContent ?? null,
            grid: el?.closest('[role=grid]')?.getAttribute('aria-label') ?? null,
          };
        });
      await history.keyboard.press('Tab');
      const first = await focused();
      const rows = await readRows(history);
      const today = rows[0].dayKeys.at(-1);
      assert.deepEqual([first.tag, first.row, first.day, first.tabindex], ['TD', rows[0].key, today, '0']);
      assert.equal(first.grid, `${rows[0].title}, last 90 days`);
      assert.equal(first.detail, first.name);

      await history.keyboard.press('ArrowLeft');
      const previous = await focused();
      assert.equal(previous.day, rows[0].dayKeys.at(-2));
      assert.notEqual(previous.name, first.name);
      assert.equal(previous.detail, previous.name, 'the text beside the bar follows');
      await history.keyboard.press('Home');
      assert.equal((await focused()).day, rows[0].dayKeys[0]);
      await history.keyboard.press('End');
      assert.equal((await focused()).day, today);
      await history.keyboard.press('ArrowLeft');
      await history.keyboard.press('ArrowLeft');
      const moved = await focused();
      // One Tab stop per bar: Tab leaves the bar (to the next focusable thing, not the next day)…
      await history.keyboard.press('Tab');
      const out = await focused();
      assert.notEqual(out.row === rows[0].key && out.tag === 'TD', true, `Tab left the bar: ${JSON.stringify(out)}`);
      // …and Shift+Tab comes back to the day last focused there (roving tabindex).
      await history.keyboard.down('Shift');
      await history.keyboard.press('Tab');
      await history.keyboard.up('Shift');
      assert.equal((await focused()).day, moved.day);
    });

    it('screen-reader names: every bar and every day is named; a day with incidents lists them in its tooltip', async () => {
      const check = await history.evaluate(() => {
        const grids = [...document.querySelectorAll('[role=grid]')];
        const cells = [...document.querySelectorAll('td.day')];
        return {
          grids: grids.length,
          unnamedGrids: grids.filter((g) => !g.getAttribute('aria-label')?.endsWith(', last 90 days')).length,
          cells: cells.length,
          unnamed: cells.filter((c) => !/^\w{3}, \w{3} \d{1,2}: ./.test(c.getAttribute('aria-label') ?? '')).length,
          busy: cells
            .filter((c) => Number(c.dataset.incidents) > 0)
            .map((c) => ({ name: c.getAttribute('aria-label'), lines: c.title.split('\n').length - 1, n: Number(c.dataset.incidents) })),
        };
      });
      const rows = await readRows(history);
      assert.equal(check.grids, rows.length);
      assert.equal(check.unnamedGrids, 0);
      assert.equal(check.cells, rows.length * 90);
      assert.equal(check.unnamed, 0);
      assert.ok(check.busy.length > 20);
      for (const b of check.busy) {
        assert.match(b.name, /: \d+ incidents?\b/);
        assert.equal(b.lines, b.n, `tooltip lists each incident: ${b.name}`);
      }
      if (d.name === 'chromium') {
        // The browser's own accessibility tree (Playwright's role queries), not only the attributes.
        const name = await history.evaluate(() => document.querySelector('td.day[tabindex="0"]').getAttribute('aria-label'));
        assert.equal(await history.getByRole('grid', { name: `${rows[0].title}, last 90 days`, exact: true }).count(), 1);
        assert.ok((await history.getByRole('gridcell', { name, exact: true }).count()) >= 1);
      }
    });

    it('exports: JSON is the archive as stored, CSV one row per incident', async () => {
      await history.evaluate(() => {
        globalThis.exported = [];
        const create = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (blob) => {
          const url = create(blob);
          globalThis.exported.push({ blob, url });
          return url;
        };
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function () {
          const hit = globalThis.exported.find((e) => e.url === this.href);
          if (hit) hit.name = this.download;
          return click.call(this);
        };
      });
      let saved = null;
      if (d.name === 'chromium') {
        const [download] = await Promise.all([history.waitForEvent('download'), history.click('button.export-json')]);
        saved = fs.readFileSync(await download.path(), 'utf8');
      } else {
        await history.click('button.export-json');
      }
      await history.click('button.export-csv');
      const files = await until(
        () =>
          history.evaluate(async () =>
            globalThis.exported.length === 2
              ? Promise.all(globalThis.exported.map(async (e) => ({ name: e.name, type: e.blob.type, text: await e.blob.text() })))
              : null,
          ),
        'two exports',
      );
      const [json, csv] = files;
      assert.match(json.name, /^claude-status-history-\d{4}-\d{2}-\d{2}\.json$/);
      assert.equal(json.type, 'application/json');
      if (saved !== null) assert.equal(saved, json.text, 'the file saved is the one built');
      const parsed = JSON.parse(json.text);
      assert.equal(parsed.format, EXPORT_FORMAT);
      const storedArchive = (await stored(d, 'archive')).archive;
      assert.deepEqual(parsed.archive, storedArchive);

      assert.match(csv.name, /^claude-status-history-\d{4}-\d{2}-\d{2}\.csv$/);
      const lines = csv.text.split('\r\n');
      assert.equal(lines.pop(), '', 'ends in CRLF');
      assert.equal(lines[0], CSV_COLUMNS.map((c) => `"${c}"`).join(','));
      assert.equal(lines.length, storedArchive.incidents.length + 1);
      const cells = (line) => [...line.matchAll(/"((?:[^"]|"")*)"(?:,|$)/g)].map((m) => m[1].replaceAll('""', '"'));
      for (const [i, line] of lines.slice(1).entries()) {
        const row = cells(line);
        assert.equal(row.length, CSV_COLUMNS.length, line);
        assert.equal(row[0], storedArchive.incidents[i].id);
        assert.match(row[4], /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      }
    });

    it('screenshot in light (and in dark where the browser can emulate it: Chromium; Firefox below)', async () => {
      await history.evaluate(() => window.scrollTo(0, 0));
      const light = await colours(history);
      assert.deepEqual(light, LIGHT);
      await history.screenshot({ path: artifactPath(`${browserName}-history-light`), fullPage: true });
      if (d.name !== 'chromium') return;
      await history.emulateMedia({ colorScheme: 'dark' });
      assert.notDeepEqual(DARK, LIGHT, 'theme.css tells the schemes apart');
      assert.deepEqual(await colours(history), DARK);
      await history.screenshot({ path: artifactPath(`${browserName}-history-dark`), fullPage: true });
      await history.emulateMedia({ colorScheme: 'light' });
    });

    it('polls never read incidents.json; an incident leaving the summary does, conditionally: a 304 with the kept ETag', async () => {
      const reads = () => d.server.requests.filter((r) => r.path === INCIDENTS_PATH);
      const { etag } = await stored(d, 'archive');
      const before = reads().length;
      d.server.setSummary(multipleModels());
      for (let i = 0; i < 3; i++) await refreshWithoutPopup(d);
      assert.equal(reads().length, before, 'no read while polling, with an incident open');
      d.server.setSummary(recovered());
      await refreshWithoutPopup(d);
      const second = await d.server.waitForRequest((r) => r.path === INCIDENTS_PATH && r.status !== null && reads().indexOf(r) >= before);
      assert.deepEqual([second.status, second.ifNoneMatch], [304, etag]);
      assert.equal((await stored(d, 'archive')).etag, etag);
      for (let i = 0; i < 2; i++) await refreshWithoutPopup(d);
      assert.equal(reads().length, before + 1);
    });

    it('a model I follow with ≥ 2 incidents this week: the popup says so in one line, and it comes first on the page', async () => {
      const at = await history.evaluate(() => ({
        now: Number(document.querySelector('main.history').dataset.now),
        zone: document.querySelector('main.history').dataset.timeZone,
      }));
      const week = buildHistory(archive, at.now, at.zone).models.filter((m) => m.windows[7].named.incidents >= 2);
      assert.ok(week.length > 0, 'the fixture has a model named twice this week');
      const key = week[0].key;
      const hint = historyHint(archive, at.now, at.zone, [key]);
      assert.ok(hint);
      await d.extensionEval(
        (k) => (globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'update-prefs', patch: { add: { myModels: [k] } } }),
        key,
      );
      const popup = await d.openExtensionPage('popup.html');
      const line = await until(() => popup.evaluate(() => document.querySelector('.history-hint')?.textContent), 'the hint line');
      assert.equal(line, `${label(key)}: ${hint.incidents} incidents in the last 7 days · History`);
      assert.equal(await popup.evaluate(() => document.querySelectorAll('a.history-link').length), 1, 'one link to the history');
      await popup.screenshot({ path: artifactPath(`${browserName}-history-popup-hint`) });
      await popup.close();
      await until(
        async () => (await history.evaluate(() => document.querySelector('article.row')?.dataset.key)) === key,
        'my model first on the page',
      );
      assert.equal(await history.evaluate(() => document.querySelector('article.row h3 .yours')?.textContent), 'yours');
    });
  });

  describe(`${browserName}: the history before its first fill`, { timeout: 120_000 }, () => {
    let d;
    before(async () => {
      // incidents.json in an unexpected shape from the start: the install fill fails.
      // In dark (Firefox: by a launch preference), for the dark screenshots.
      d = await startDriver(browserName, {
        summary: operational(),
        serverOptions: { incidents: { incidents: 'nope' } },
        firefoxPrefs: firefoxScheme('dark'), // Puppeteer over BiDi cannot emulate media features
      });
    });
    after(async () => d?.close());

    it('says why it is empty, then fills in by itself once the list can be read', async () => {
      await until(async () => (await stored(d, 'archiveFill'))?.problem, 'a failed first fill');
      const page = await d.openExtensionPage('history.html');
      await emulateScheme(page, 'dark');
      const empty = await until(() => page.evaluate(() => document.querySelector('.empty')?.textContent), 'the empty state');
      assert.equal((await colours(page)).bg, DARK.bg, 'dark');
      assert.match(empty, /^No history yet.*could not be read yet \(unexpected data in incidents\.json\)/);
      await page.screenshot({ path: artifactPath(`${browserName}-history-empty-dark`) });
      // The list comes back: opening the page again asks at once (not 30 minutes after the failure).
      d.server.setIncidents({ page: operational().page, ...syntheticNinetyDayIncidents({ now: Date.now() }) });
      await page.evaluate(() => location.reload());
      await until(() => page.evaluate(() => document.querySelectorAll('article.row').length > 5), 'rows after the fill');
      if (d.name === 'firefox') {
        assert.deepEqual(await colours(page), DARK);
        await page.screenshot({ path: artifactPath(`${browserName}-history-dark`), fullPage: true });
      }
      assert.equal(await page.evaluate(() => document.querySelector('.empty')), null);
    });
  });
}

import { describe, expect, it } from 'vitest';
import { EMPTY_ARCHIVE, archiveIncidents } from '../../../lib/history/archive';
import { CSV_COLUMNS, EXPORT_FORMAT, csvCell, exportCsv, exportJson, localIso } from '../../../lib/history/export';
import { CAPTURE_NOW, at, realArchive, realIncident } from './helpers';

/** A minimal RFC 4180 reader, to check what a spreadsheet would see. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') [cell, i] = [`${cell}"`, i + 1];
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') [row, cell] = [[...row, cell], ''];
    else if (ch === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      [row, cell, i] = [[], '', i + 1];
    } else cell += ch;
  }
  return rows;
}

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+1+1', `"'+1+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['Elevated errors, "again"', `"Elevated errors, ""again"""`],
    ['a = b', `"a = b"`],
    ['', `""`],
  ])('%j → %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('numbers, booleans and null', () => {
    expect([csvCell(42), csvCell(true), csvCell(null)]).toEqual(['"42"', '"true"', '""']);
  });
});

describe('exportCsv', () => {
  it('one row per incident, newest first, times in the user’s zone with their offset', () => {
    const rows = readCsv(exportCsv(realArchive(), CAPTURE_NOW, 'America/Los_Angeles'));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(51);
    const sonnet = rows.find((r) => r[0] === '288w7p4hk1l1')!;
    // 12:37:31.757 → 12:56:26.632 UTC is 05:37:31 → 05:56:26 PDT; 18 min 54.9 s rounds to 19; open 18 min 54.7 s.
    expect(sonnet).toEqual([
      '288w7p4hk1l1',
      'Elevated errors for Claude Sonnet 5',
      'major',
      'resolved',
      '2026-09-03T05:37:31-07:00',
      '2026-09-03T05:56:26-07:00',
      '19',
      '19',
      'sonnet-5',
      'false',
      'rwppv331jlwc k8w3r06qmzrp yyzkbfz2thpt bpp5gb3hpjcl',
      'https://status.claude.com/incidents/288w7p4hk1l1',
    ]);
  });

  it('a hostile incident name cannot become a formula', () => {
    const raw = { ...realIncident('288w7p4hk1l1'), name: '=cmd|\' /C calc\'!A0, "x"' };
    const text = exportCsv(archiveIncidents(EMPTY_ARCHIVE, [raw], CAPTURE_NOW), CAPTURE_NOW, 'UTC');
    const rows = readCsv(text);
    expect(rows[1]![1]).toBe("'=cmd|' /C calc'!A0, \"x\"");
    expect(rows[1]).toHaveLength(CSV_COLUMNS.length);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('an open incident has no end yet; its duration runs to now', () => {
    const raw = { ...realIncident('288w7p4hk1l1'), status: 'investigating' as const, resolved_at: null };
    raw.incident_updates = raw.incident_updates!.slice(-1);
    const now = at('2026-09-03T13:37:31.934Z');
    const row = readCsv(exportCsv(archiveIncidents(EMPTY_ARCHIVE, [raw], now), now, 'UTC'))[1]!;
    expect(row.slice(3, 8)).toEqual(['investigating', '2026-09-03T12:37:31+00:00', '', '60', '60']);
  });

  it('writes offsets of half and three-quarter hours', () => {
    const t = at('2026-09-03T12:37:31.757Z');
    expect([localIso(t, 'Asia/Kolkata'), localIso(t, 'Pacific/Chatham'), localIso(t, 'UTC')]).toEqual([
      '2026-09-03T18:07:31+05:30',
      '2026-09-04T01:22:31+12:45',
      '2026-09-03T12:37:31+00:00',
    ]);
  });
});

describe('exportJson', () => {
  it('is the whole archive, labelled, and reads back equal', () => {
    const archive = realArchive();
    const parsed = JSON.parse(exportJson(archive, CAPTURE_NOW));
    expect(parsed).toMatchObject({ format: EXPORT_FORMAT, version: 1, exportedAt: '2026-09-15T12:22:10.000Z' });
    expect(parsed.archive).toEqual(archive);
  });
});

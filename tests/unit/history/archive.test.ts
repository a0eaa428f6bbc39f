import { describe, expect, it } from 'vitest';
import {
  ARCHIVE_LIMITS,
  type Archive,
  EMPTY_ARCHIVE,
  archiveIncidents,
  asArchive,
  cleanLine,
  serializedBytes,
} from '../../../lib/history/archive';
import type { RawIncident } from '../../../lib/statuspage/schema';
import { CAPTURE_NOW, DAY, HOUR, MIN, at, realArchive, realIncident, realIncidents, syntheticIncident } from './helpers';

const find = (archive: Archive, id: string) => archive.incidents.find((i) => i.id === id)!;

describe('archiving the real incidents.json capture', () => {
  const archive = realArchive();

  it('keeps all 50, newest start first, each with its updates oldest first', () => {
    expect(archive.incidents).toHaveLength(50);
    const starts = archive.incidents.map((i) => i.startedAt);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    for (const i of archive.incidents) expect(i.updates.map((u) => u.at)).toEqual(i.updates.map((u) => u.at).sort((a, b) => a - b));
  });

  it('keeps times, statuses, transitions and the scope after each update of "Elevated errors for Claude Sonnet 5"', () => {
    const i = find(archive, '288w7p4hk1l1');
    expect(i).toMatchObject({ name: 'Elevated errors for Claude Sonnet 5', impact: 'major', status: 'resolved' });
    expect(i.startedAt).toBe(at('2026-09-03T12:37:31.757Z'));
    expect(i.resolvedAt).toBe(at('2026-09-03T12:56:26.632Z'));
    expect(i.updates.map((u) => [u.status, new Date(u.at).toISOString(), u.scope.affected])).toEqual([
      ['investigating', '2026-09-03T12:37:31.934Z', ['sonnet-5']],
      ['monitoring', '2026-09-03T12:47:15.690Z', ['sonnet-5']],
      ['resolved', '2026-09-03T12:56:26.632Z', []],
    ]);
    expect(i.updates[0]!.components).toContainEqual({ id: 'rwppv331jlwc', from: 'operational', to: 'partial_outage' });
    expect(i.updates[1]!.components).toContainEqual({ id: 'rwppv331jlwc', from: 'partial_outage', to: 'operational' });
    // The resolving update only restated "operational → operational": nothing to keep.
    expect(i.updates[2]!.components).toEqual([]);
    expect(i.models).toEqual({ named: ['sonnet-5'], broad: false });
    expect(i.summary).toBe('This incident has been resolved.');
  });

  it('follows a broad incident as it narrows: "multiple models", then an exhaustive list, then "only Opus 4.8 and Opus 5"', () => {
    const scopes = find(archive, '461yvfrzpwtt').updates.map((u) => u.scope);
    expect(scopes[0]).toEqual({ affected: ['mythos-5.1', 'fable-5.1', 'opus-5'], broad: true, excluded: [] });
    expect(scopes[2]).toEqual({
      affected: ['mythos-5.1', 'fable-5.1', 'opus-5', 'mythos-5', 'fable-5', 'opus-4.8', 'opus-4.6'],
      broad: false,
      excluded: [],
    });
    expect(scopes[4]).toEqual({ affected: ['opus-5', 'opus-4.8'], broad: false, excluded: [] });
    expect(scopes.at(-1)).toEqual({ affected: [], broad: false, excluded: [] });
  });

  it('keeps no update bodies, only the newest first sentence', () => {
    const text = JSON.stringify(archive);
    expect(text).not.toContain('An exhaustive list of affected models');
    expect(text).not.toContain('support.microsoft.com');
    expect(find(archive, 'r1pqn1kb4hvk').summary).toBe('This issue has been resolved.');
  });

  it('is compact: about 1.2 KB an incident', () => {
    expect(serializedBytes(archive) / archive.incidents.length).toBeLessThan(1500);
  });

  it('an incident posted already resolved, with resolved_at before started_at, starts at its back-dated update and lasts 0', () => {
    // 1019wwb67615: started_at 18:14:56.438, one "resolved" update displayed at 18:13:01, resolved_at 18:13:01.
    const i = find(archive, '1019wwb67615');
    expect(i.startedAt).toBe(at('2026-07-25T18:13:01.000Z'));
    expect(i.resolvedAt).toBe(i.startedAt);
    expect(i.models).toEqual({ named: ['sonnet-4.6', 'sonnet-5'], broad: false });
  });

  it('labels components by their newest name', () => {
    expect(archive.componentNames.k8w3r06qmzrp?.name).toBe('Claude API');
    expect(archive.componentNames.rwppv331jlwc?.name).toBe('claude.ai');
  });
});

describe('merging', () => {
  it('the same resolved incidents arriving twice change nothing: the very same object comes back', () => {
    const first = realArchive();
    expect(archiveIncidents(first, realIncidents(), CAPTURE_NOW)).toBe(first);
    expect(archiveIncidents(first, realIncidents(), CAPTURE_NOW + 3 * DAY)).toBe(first);
    expect(archiveIncidents(first, [realIncident('288w7p4hk1l1')], CAPTURE_NOW + HOUR)).toBe(first);
  });

  it('a duplicate inside one payload is one incident', () => {
    const sonnet = realIncident('288w7p4hk1l1');
    const archive = archiveIncidents(EMPTY_ARCHIVE, [sonnet, structuredClone(sonnet), sonnet], CAPTURE_NOW);
    expect(archive.incidents).toHaveLength(1);
    expect(archive.incidents[0]!.updates).toHaveLength(3);
  });

  it('does not depend on the order incidents arrive in', () => {
    const forward = archiveIncidents(EMPTY_ARCHIVE, realIncidents(), CAPTURE_NOW);
    const backward = archiveIncidents(EMPTY_ARCHIVE, realIncidents().reverse(), CAPTURE_NOW);
    const oneByOne = realIncidents().reduce((a, i) => archiveIncidents(a, [i], CAPTURE_NOW), EMPTY_ARCHIVE);
    expect(backward).toEqual(forward);
    expect(oneByOne).toEqual(forward);
  });

  /** Synthetic: the real Sonnet 5 incident reopened 20 minutes after it resolved, resolved again 30 minutes later. */
  function syntheticReopened(stage: 'reopened' | 'resolved again'): RawIncident {
    const raw = realIncident('288w7p4hk1l1');
    type Update = NonNullable<RawIncident['incident_updates']>[number];
    const api = (old_status: 'operational' | 'partial_outage', new_status: 'operational' | 'partial_outage') => [
      { code: 'k8w3r06qmzrp', name: 'Claude API', old_status, new_status },
    ];
    const reopen: Update = {
      id: 'reopen1',
      status: 'investigating',
      body: 'We are seeing elevated errors on Claude Sonnet 5 again.',
      created_at: '2026-09-03T13:16:26.632Z',
      display_at: '2026-09-03T13:16:26.632Z',
      affected_components: api('operational', 'partial_outage'),
    };
    const close: Update = {
      id: 'close2',
      status: 'resolved',
      body: 'Resolved again.',
      created_at: '2026-09-03T13:46:26.632Z',
      display_at: '2026-09-03T13:46:26.632Z',
      affected_components: api('partial_outage', 'operational'),
    };
    if (stage === 'reopened')
      return { ...raw, status: 'investigating', resolved_at: null, incident_updates: [reopen, ...raw.incident_updates!] };
    return { ...raw, status: 'resolved', resolved_at: close.created_at, incident_updates: [close, reopen, ...raw.incident_updates!] };
  }

  it('a reopened incident takes its new status and merges its updates by id', () => {
    const archive = realArchive();
    const reopened = archiveIncidents(archive, [syntheticReopened('reopened')], CAPTURE_NOW);
    const i = find(reopened, '288w7p4hk1l1');
    expect(i.status).toBe('investigating');
    expect(i.resolvedAt).toBeNull();
    expect(i.updates.map((u) => u.id)).toEqual(['x28yybxbrv15', 'x7cq4yrs05j0', '47nt8w1c0264', 'reopen1']);
    expect(i.updates.at(-1)!.scope.affected).toEqual(['sonnet-5']);

    const closed = archiveIncidents(reopened, [syntheticReopened('resolved again')], CAPTURE_NOW);
    expect(find(closed, '288w7p4hk1l1')).toMatchObject({ status: 'resolved', resolvedAt: at('2026-09-03T13:46:26.632Z') });
    expect(find(closed, '288w7p4hk1l1').updates).toHaveLength(5);
  });

  it('an older copy arriving after the reopened one does not undo it', () => {
    const reopened = archiveIncidents(realArchive(), [syntheticReopened('reopened')], CAPTURE_NOW);
    const stale = archiveIncidents(reopened, [realIncident('288w7p4hk1l1')], CAPTURE_NOW);
    expect(stale).toBe(reopened);
    expect(find(stale, '288w7p4hk1l1').status).toBe('investigating');
  });

  it('an update arriving only in a later copy is added, an edited one replaced', () => {
    const base = archiveIncidents(EMPTY_ARCHIVE, [realIncident('ls6bn1x81m0w')], CAPTURE_NOW);
    const edited = realIncident('ls6bn1x81m0w');
    edited.incident_updates![0]!.display_at = '2026-09-02T21:45:00.000Z'; // the page moved its resolution time
    const merged = archiveIncidents(base, [edited], CAPTURE_NOW);
    expect(find(merged, 'ls6bn1x81m0w').updates.at(-1)!.at).toBe(at('2026-09-02T21:45:00.000Z'));
    expect(find(merged, 'ls6bn1x81m0w').resolvedAt).toBe(at('2026-09-02T21:45:00.000Z'));
  });
});

describe('untrusted times', () => {
  it('clamps times after now (a clock set back): nothing lies in the future', () => {
    const clockSetBack = at('2026-09-03T12:40:00Z'); // during the Sonnet 5 incident
    const archive = archiveIncidents(EMPTY_ARCHIVE, realIncidents(), clockSetBack);
    const all = archive.incidents.flatMap((i) => [i.startedAt, i.createdAt, i.resolvedAt ?? 0, ...i.updates.map((u) => u.at)]);
    expect(Math.max(...all)).toBeLessThanOrEqual(clockSetBack);
    expect(find(archive, '288w7p4hk1l1').updates.at(-1)!.at).toBe(clockSetBack);
  });

  it('heals once the clock is right and the incident is seen again', () => {
    const wrong = archiveIncidents(EMPTY_ARCHIVE, [realIncident('288w7p4hk1l1')], at('2026-09-03T12:40:00Z'));
    const right = archiveIncidents(wrong, [realIncident('288w7p4hk1l1')], CAPTURE_NOW);
    expect(right).toEqual(archiveIncidents(EMPTY_ARCHIVE, [realIncident('288w7p4hk1l1')], CAPTURE_NOW));
  });

  it('a page clock in the year 2099 cannot pin an incident to the top forever', () => {
    const future = syntheticIncident({ id: 'future1', started_at: '2099-01-01T00:00:00Z', created_at: '2099-01-01T00:00:00Z' }, [
      { id: 'f1', at: '2099-01-01T00:00:00Z', status: 'investigating' },
      { id: 'f2', at: '2099-01-01T01:00:00Z', status: 'resolved' },
    ]);
    const i = archiveIncidents(EMPTY_ARCHIVE, [future], CAPTURE_NOW).incidents[0]!;
    expect([i.startedAt, i.resolvedAt, ...i.updates.map((u) => u.at)]).toEqual([CAPTURE_NOW, CAPTURE_NOW, CAPTURE_NOW, CAPTURE_NOW]);
  });

  it('orders updates by time whatever order the list gives, and falls back to created_at for a broken display_at', () => {
    const raw = syntheticIncident({ id: 'jumbled1' }, [
      { id: 'u1', at: '2026-09-01T10:00:00Z', status: 'investigating' },
      { id: 'u2', at: '2026-09-01T10:30:00Z', status: 'identified', display_at: 'not a time' },
      { id: 'u3', at: '2026-09-01T11:00:00Z', status: 'resolved' },
    ]);
    raw.incident_updates!.reverse();
    const i = archiveIncidents(EMPTY_ARCHIVE, [raw], CAPTURE_NOW).incidents[0]!;
    expect(i.updates.map((u) => u.id)).toEqual(['u1', 'u2', 'u3']);
    expect(i.updates[1]!.at).toBe(at('2026-09-01T10:30:00Z'));
  });

  it('drops an incident with no usable time at all, keeps the rest', () => {
    const timeless = syntheticIncident({ id: 'timeless1', created_at: 'garbage', started_at: null }, [
      { id: 't1', at: 'never', display_at: null, status: 'investigating' },
    ]);
    const archive = archiveIncidents(EMPTY_ARCHIVE, [timeless, realIncident('288w7p4hk1l1')], CAPTURE_NOW);
    expect(archive.incidents.map((i) => i.id)).toEqual(['288w7p4hk1l1']);
  });

  it('a resolution stamped before the start never makes a negative duration', () => {
    const raw = syntheticIncident({ id: 'backwards1', started_at: '2026-09-01T12:00:00Z', resolved_at: '2026-09-01T11:00:00Z' }, [
      { id: 'b1', at: '2026-09-01T12:00:00Z', status: 'investigating' },
    ]);
    const i = archiveIncidents(EMPTY_ARCHIVE, [{ ...raw, status: 'resolved' }], CAPTURE_NOW).incidents[0]!;
    expect(i.resolvedAt).toBeGreaterThanOrEqual(i.startedAt);
  });
});

describe('hostile text and sizes', () => {
  it('a name loses control and bidi characters and is capped without splitting an emoji', () => {
    const name = `Errors\u202e on Opus 5\u0000\r\n<img src=x onerror=alert(1)> ${'😀'.repeat(500)}`;
    const i = archiveIncidents(EMPTY_ARCHIVE, [{ ...realIncident('288w7p4hk1l1'), name }], CAPTURE_NOW).incidents[0]!;
    expect(i.name.length).toBeLessThanOrEqual(ARCHIVE_LIMITS.name);
    expect(i.name).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(i.name.startsWith('Errors on Opus 5 <img src=x onerror=alert(1)>')).toBe(true);
    expect(i.name.endsWith('😀…')).toBe(true);
    expect(cleanLine('a\u2066b\u2069c\u200fd', 10)).toBe('a b c d');
  });

  it('a megabyte name and body leave a small record that still names the model', () => {
    const raw = realIncident('288w7p4hk1l1');
    raw.name = `Opus 5 ${'x'.repeat(1_000_000)}`;
    raw.incident_updates![0]!.body = 'y'.repeat(1_000_000);
    const i = archiveIncidents(EMPTY_ARCHIVE, [raw], CAPTURE_NOW).incidents[0]!;
    expect(serializedBytes(i)).toBeLessThan(3000);
    expect(i.models.named).toContain('opus-5');
  });

  it('thousands of updates and transitions are capped, keeping the first update and the newest', () => {
    const updates = Array.from({ length: 2000 }, (_, k) => ({
      id: `u${k}`,
      at: new Date(at('2026-09-01T00:00:00Z') + k * MIN).toISOString(),
      status: 'identified' as const,
      components: Array.from(
        { length: 50 },
        (_, c) => [`c${c}`, 'operational', k % 2 ? 'partial_outage' : 'operational'] as [string, string, string],
      ),
    }));
    const i = archiveIncidents(EMPTY_ARCHIVE, [syntheticIncident({ id: 'flood1' }, updates)], CAPTURE_NOW).incidents[0]!;
    expect(i.updates).toHaveLength(ARCHIVE_LIMITS.updates);
    expect(i.updates[0]!.id).toBe('u0');
    expect(i.updates.at(-1)!.id).toBe('u1999');
    expect(Math.max(...i.updates.map((u) => u.components.length))).toBe(ARCHIVE_LIMITS.transitions);
  });

  it('a component called "constructor" is just a component', () => {
    const raw = syntheticIncident({ id: 'proto1' }, [
      { id: 'p1', at: '2026-09-01T00:00:00Z', components: [['constructor', 'operational', 'major_outage']] },
    ]);
    const archive = archiveIncidents(EMPTY_ARCHIVE, [raw], CAPTURE_NOW);
    expect(archive.componentNames.constructor).toEqual({ name: 'constructor', at: at('2026-09-01T00:00:00Z') });
  });
});

describe('caps: oldest first out', () => {
  const all = realIncidents();

  it('at the count cap keeps the newest by start and marks the archive complete only after what it evicted', () => {
    const archive = archiveIncidents(EMPTY_ARCHIVE, all, CAPTURE_NOW, { complete: true, limits: { ...ARCHIVE_LIMITS, maxIncidents: 10 } });
    const newest10 = realArchive().incidents.slice(0, 10);
    expect(archive.incidents.map((i) => i.id)).toEqual(newest10.map((i) => i.id));
    // The 11th newest was evicted: the archive is complete only from just after its start.
    const eleventh = realArchive().incidents[10]!;
    expect(archive.coveredSince).toBe(eleventh.startedAt + 1);
  });

  it('at the byte cap stays under it, newest kept', () => {
    const maxBytes = 20_000;
    const archive = archiveIncidents(EMPTY_ARCHIVE, all, CAPTURE_NOW, { limits: { ...ARCHIVE_LIMITS, maxBytes } });
    expect(serializedBytes(archive)).toBeLessThanOrEqual(maxBytes);
    expect(archive.incidents.length).toBeGreaterThan(5);
    expect(archive.incidents.map((i) => i.id)).toEqual(
      realArchive()
        .incidents.slice(0, archive.incidents.length)
        .map((i) => i.id),
    );
    // One byte less than what one more incident needs: it stays out.
    const oneMore = archiveIncidents(EMPTY_ARCHIVE, all, CAPTURE_NOW, {
      limits: { ...ARCHIVE_LIMITS, maxBytes: serializedBytes(archive) + 10 },
    });
    expect(oneMore.incidents).toHaveLength(archive.incidents.length);
  });

  it('a new incident on a full archive pushes the oldest out; an old one arriving late stays out', () => {
    const limits = { ...ARCHIVE_LIMITS, maxIncidents: 10 };
    const full = archiveIncidents(EMPTY_ARCHIVE, all, CAPTURE_NOW, { limits });
    const fresh = syntheticIncident({ id: 'newest1' }, [{ id: 'n1', at: '2026-09-15T12:00:00Z', status: 'investigating' }]);
    const pushed = archiveIncidents(full, [fresh], CAPTURE_NOW, { limits });
    expect(pushed.incidents[0]!.id).toBe('newest1');
    expect(pushed.incidents).toHaveLength(10);
    expect(pushed.incidents.map((i) => i.id)).not.toContain(full.incidents.at(-1)!.id);

    const late = archiveIncidents(pushed, [realIncident('ng5shnqxj1r7')], CAPTURE_NOW, { limits });
    expect(late.incidents).toEqual(pushed.incidents);
  });

  it('the default caps hold a year of the real rate many times over', () => {
    // ~1.2 KB an incident, ~0.9 incidents a day: a year is ~400 KB.
    expect(ARCHIVE_LIMITS.maxIncidents * 1200).toBeLessThanOrEqual(ARCHIVE_LIMITS.maxBytes);
    expect(ARCHIVE_LIMITS.maxBytes).toBeLessThanOrEqual(10 * 1024 * 1024 * 0.2);
  });
});

describe('coverage', () => {
  it('a complete list covers from its oldest incident; an overlapping later list keeps that; a list after a gap restarts it', () => {
    const first = realArchive();
    expect(first.coveredSince).toBe(at('2026-07-22T17:27:36.516Z'));
    expect(first.listedAt).toBe(CAPTURE_NOW);

    const newer = syntheticIncident({ id: 'later1' }, [{ id: 'l1', at: '2026-09-16T10:00:00Z', status: 'resolved' }]);
    const overlapping = archiveIncidents(first, [newer, ...realIncidents().slice(0, 49)], at('2026-09-16T12:00:00Z'), { complete: true });
    expect(overlapping.coveredSince).toBe(first.coveredSince);

    const afterGap = syntheticIncident({ id: 'gap1' }, [{ id: 'g1', at: '2026-12-01T10:00:00Z', status: 'resolved' }]);
    const gapped = archiveIncidents(first, [afterGap], at('2026-12-01T12:00:00Z'), { complete: true });
    expect(gapped.coveredSince).toBe(at('2026-12-01T10:00:00Z'));
    expect(gapped.incidents).toHaveLength(51);
  });

  it('incidents merged from elsewhere (the summary) claim no coverage', () => {
    expect(archiveIncidents(EMPTY_ARCHIVE, realIncidents(), CAPTURE_NOW).coveredSince).toBeNull();
  });
});

describe('stored values', () => {
  it('garbage reads as an empty archive, a partly broken one keeps what is whole', () => {
    expect(asArchive(null)).toEqual(EMPTY_ARCHIVE);
    expect(asArchive('nope')).toEqual(EMPTY_ARCHIVE);
    expect(asArchive({ incidents: 'x' })).toEqual(EMPTY_ARCHIVE);
    const good = realArchive();
    expect(asArchive(good)).toBe(good);
    const broken = { ...good, incidents: [...good.incidents, { id: 'x', updates: 'no' }, null], coveredSince: 'soon' };
    const read = asArchive(broken);
    expect(read.incidents).toHaveLength(50);
    expect(read.coveredSince).toBeNull();
    expect(archiveIncidents(broken as unknown as Archive, [], CAPTURE_NOW).incidents).toHaveLength(50);
  });
});

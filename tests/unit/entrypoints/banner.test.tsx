// @vitest-environment happy-dom
/**
 * The claude.ai banner drawn from storage, as the content script draws it: the incident banner and
 * the local-evidence banner, and what the user dismissed staying dismissed.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { Banner } from '../../../entrypoints/claude.content/Banner';
import { EMPTY_EVIDENCE } from '../../../lib/evidence/state';
import type { EvidenceVerdict } from '../../../lib/evidence/verdict';
import { isCommand } from '../../../lib/polling/messages';
import { createWriter } from '../../../lib/polling/writes';
import { normaliseSummary } from '../../../lib/statuspage/normalise';
import { SummarySchema } from '../../../lib/statuspage/schema';
import { EMPTY_STATE } from '../../../lib/statuspage/state';
import { dismissedItem, evidenceItem, statusItem } from '../../../lib/storage';
import { MAINTENANCES, SUMMARY_MULTIPLE_MODELS, SUMMARY_OPERATIONAL, loadFixture, syntheticSummaryWithIncident } from '../../fixtures';

const CROSSED = Date.parse('2026-11-25T09:58:00Z');

function failing(): EvidenceVerdict {
  return {
    kind: 'claude-failing-unconfirmed',
    counts: { failed: 5, total: 7, messagesFailed: 5, spanMinutes: 5, mostly: 529 },
    crossedAt: CROSSED,
    recoveredAt: null,
    leadMs: null,
    otherSitesLoad: null,
  };
}

async function page(summary: string | object) {
  const snapshot = normaliseSummary(SummarySchema.parse(typeof summary === 'string' ? loadFixture(summary) : summary));
  await statusItem.setValue({ ...EMPTY_STATE, snapshot, checkedAt: Date.now(), confirmedAt: Date.now() });
}

let root: HTMLElement;

function draw() {
  const host = document.createElement('div');
  root = document.createElement('div');
  document.body.append(host, root);
  act(() => render(<Banner host={host} />, root));
}

const bar = () => root.querySelector<HTMLElement>('.bar');

async function dismiss(id: string) {
  act(() => bar()!.querySelector<HTMLButtonElement>('button.dismiss')!.click());
  await vi.waitFor(async () => expect(Object.keys(await dismissedItem.getValue())).toContain(id));
}

beforeEach(() => {
  fakeBrowser.reset();
  // happy-dom has no hit testing: the page has no top bar.
  document.elementsFromPoint ??= () => [];
  // The background's single writer answers the content script's dismissals.
  const writer = createWriter({ now: () => Date.now() });
  browser.runtime.onMessage.addListener((m: unknown) => {
    if (isCommand(m) && m.type === 'dismiss-banner') void writer.dismissBanner(m.incidentId, m.fingerprint, m.openIds);
    return undefined;
  });
});

afterEach(() => {
  act(() => render(null, root));
  document.body.innerHTML = '';
});

describe('the claude.ai banner: dismissals', () => {
  it('an evidence banner dismissed for this episode stays dismissed after the user also dismisses an incident banner', async () => {
    await page(SUMMARY_OPERATIONAL);
    await evidenceItem.setValue({ ...EMPTY_EVIDENCE, verdict: failing() });
    draw();
    await vi.waitFor(() => expect(bar()?.dataset.kind).toBe('evidence'));
    await dismiss('evidence');
    await vi.waitFor(() => expect(bar()).toBeNull());

    // An incident opens meanwhile; the user dismisses its banner too.
    await page(SUMMARY_MULTIPLE_MODELS);
    await vi.waitFor(() => expect(bar()?.dataset.incidentId).toBeTruthy());
    const incidentId = bar()!.dataset.incidentId!;
    await dismiss(incidentId);
    await vi.waitFor(() => expect(bar()).toBeNull());

    // The incident is resolved; the same episode of failures goes on: the banner the user dismissed stays away.
    await page(SUMMARY_OPERATIONAL);
    await new Promise((r) => setTimeout(r, 50));
    expect(bar()).toBeNull();
  });
});

describe('the claude.ai banner: the model in use and the user’s own requests', () => {
  it('never says the model in use is not affected while the user’s own requests fail with the incident', async () => {
    // The real "Elevated errors on Haiku 4.5" (linked to claude.ai), reopened; the picker shows Opus 5,
    // and the user's own claude.ai requests fail: the page confirms claude.ai is affected.
    const picker = document.createElement('button');
    picker.dataset.testid = 'model-selector-dropdown';
    picker.textContent = 'Opus 5';
    document.body.append(picker);
    await page(syntheticSummaryWithIncident('db1mh1r2zrn5'));
    await evidenceItem.setValue({ ...EMPTY_EVIDENCE, verdict: { ...failing(), kind: 'confirmed' } });
    draw();
    await vi.waitFor(() => expect(bar()?.querySelector('.evidence-note')?.textContent).toBe("You're affected"));
    expect(bar()!.textContent).not.toContain('is not affected');
  });
});

describe('the claude.ai banner: maintenance and the user’s own requests', () => {
  it('a maintenance of another surface does not hide "Claude is failing for you"', async () => {
    const summary = loadFixture(SUMMARY_OPERATIONAL);
    const gov = summary.components.find((c: { name: string }) => c.name === 'Claude for Government');
    gov.status = 'under_maintenance';
    summary.scheduled_maintenances = [
      { ...loadFixture(MAINTENANCES).scheduled_maintenances[1], id: 'synthmaint', status: 'in_progress', components: [gov] },
    ];
    await page(summary);
    draw();
    await vi.waitFor(() => expect(bar()?.classList.contains('maintenance')).toBe(true));
    await evidenceItem.setValue({ ...EMPTY_EVIDENCE, verdict: failing() });
    await vi.waitFor(() => expect(bar()?.dataset.kind).toBe('evidence'));
    expect(bar()!.textContent).toContain('Claude is failing for you');
  });
});

describe('the claude.ai banner: hostile incident text', () => {
  it('an unterminated right-to-left override in the name stays inside its own isolate, as text', async () => {
    // The real "Elevated errors on Haiku 4.5", renamed by a hostile page: RLO left open, and markup.
    const summary = syntheticSummaryWithIncident('db1mh1r2zrn5');
    const name = 'Elevated errors \u202Eon Haiku 4.5 <img src=x onerror=alert(1)>';
    summary.incidents[0].name = name;
    await page(summary);
    draw();
    await vi.waitFor(() => expect(bar()?.dataset.incidentId).toBe('db1mh1r2zrn5'));
    const isolate = bar()!.querySelector('bdi.name')!;
    expect(isolate.textContent).toBe(name);
    expect(bar()!.querySelector('img')).toBeNull();
    // What follows the name (step, duration, links) is outside the isolate: the override cannot reach it.
    expect(isolate.contains(bar()!.querySelector('.meta'))).toBe(false);
    expect(isolate.contains(bar()!.querySelector('a'))).toBe(false);
  });
});

// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceSection } from '../../../components/EvidenceSection';
import type { EvidenceKind, EvidenceVerdict } from '../../../lib/evidence/verdict';

const MIN = 60_000;

function verdict(kind: EvidenceKind, more: Partial<EvidenceVerdict> = {}): EvidenceVerdict {
  return {
    kind,
    counts: { failed: 5, total: 7, messagesFailed: 5, spanMinutes: 5, mostly: 529 },
    crossedAt: 1,
    recoveredAt: null,
    leadMs: null,
    otherSitesLoad: null,
    ...more,
  };
}

function draw(props: Partial<Parameters<typeof EvidenceSection>[0]>): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(<EvidenceSection verdict={null} on settingsUrl="options.html#local-evidence" titleInHeadline={false} {...props} />, root);
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the popup’s local-evidence section', () => {
  it('failing: title, counts and what it means, marked with its kind', () => {
    const root = draw({ verdict: verdict('claude-failing-unconfirmed') });
    const section = root.querySelector('section.evidence')!;
    expect(section.getAttribute('data-evidence')).toBe('claude-failing-unconfirmed');
    expect(section.classList.contains('tone-evidence')).toBe(true);
    expect(root.querySelector('.evidence-title')?.textContent).toBe("Claude is failing for you; the status page doesn't say so yet");
    expect(root.querySelector('.evidence-counts')?.textContent).toBe('5 of 7 requests failed in the last 5 min, mostly 529 overloaded');
    expect(root.querySelector('.evidence-lead')).toBeNull();
  });

  it('the title is not repeated when the headline already says it', () => {
    const root = draw({ verdict: verdict('claude-failing-unconfirmed'), titleInHeadline: true });
    expect(root.querySelector('.evidence-title')).toBeNull();
    expect(root.querySelector('.evidence-counts')).not.toBeNull();
  });

  it('confirmed later by the page: "you saw errors 6 min before the status page"', () => {
    const root = draw({ verdict: verdict('confirmed', { leadMs: 6 * MIN }) });
    expect(root.querySelector('.evidence-lead')?.textContent).toBe('You saw errors 6 min before the status page posted it');
    expect(root.querySelector('section')?.classList.contains('tone-affected')).toBe(true);
  });

  it('nothing to say: nothing drawn', () => {
    expect(draw({ verdict: verdict('none') }).innerHTML).toBe('');
    expect(draw({ verdict: null }).innerHTML).toBe('');
  });

  it('off: a quiet line with a link to the setting, whatever is stored', () => {
    const root = draw({ on: false, verdict: verdict('claude-failing-unconfirmed') });
    expect(root.textContent).toBe('Local evidence is off · Settings');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('options.html#local-evidence');
    expect(root.querySelector('section')).toBeNull();
  });
});

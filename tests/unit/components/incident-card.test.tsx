// @vitest-environment happy-dom
/**
 * The popup's incident card with hostile text from the page: the name and bodies are shown as text,
 * each in its own bidirectional isolate, so a right-to-left override cannot reverse what follows.
 * A long update starts collapsed, with a "Show more" a keyboard or screen-reader user can operate.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { IncidentCard } from '../../../components/IncidentCard';
import { DEFAULT_PREFS } from '../../../lib/prefs';
import { normaliseSummary } from '../../../lib/statuspage/normalise';
import { SummarySchema } from '../../../lib/statuspage/schema';
import { assess } from '../../../lib/verdict/assess';
import { syntheticSummaryWithIncident } from '../../fixtures';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('IncidentCard with hostile incident text', () => {
  it('keeps an unterminated right-to-left override and markup inside the name and body isolates, as text', () => {
    // The real "Elevated errors on Haiku 4.5", renamed by a hostile page.
    const summary = syntheticSummaryWithIncident('db1mh1r2zrn5');
    const name = 'Elevated errors \u202Eon Haiku 4.5';
    const body = 'We are investigating \u202E<img src=x onerror=alert(1)> errors on Claude Haiku 4.5.';
    summary.incidents[0].name = name;
    summary.incidents[0].incident_updates[0].body = body;
    const item = assess(normaliseSummary(SummarySchema.parse(summary)), DEFAULT_PREFS).incidents[0]!;
    const root = document.createElement('div');
    document.body.append(root);
    render(<IncidentCard item={item} now={Date.now()} seenAt={0} muted={false} mine={[]} onToggleMute={() => {}} />, root);
    const isolates = [...root.querySelectorAll('bdi')].map((b) => b.textContent);
    expect(isolates).toContain(name);
    expect(isolates.some((t) => t?.includes('\u202E<img src=x onerror=alert(1)>'))).toBe(true);
    expect(root.querySelector('img')).toBeNull();
    // Nothing after an isolate is inside it: the card's links and buttons are outside every <bdi>.
    for (const control of root.querySelectorAll('a, button')) expect(control.closest('bdi')).toBeNull();
  });
});

describe('IncidentCard with a long update', () => {
  function cardWithBody(body: string) {
    // The real "Elevated errors on Haiku 4.5", its latest update replaced by `body`.
    const summary = syntheticSummaryWithIncident('db1mh1r2zrn5');
    summary.incidents[0].incident_updates[0].body = body;
    const item = assess(normaliseSummary(SummarySchema.parse(summary)), DEFAULT_PREFS).incidents[0]!;
    const root = document.createElement('div');
    document.body.append(root);
    render(<IncidentCard item={item} now={Date.now()} seenAt={0} muted={false} mine={[]} onToggleMute={() => {}} />, root);
    const more = () => [...root.querySelectorAll('button')].find((b) => /Show (more|less)/.test(b.textContent ?? ''));
    return { root, more, body: () => root.querySelector('.latest-update .update-body')! };
  }

  it('a body over 220 characters starts clamped, with a "Show more" that controls it and says whether it is open', async () => {
    const long = `We are continuing to investigate elevated errors. ${'Requests to Claude Haiku 4.5 may fail or time out. '.repeat(5)}`;
    expect(long.length).toBeGreaterThan(220);
    const { more, body } = cardWithBody(long);
    const button = more()!;
    expect(button.textContent).toBe('Show more');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe(body().id);
    expect(body().classList.contains('clamped')).toBe(true);
    expect(body().textContent).toBe(long); // clamped by CSS: the whole text is there for a screen reader
    await act(() => button.click());
    expect(more()!.textContent).toBe('Show less');
    expect(more()!.getAttribute('aria-expanded')).toBe('true');
    expect(body().classList.contains('clamped')).toBe(false);
    await act(() => more()!.click());
    expect(body().classList.contains('clamped')).toBe(true);
  });

  it('a short body is shown whole, with no "Show more"', () => {
    const { more, body } = cardWithBody('We are investigating this issue.');
    expect(more()).toBeUndefined();
    expect(body().classList.contains('clamped')).toBe(false);
  });
});

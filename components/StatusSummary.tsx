import type { Assessment } from '../lib/verdict/assess';
import { LEVEL_WORDS, ago, problemText } from '../lib/verdict/describe';
import { freshnessOf, type StatusState } from '../lib/statuspage/state';

/** The page's state in words: incidents first, then maintenance, then degraded components. */
function headlineOf(assessment: Assessment | null): string {
  if (!assessment) return 'Status unknown';
  const level = assessment.pageLevel;
  if (level === 'operational') return LEVEL_WORDS.operational;
  if (assessment.incidents.length) return LEVEL_WORDS[level];
  return level === 'maintenance' ? 'Maintenance in progress' : 'Some components degraded';
}

/** The headline: overall status in words, and how much to trust it (fresh, stale, failing). */
export function StatusSummary({ state, assessment, now }: { state: StatusState; assessment: Assessment | null; now: number }) {
  const freshness = freshnessOf(state, now);
  const live = freshness === 'live';
  const level = assessment?.pageLevel ?? null;
  const headline = headlineOf(assessment);
  return (
    <section class={`summary ${live ? `level-${level}` : 'unknown'}`} data-freshness={freshness}>
      <h1 class="headline">
        <span class="dot" aria-hidden="true" />
        {freshness === 'loading' ? 'Checking status…' : live ? headline : `${headline} (last known)`}
      </h1>
      {state.problem && (
        <p class="problem" role="status">
          {problemText(state.problem)}
          {state.checkedAt !== null && ` (checked ${ago(state.checkedAt, now)})`}.
          {state.snapshot && state.confirmedAt !== null && ` Showing the last data received, ${ago(state.confirmedAt, now)}.`}
        </p>
      )}
      {!state.problem && freshness === 'stale' && state.confirmedAt !== null && (
        <p class="problem" role="status">
          Data is stale: last confirmed {ago(state.confirmedAt, now)}.
        </p>
      )}
      <p class="freshness">
        {state.checkedAt === null ? 'Not checked yet' : `Checked ${ago(state.checkedAt, now)}`}
        {state.source && state.source !== 'https://status.claude.com' && ` · via ${new URL(state.source).host}`}
      </p>
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { assess } from '../../lib/verdict/assess';
import { bannerFor } from '../../lib/verdict/banner';
import { LEVEL_WORDS, ago, duration, stepWord } from '../../lib/verdict/describe';
import { scopeSummary, scopeWords } from '../../lib/verdict/scope-summary';
import { incidentUrl, type Snapshot } from '../../lib/statuspage/snapshot';
import { freshnessOf } from '../../lib/statuspage/state';
import { dismissedItem, prefsItem, statusItem } from '../../lib/storage';
import { useNow, useStored } from '../../components/use-stored';

/** Remembers a dismissal; forgets those of incidents that are no longer open. */
async function dismissBanner(id: string, fingerprint: string, snapshot: Snapshot): Promise<void> {
  const open = new Set([...snapshot.incidents, ...snapshot.maintenances].map((i) => i.id));
  const kept = Object.entries(await dismissedItem.getValue()).filter(([other]) => open.has(other));
  await dismissedItem.setValue({ ...Object.fromEntries(kept), [id]: fingerprint });
}

/** claude.ai's theme: it sets a `dark` class / data-theme on <html>; else the system preference. */
function usePageTheme(): 'light' | 'dark' {
  const read = (): 'light' | 'dark' => {
    const html = document.documentElement;
    if (html.classList.contains('dark') || html.dataset.theme === 'dark' || html.dataset.mode === 'dark') return 'dark';
    if (html.dataset.theme === 'light' || html.dataset.mode === 'light') return 'light';
    return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  };
  const [theme, setTheme] = useState(read);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(read()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-theme', 'data-mode'] });
    return () => observer.disconnect();
  }, []);
  return theme;
}

/**
 * A banner at the top of claude.ai while an incident is open; nothing otherwise. Its live region is
 * always there so screen readers announce the banner when it appears. Text only (incident text is
 * untrusted); links only to status.claude.com.
 */
export function Banner() {
  const state = useStored(statusItem);
  const prefs = useStored(prefsItem);
  const dismissed = useStored(dismissedItem);
  const theme = usePageTheme();
  const now = useNow(15_000);
  const content = state?.snapshot && prefs && dismissed ? bannerFor(assess(state.snapshot, prefs), dismissed) : null;
  const stale = state && freshnessOf(state, now) !== 'live' && state.confirmedAt !== null;

  let body = null;
  if (content) {
    const id = content.kind === 'maintenance' ? content.maintenance.id : content.item.incident.id;
    const dismiss = () => void dismissBanner(id, content.fingerprint, state!.snapshot!);
    const staleNote = stale ? ` · status data from ${ago(state!.confirmedAt!, now)}` : '';
    if (content.kind === 'maintenance') {
      const m = content.maintenance;
      body = (
        <div class={`bar maintenance theme-${theme}`} data-incident-id={id}>
          <strong class="what">Maintenance:</strong>
          <span class="name">{m.name}</span>
          <span class="meta">
            {stepWord(m.status)}
            {m.scheduledUntil !== null &&
              ` · until ${new Date(m.scheduledUntil).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`}
            {staleNote}
          </span>
          <Actions url={incidentUrl(id)} onDismiss={dismiss} />
        </div>
      );
    } else {
      const { item } = content;
      const scope = scopeWords(scopeSummary(item.scope)) || item.components.map((c) => c.name).join(', ');
      body = (
        <div class={`bar ${content.kind} level-${item.level} theme-${theme}`} data-incident-id={id} data-kind={content.kind}>
          <strong class="what">{LEVEL_WORDS[item.level]}:</strong>
          <span class="name">{item.incident.name}</span>
          {scope && !item.incident.name.includes(scope) && <span class="scope">{scope}</span>}
          <span class="meta">
            {stepWord(item.incident.status)} · {duration(now - item.incident.startedAt)}
            {staleNote}
          </span>
          {content.more > 0 && <span class="more">+{content.more} more</span>}
          <Actions url={incidentUrl(id)} onDismiss={dismiss} />
        </div>
      );
    }
  }
  return (
    <div class="live" role="status" aria-live="polite">
      {body}
    </div>
  );
}

function Actions({ url, onDismiss }: { url: string; onDismiss: () => void }) {
  return (
    <span class="actions">
      <a class="link" href={url} target="_blank" rel="noopener noreferrer">
        Details
      </a>
      <button
        type="button"
        class="dismiss"
        aria-label="Dismiss until the next update"
        title="Dismiss until the next update"
        onClick={onDismiss}
      >
        ×
      </button>
    </span>
  );
}

import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { assess } from '../../lib/assess';
import { requestRefresh } from '../../lib/messages';
import { prefsItem, statusItem } from '../../lib/storage';
import { ComponentList } from '../../components/ComponentList';
import { IncidentCard } from '../../components/IncidentCard';
import { MaintenanceList } from '../../components/MaintenanceList';
import { ModelBoard } from '../../components/ModelBoard';
import { StatusSummary } from '../../components/StatusSummary';
import { useNow, useStored } from '../../components/use-stored';

export function App() {
  const state = useStored(statusItem);
  const prefs = useStored(prefsItem);
  const now = useNow();

  // Paint from storage first; then ask for a poll if the data is older than the CDN's cache.
  useEffect(() => void requestRefresh('popup-open'), []);

  if (!state || !prefs) return null;
  const assessment = state.snapshot ? assess(state.snapshot, prefs) : null;
  const maintenances = assessment ? [...assessment.maintenanceNow, ...assessment.upcoming] : [];

  return (
    <main>
      <StatusSummary state={state} assessment={assessment} now={now} />
      {assessment && <ModelBoard assessment={assessment} myModels={prefs.myModels} now={now} />}
      {assessment && assessment.incidents.length > 0 && (
        <section aria-labelledby="incidents-h">
          <h2 id="incidents-h">Active incidents</h2>
          {assessment.incidents.map((item) => (
            <IncidentCard key={item.incident.id} item={item} now={now} />
          ))}
        </section>
      )}
      {maintenances.length > 0 && (
        <section aria-labelledby="maint-h">
          <h2 id="maint-h">Maintenance</h2>
          <MaintenanceList items={maintenances} />
        </section>
      )}
      {state.snapshot && (
        <section aria-labelledby="components-h">
          <h2 id="components-h">Components</h2>
          <ComponentList components={state.snapshot.components} />
        </section>
      )}
      <footer>
        <button type="button" class="refresh" onClick={() => void requestRefresh('user')}>
          Refresh
        </button>
        <a href="https://status.claude.com" target="_blank" rel="noopener noreferrer">
          status.claude.com
        </a>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener noreferrer">
          Settings
        </a>
      </footer>
    </main>
  );
}

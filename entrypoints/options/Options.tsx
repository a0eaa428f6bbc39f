import { useEffect, useState } from 'preact/hooks';
import { requestLearnModels } from '../../lib/polling/messages';
import { modelKey, modelLabel, parseModelKey } from '../../lib/models/ref';
import { modelFromUserText } from '../../lib/models/extract';
import { sortModelKeys } from '../../lib/models/seen';
import { withDefaults, type Prefs } from '../../lib/prefs';
import { prefsItem, seenModelsItem, statusItem } from '../../lib/storage';
import { useStored } from '../../components/use-stored';

/** Settings: the models I use. Saved as soon as they change; synced across the user's browsers. */
export function Options() {
  const stored = useStored(prefsItem);
  const seen = useStored(seenModelsItem);
  const status = useStored(statusItem);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');

  // Offer the models recent incidents have named, not a list frozen into the extension.
  useEffect(() => void requestLearnModels(), []);

  if (!stored || !seen || !status) return null;
  const prefs = withDefaults(stored);
  const update = (change: Partial<Prefs>) => void prefsItem.setValue({ ...prefs, ...change });
  const chosen = new Set(prefs.myModels);
  const offered = sortModelKeys([...new Set([...seen.keys, ...prefs.myModels])]);
  const save = (myModels: string[]) => update({ myModels });
  const toggle = (key: string) => save(chosen.has(key) ? prefs.myModels.filter((k) => k !== key) : [...prefs.myModels, key]);

  const add = (event: Event) => {
    event.preventDefault();
    const model = modelFromUserText(typed);
    if (!model) {
      setError(`"${typed}" does not name a model (try "Opus 4.5" or "Claude Sonnet 5").`);
      return;
    }
    const key = modelKey(model);
    if (!chosen.has(key)) save([...prefs.myModels, key]);
    setTyped('');
    setError('');
  };

  return (
    <main class="options">
      <h1>Claude Status settings</h1>
      <section aria-labelledby="my-models-h">
        <h2 id="my-models-h">My models</h2>
        <p class="hint">
          Pick the models you use. The toolbar badge and the claude.ai banner then follow only incidents about them. Incidents about
          "multiple" or "all" models, and incidents that name no model (claude.ai log-in, say), always count. Choose none to follow every
          incident.
        </p>
        {offered.length === 0 && <p class="hint">No model has been mentioned by recent incidents yet; add yours below.</p>}
        <ul class="model-choices">
          {offered.map((key) => {
            const model = parseModelKey(key);
            if (!model) return null;
            return (
              <li key={key}>
                <label>
                  <input type="checkbox" name="model" value={key} checked={chosen.has(key)} onChange={() => toggle(key)} />
                  {modelLabel(model)}
                </label>
              </li>
            );
          })}
        </ul>
        <form class="add-model" onSubmit={add}>
          <label for="model-text">Another model</label>
          <input id="model-text" type="text" placeholder="e.g. Opus 4.5" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
          <button type="submit">Add</button>
        </form>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <p class="saved" aria-live="polite">
          {prefs.myModels.length
            ? `Following: ${prefs.myModels
                .map((k) => parseModelKey(k))
                .filter((m) => m !== null)
                .map(modelLabel)
                .join(', ')}`
            : 'Following every incident.'}
        </p>
      </section>
      <SurfaceChoices prefs={prefs} components={status.snapshot?.components ?? []} update={update} />
      <NotificationChoices prefs={prefs} update={update} />
    </main>
  );
}

type Update = (change: Partial<Prefs>) => void;

/** The product surfaces (page components) the user works with. */
function SurfaceChoices({ prefs, components, update }: { prefs: Prefs; components: Array<{ id: string; name: string }>; update: Update }) {
  if (!components.length) return null;
  const chosen = new Set(prefs.myComponents);
  const toggle = (id: string) =>
    update({ myComponents: chosen.has(id) ? prefs.myComponents.filter((c) => c !== id) : [...prefs.myComponents, id] });
  return (
    <section aria-labelledby="surfaces-h">
      <h2 id="surfaces-h">My surfaces</h2>
      <p class="hint">Incidents that name no model count only when they touch one of these. Choose none to follow every surface.</p>
      <ul class="model-choices">
        {components.map((c) => (
          <li key={c.id}>
            <label>
              <input type="checkbox" name="component" value={c.id} checked={chosen.has(c.id)} onChange={() => toggle(c.id)} />
              {c.name}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
const toHhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** When desktop notifications are shown. */
function NotificationChoices({ prefs, update }: { prefs: Prefs; update: Update }) {
  const quiet = prefs.quietHours;
  return (
    <section aria-labelledby="notify-h" class="notify-choices">
      <h2 id="notify-h">Notifications</h2>
      <label>
        <input type="checkbox" name="notify" checked={prefs.notify} onChange={(e) => update({ notify: e.currentTarget.checked })} />
        Desktop notifications for new incidents, each update and the all-clear
      </label>
      <label>
        Notify for{' '}
        <select
          name="notifyMinLevel"
          value={prefs.notifyMinLevel}
          disabled={!prefs.notify}
          onChange={(e) => update({ notifyMinLevel: e.currentTarget.value as Prefs['notifyMinLevel'] })}
        >
          <option value="minor">every incident</option>
          <option value="major">major and critical incidents</option>
          <option value="critical">critical incidents only</option>
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          name="notifyMaintenance"
          checked={prefs.notifyMaintenance}
          disabled={!prefs.notify}
          onChange={(e) => update({ notifyMaintenance: e.currentTarget.checked })}
        />
        Maintenance reminders (an hour before, and when it starts)
      </label>
      <label>
        <input
          type="checkbox"
          name="quiet"
          checked={quiet !== null}
          disabled={!prefs.notify}
          onChange={(e) => update({ quietHours: e.currentTarget.checked ? { start: 22 * 60, end: 7 * 60 } : null })}
        />
        Quiet hours
        {quiet && (
          <>
            {' '}
            from{' '}
            <input
              type="time"
              name="quietStart"
              value={toHhmm(quiet.start)}
              onChange={(e) => update({ quietHours: { ...quiet, start: toMinutes(e.currentTarget.value) } })}
            />{' '}
            to{' '}
            <input
              type="time"
              name="quietEnd"
              value={toHhmm(quiet.end)}
              onChange={(e) => update({ quietHours: { ...quiet, end: toMinutes(e.currentTarget.value) } })}
            />
          </>
        )}
      </label>
      <p class="hint">Mute a single incident or snooze everything from the popup (or from a notification's buttons in Chrome).</p>
    </section>
  );
}

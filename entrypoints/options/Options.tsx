import { useEffect, useState } from 'preact/hooks';
import { requestLearnModels } from '../../lib/messages';
import { modelKey, modelLabel, modelFromUserText, parseModelKey } from '../../lib/models';
import { sortModelKeys } from '../../lib/seen-models';
import { prefsItem, seenModelsItem } from '../../lib/storage';
import { useStored } from '../../components/use-stored';

/** Settings: the models I use. Saved as soon as they change; synced across the user's browsers. */
export function Options() {
  const prefs = useStored(prefsItem);
  const seen = useStored(seenModelsItem);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');

  // Offer the models recent incidents have named, not a list frozen into the extension.
  useEffect(() => void requestLearnModels(), []);

  if (!prefs || !seen) return null;
  const chosen = new Set(prefs.myModels);
  const offered = sortModelKeys([...new Set([...seen.keys, ...prefs.myModels])]);
  const save = (myModels: string[]) => void prefsItem.setValue({ ...prefs, myModels });
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
          Pick the models you use. The toolbar badge and the claude.ai banner then follow only incidents about them.
          Incidents about "multiple" or "all" models, and incidents that name no model (claude.ai log-in, say), always
          count. Choose none to follow every incident.
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
            ? `Following: ${prefs.myModels.map((k) => parseModelKey(k)).filter((m) => m !== null).map(modelLabel).join(', ')}`
            : 'Following every incident.'}
        </p>
      </section>
    </main>
  );
}

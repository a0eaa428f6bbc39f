import { useEffect, useState } from 'preact/hooks';
import { i18n } from '../../lib/i18n';
import { modelFromUserText } from '../../lib/models/extract';
import { modelKey, modelLabel, parseModelKey } from '../../lib/models/ref';
import { sortModelKeys } from '../../lib/models/seen';
import { requestLearnModels, updatePrefs } from '../../lib/polling/messages';
import type { WriteError } from '../../lib/polling/writes';
import { MAX_MODEL_KEY_LENGTH, MAX_MY_MODELS, type Prefs, type PrefsPatch, withDefaults } from '../../lib/prefs';
import { prefsItem, seenModelsItem, statusItem } from '../../lib/storage';
import { useStored } from '../../components/use-stored';
import { ProviderChoices } from './ProviderChoices';

/** Where the last failed change was made, and why: its section shows the error. */
type Failure = { section: 'models' | 'surfaces' | 'notify' | 'evidence'; error: WriteError } | null;

function errorText(error: WriteError): string {
  switch (error) {
    case 'too-many-models':
      return i18n.t('options.errorTooMany', { max: MAX_MY_MODELS });
    case 'model-too-long':
      return i18n.t('options.errorTooLong');
    case 'quota':
      return i18n.t('options.errorQuota');
    case 'rate-limit':
      return i18n.t('options.errorRate');
    default:
      return i18n.t('options.errorFailed');
  }
}

/**
 * Settings: the models and surfaces I use, and when to notify me. Every change is saved at once by
 * the background (one writer, so two open settings windows never undo each other); when a save
 * fails (sync quota, write-rate limit) the section says so and the stored settings stay as they were.
 */
export function Options() {
  const stored = useStored(prefsItem);
  const seen = useStored(seenModelsItem);
  const status = useStored(statusItem);
  const [failure, setFailure] = useState<Failure>(null);

  // Offer the models recent incidents have named, not a list frozen into the extension.
  useEffect(() => void requestLearnModels(), []);

  // The popup's "Local evidence is off · Settings" link lands on its section, once it is drawn.
  const drawn = !!(stored && seen && status);
  useEffect(() => {
    if (drawn && location.hash.length > 1) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [drawn]);

  if (!stored || !seen || !status) return null;
  const prefs = withDefaults(stored);
  const save = async (section: NonNullable<Failure>['section'], patch: PrefsPatch) => {
    const result = await updatePrefs(patch);
    setFailure(result.ok ? null : { section, error: result.error });
  };

  return (
    <main class="options">
      <h1>{i18n.t('options.title')}</h1>
      <p class="hint">{i18n.t('options.intro')}</p>
      <ModelChoices
        prefs={prefs}
        seen={seen.keys}
        save={(p) => save('models', p)}
        failure={failure?.section === 'models' ? failure.error : null}
      />
      <SurfaceChoices
        prefs={prefs}
        components={status.snapshot?.components ?? []}
        save={(p) => save('surfaces', p)}
        failure={failure?.section === 'surfaces' ? failure.error : null}
      />
      <NotificationChoices prefs={prefs} save={(p) => save('notify', p)} failure={failure?.section === 'notify' ? failure.error : null} />
      <ProviderChoices prefs={prefs} />
      <LocalEvidenceChoice
        prefs={prefs}
        save={(p) => save('evidence', p)}
        failure={failure?.section === 'evidence' ? failure.error : null}
      />
    </main>
  );
}

type Save = (patch: PrefsPatch) => Promise<void>;

function Failed({ error }: { error: WriteError | null }) {
  return (
    <p class="error" role="alert">
      {error ? errorText(error) : ''}
    </p>
  );
}

function ModelChoices({ prefs, seen, save, failure }: { prefs: Prefs; seen: string[]; save: Save; failure: WriteError | null }) {
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState('');
  const chosen = new Set(prefs.myModels);
  const offered = sortModelKeys([...new Set([...seen, ...prefs.myModels])]);
  const toggle = (key: string, on: boolean) => void save(on ? { add: { myModels: [key] } } : { remove: { myModels: [key] } });

  const add = (event: Event) => {
    event.preventDefault();
    const text = typed.trim().slice(0, 80);
    const model = modelFromUserText(text);
    if (!model) {
      setTypedError(i18n.t('options.notAModel', { text }));
      return;
    }
    const key = modelKey(model);
    if (key.length > MAX_MODEL_KEY_LENGTH) {
      setTypedError(i18n.t('options.errorTooLong'));
      return;
    }
    if (!chosen.has(key)) void save({ add: { myModels: [key] } });
    setTyped('');
    setTypedError('');
  };

  const following = prefs.myModels
    .map((k) => parseModelKey(k))
    .filter((m) => m !== null)
    .map(modelLabel);
  return (
    <section aria-labelledby="my-models-h">
      <h2 id="my-models-h">{i18n.t('options.modelsTitle')}</h2>
      <p class="hint">{i18n.t('options.modelsHint')}</p>
      {offered.length === 0 && <p class="hint">{i18n.t('options.noModelsYet')}</p>}
      <ul class="model-choices">
        {offered.map((key) => {
          const model = parseModelKey(key);
          if (!model) return null;
          return (
            <li key={key}>
              <label>
                <input
                  type="checkbox"
                  name="model"
                  value={key}
                  checked={chosen.has(key)}
                  onChange={(e) => toggle(key, e.currentTarget.checked)}
                />
                {modelLabel(model)}
              </label>
            </li>
          );
        })}
      </ul>
      <form class="add-model" onSubmit={add}>
        <label for="model-text">{i18n.t('options.anotherModel')}</label>
        <input
          id="model-text"
          type="text"
          maxLength={80}
          placeholder={i18n.t('options.modelPlaceholder')}
          value={typed}
          aria-describedby="model-text-error"
          onInput={(e) => setTyped(e.currentTarget.value)}
        />
        <button type="submit">{i18n.t('options.add')}</button>
      </form>
      <p class="error" id="model-text-error" role="alert">
        {typedError}
      </p>
      <Failed error={failure} />
      <p class="saved" aria-live="polite">
        {following.length ? i18n.t('options.following', { models: following.join(', ') }) : i18n.t('options.followingAll')}
      </p>
    </section>
  );
}

/** The product surfaces (page components) the user works with. */
function SurfaceChoices({
  prefs,
  components,
  save,
  failure,
}: {
  prefs: Prefs;
  components: Array<{ id: string; name: string }>;
  save: Save;
  failure: WriteError | null;
}) {
  if (!components.length) return null;
  const chosen = new Set(prefs.myComponents);
  return (
    <section aria-labelledby="surfaces-h">
      <h2 id="surfaces-h">{i18n.t('options.surfacesTitle')}</h2>
      <p class="hint">{i18n.t('options.surfacesHint')}</p>
      <ul class="model-choices">
        {components.map((c) => (
          <li key={c.id}>
            <label>
              <input
                type="checkbox"
                name="component"
                value={c.id}
                checked={chosen.has(c.id)}
                onChange={(e) =>
                  void save(e.currentTarget.checked ? { add: { myComponents: [c.id] } } : { remove: { myComponents: [c.id] } })
                }
              />
              {c.name}
            </label>
          </li>
        ))}
      </ul>
      <Failed error={failure} />
    </section>
  );
}

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
const toHhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** When desktop notifications are shown. */
function NotificationChoices({ prefs, save, failure }: { prefs: Prefs; save: Save; failure: WriteError | null }) {
  const quiet = prefs.quietHours;
  const set = (change: NonNullable<PrefsPatch['set']>) => void save({ set: change });
  return (
    <section aria-labelledby="notify-h" class="notify-choices">
      <h2 id="notify-h">{i18n.t('options.notifyTitle')}</h2>
      <label>
        <input type="checkbox" name="notify" checked={prefs.notify} onChange={(e) => set({ notify: e.currentTarget.checked })} />
        {i18n.t('options.notifyAll')}
      </label>
      <label>
        {i18n.t('options.notifyFor')}{' '}
        <select
          name="notifyMinLevel"
          value={prefs.notifyMinLevel}
          disabled={!prefs.notify}
          onChange={(e) => set({ notifyMinLevel: e.currentTarget.value as Prefs['notifyMinLevel'] })}
        >
          <option value="minor">{i18n.t('options.levelEvery')}</option>
          <option value="major">{i18n.t('options.levelMajor')}</option>
          <option value="critical">{i18n.t('options.levelCritical')}</option>
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          name="notifyMaintenance"
          checked={prefs.notifyMaintenance}
          disabled={!prefs.notify}
          onChange={(e) => set({ notifyMaintenance: e.currentTarget.checked })}
        />
        {i18n.t('options.maintenance')}
      </label>
      <label>
        <input
          type="checkbox"
          name="quiet"
          checked={quiet !== null}
          disabled={!prefs.notify}
          onChange={(e) => set({ quietHours: e.currentTarget.checked ? { start: 22 * 60, end: 7 * 60 } : null })}
        />
        {i18n.t('options.quietHours')}
        {quiet && (
          <>
            {' '}
            {i18n.t('options.from')}{' '}
            <input
              type="time"
              name="quietStart"
              aria-label={i18n.t('options.quietStart')}
              value={toHhmm(quiet.start)}
              onChange={(e) => set({ quietHours: { ...quiet, start: toMinutes(e.currentTarget.value) } })}
            />{' '}
            {i18n.t('options.to')}{' '}
            <input
              type="time"
              name="quietEnd"
              aria-label={i18n.t('options.quietEnd')}
              value={toHhmm(quiet.end)}
              onChange={(e) => set({ quietHours: { ...quiet, end: toMinutes(e.currentTarget.value) } })}
            />
          </>
        )}
      </label>
      <p class="hint">{i18n.t('options.notifyHint')}</p>
      <Failed error={failure} />
    </section>
  );
}

/** "Is it me or them?": watch the status codes of claude.ai's own requests, or not. */
function LocalEvidenceChoice({ prefs, save, failure }: { prefs: Prefs; save: Save; failure: WriteError | null }) {
  return (
    <section aria-labelledby="local-evidence-h" class="evidence-choice" id="local-evidence">
      <h2 id="local-evidence-h">{i18n.t('evidence.options.title')}</h2>
      <label>
        <input
          type="checkbox"
          name="localEvidence"
          checked={prefs.localEvidence}
          aria-describedby="local-evidence-hint"
          onChange={(e) => void save({ set: { localEvidence: e.currentTarget.checked } })}
        />
        {i18n.t('evidence.options.switch')}
      </label>
      <p class="hint" id="local-evidence-hint">
        {i18n.t('evidence.options.hint')}
      </p>
      <Failed error={failure} />
    </section>
  );
}

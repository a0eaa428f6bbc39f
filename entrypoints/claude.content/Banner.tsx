import { useEffect, useRef, useState } from 'preact/hooks';
import { formatAgo, formatClock, formatDuration } from '../../lib/format';
import { i18n } from '../../lib/i18n';
import { dismissBanner } from '../../lib/polling/messages';
import { incidentUrl, STATUS_PAGE_ORIGIN } from '../../lib/statuspage/snapshot';
import { freshnessOf } from '../../lib/statuspage/state';
import { workingModelsFor } from '../../lib/alternatives/models';
import { bannerModelsPart } from '../../lib/alternatives/words';
import { shownVerdict } from '../../lib/evidence/view';
import { evidenceBanner, evidenceBannerNote } from '../../lib/evidence/words';
import { modelKey, modelLabel } from '../../lib/models/ref';
import { withDefaults } from '../../lib/prefs';
import { dismissedItem, evidenceItem, prefsItem, seenModelsItem, statusItem } from '../../lib/storage';
import { type Assessment, assess } from '../../lib/verdict/assess';
import { type BannerContent, bannerFor } from '../../lib/verdict/banner';
import { levelWord, scopeText, stepWord } from '../../lib/verdict/describe';
import { useNow, useStored } from '../../components/use-stored';
import { useModelInUse } from './model-picker';
import { nextFocusableAfter, usePageTheme, useTopOffset } from './page';

/** The dismissal key of the local-evidence banner (one per episode of failures). */
const EVIDENCE_ID = 'evidence';

/**
 * The banner's short "what instead" part, from live data only: with the model in use known, whether
 * it is affected (and what works instead) or that it is not; without it, the working models when
 * one the user cares about is down. '' when there is nothing to add.
 */
function insteadPart(
  content: Extract<BannerContent, { item: unknown }>,
  assessment: Assessment,
  myModels: string[],
  seen: string[],
  ownFailing: boolean,
): string {
  const { inUse, item } = content;
  // The page leaves the model in use out, but the user's own requests fail with this incident ("You're
  // affected" beside it): "not affected" would contradict the evidence.
  if (inUse && !inUse.affected) return ownFailing ? '' : i18n.t('alternatives.inUseFine', { model: modelLabel(inUse.model) });
  if (inUse) {
    const key = modelKey(inUse.model);
    const alternatives = workingModelsFor(assessment, [key], seen, myModels);
    const affected = i18n.t('alternatives.inUseAffected', { model: modelLabel(inUse.model) });
    return alternatives ? `${affected} ${bannerModelsPart(alternatives)}` : affected;
  }
  const { scope } = item;
  if (!scope.broad && !scope.affected.length) return '';
  const alternatives = workingModelsFor(assessment, myModels, seen, myModels);
  return alternatives ? bannerModelsPart(alternatives) : '';
}

/**
 * A banner at the top of claude.ai while an incident is open, or while the user's own requests show
 * Claude failing for them (purple, with the counts); nothing otherwise. It sits just
 * below claude.ai's own top bar (measured, not guessed), so it never covers the page's controls,
 * and comes first in the keyboard order. Its live region is always there so screen readers
 * announce it when it appears. Text only (incident text is untrusted); links only to the status page.
 */
export function Banner({ host }: { host: HTMLElement }) {
  const state = useStored(statusItem);
  const prefs = useStored(prefsItem);
  const dismissed = useStored(dismissedItem);
  const seen = useStored(seenModelsItem);
  const evidence = useStored(evidenceItem);
  const theme = usePageTheme();
  const top = useTopOffset(host);
  const now = useNow(15_000);
  const bar = useRef<HTMLDivElement>(null);
  // A dismissal shows at once, before the background has stored it.
  const [hidden, setHidden] = useState<string | null>(null);
  const assessment = state?.snapshot && prefs ? assess(state.snapshot, prefs) : null;
  const inUse = useModelInUse(!!assessment?.incidents.length);
  const pageBanner = assessment && dismissed ? bannerFor(assessment, dismissed, inUse) : null;
  const verdict = prefs ? shownVerdict(evidence, withDefaults(prefs).localEvidence) : null;
  // A maintenance of another surface does not explain Claude failing for the user (a claude.ai
  // maintenance makes the verdict "confirmed"): the failing banner takes its place.
  const content = pageBanner?.kind === 'maintenance' && verdict?.kind === 'claude-failing-unconfirmed' ? null : pageBanner;
  // Claude failing for the user with no incident banner to carry it: the page is calm, or (confirmed)
  // its incident is one the user's settings leave out. A dismissed incident banner is not replaced.
  const own = !content && verdict && !assessment?.incidents.some((i) => i.relevant) ? evidenceBanner(verdict) : null;
  const ownFingerprint = verdict ? `${verdict.kind === 'confirmed' ? 'affected' : 'failing'}|${verdict.crossedAt ?? 'none'}` : '';
  const showOwn = own && dismissed && dismissed[EVIDENCE_ID] !== ownFingerprint && hidden !== ownFingerprint;
  const note = content && verdict ? evidenceBannerNote(verdict) : null;
  const stale = state && freshnessOf(state, now) !== 'live' && state.confirmedAt !== null;
  useEffect(() => setHidden(null), [content?.fingerprint, ownFingerprint]);

  /** Hides a banner at once and asks the background to remember it; focus moves on like a keyboard user would. */
  const dismissWith = (id: string, fingerprint: string) => {
    const root = bar.current?.getRootNode() as ShadowRoot | undefined;
    const hadFocus = !!root?.activeElement;
    setHidden(fingerprint);
    const snapshot = state?.snapshot;
    const open = [...(snapshot?.incidents ?? []), ...(snapshot?.maintenances ?? [])].map((i) => i.id);
    // The evidence banner's own dismissal is kept while its episode is remembered, also when an incident
    // banner is what the user dismisses now: that episode's banner may come back once the incident ends.
    void dismissBanner(id, fingerprint, [...open, ...(own || verdict?.crossedAt != null ? [EVIDENCE_ID] : [])]);
    // Focus goes where a keyboard user would have gone next: the page's first control after the banner.
    if (hadFocus) nextFocusableAfter(host)?.focus();
  };

  let body = null;
  const style = { top: `${top + 6}px` };
  if (content && hidden !== content.fingerprint) {
    const id = content.kind === 'maintenance' ? content.maintenance.id : content.item.incident.id;
    const dismiss = () => dismissWith(id, content.fingerprint);
    const staleNote = stale ? ` · ${i18n.t('banner.staleData', { ago: formatAgo(state!.confirmedAt!, now) })}` : '';
    if (content.kind === 'maintenance') {
      const m = content.maintenance;
      body = (
        <div ref={bar} class={`bar maintenance theme-${theme}`} data-incident-id={id} style={style}>
          <strong class="what">{i18n.t('banner.maintenance')}</strong>
          <bdi class="name">{m.name}</bdi>
          <span class="meta">
            {stepWord(m.status)}
            {m.scheduledUntil !== null && ` · ${i18n.t('banner.until', { time: formatClock(m.scheduledUntil) })}`}
            {staleNote}
          </span>
          <Actions url={incidentUrl(id)} onDismiss={dismiss} />
        </div>
      );
    } else {
      const { item } = content;
      const scope = scopeText(item.scope, item.components);
      // A stale "this works" could point to a model that went down since: live data only.
      const instead =
        stale || !assessment
          ? ''
          : insteadPart(content, assessment, withDefaults(prefs).myModels, seen?.keys ?? [], verdict?.kind === 'confirmed');
      body = (
        <div
          ref={bar}
          class={`bar ${content.kind} level-${item.level} theme-${theme}`}
          data-incident-id={id}
          data-kind={content.kind}
          style={style}
        >
          <strong class="what">{i18n.t('banner.level', { level: levelWord(item.level) })}</strong>
          <bdi class="name">{item.incident.name}</bdi>
          {scope && !item.incident.name.includes(scope) && <span class="scope">{scope}</span>}
          {instead && (
            <span
              class={`instead${content.inUse?.affected ? ' in-use-affected' : ''}`}
              data-in-use={content.inUse ? modelKey(content.inUse.model) : undefined}
            >
              {instead}
            </span>
          )}
          <span class="meta">
            {stepWord(item.incident.status)} · {formatDuration(now - item.incident.startedAt)}
            {staleNote}
          </span>
          {note && (
            <span class="evidence-note" data-evidence={verdict!.kind}>
              {note}
            </span>
          )}
          {content.more > 0 && <span class="more">{i18n.t('banner.more', content.more)}</span>}
          <Actions url={incidentUrl(id)} onDismiss={dismiss} />
        </div>
      );
    }
  } else if (own && showOwn) {
    body = (
      <div ref={bar} class={`bar evidence ${own.kind} theme-${theme}`} data-kind="evidence" data-evidence={verdict!.kind} style={style}>
        <strong class="what">{own.what}</strong>
        <span class="detail">{own.detail}</span>
        {own.counts && <span class="meta">{own.counts}</span>}
        <Actions
          url={STATUS_PAGE_ORIGIN}
          label={i18n.t('evidence.banner.statusPage')}
          dismissLabel={i18n.t('evidence.banner.dismiss')}
          onDismiss={() => dismissWith(EVIDENCE_ID, ownFingerprint)}
        />
      </div>
    );
  }
  return (
    <div class="live" role="status" aria-live="polite" aria-label={i18n.t('extName')}>
      {body}
    </div>
  );
}

function Actions({
  url,
  onDismiss,
  label = i18n.t('banner.details'),
  dismissLabel = i18n.t('banner.dismiss'),
}: {
  url: string;
  onDismiss: () => void;
  label?: string;
  dismissLabel?: string;
}) {
  return (
    <span class="actions">
      <a class="link" href={url} target="_blank" rel="noopener noreferrer">
        {label}
      </a>
      <button type="button" class="dismiss" aria-label={dismissLabel} title={dismissLabel} onClick={onDismiss}>
        ×
      </button>
    </span>
  );
}

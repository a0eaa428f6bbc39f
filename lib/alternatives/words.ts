/**
 * "What can I use instead?" in words, for the popup, the badge tooltip and the claude.ai banner.
 * Light on purpose (the banner uses it): only types from the modules that compute the answer, and
 * provider names are passed in as text.
 * @module
 */
import { formatList, formatShortList, isolate } from '../format';
import { i18n } from '../i18n';
import { modelLabel } from '../models/ref';
import type { Instead } from './instead';
import type { AlternativeModels } from './models';
import type { SurfaceLine } from './surfaces';

/** How many working models each surface names: the popup has room, the banner has one line. */
export const MODELS_SHOWN = { popup: 4, tooltip: 3, banner: 2 } as const;

/** "Working now: Sonnet 5, Opus 5, Opus 4.8 and Haiku 4.5." or, for a broad incident, that switching may not help. */
export function modelsSentence(models: AlternativeModels, max: number = MODELS_SHOWN.popup): string {
  const labels = models.working.slice(0, max).map((w) => modelLabel(w.model));
  if (models.broad) {
    return labels.length ? i18n.t('alternatives.broadExcept', { models: formatList(labels) }) : i18n.t('alternatives.broad');
  }
  return labels.length ? i18n.t('alternatives.working', { models: formatList(labels) }) : i18n.t('alternatives.noneWorking');
}

/** "Problems with claude.ai; the API is working: Claude Code and API clients are unaffected." */
export function surfaceSentence(line: SurfaceLine): string {
  const down = formatList(line.down.map((s) => isolate(s.name)));
  if (line.hint === 'api-clients') {
    return line.working.some((s) => s.surface === 'claude-code')
      ? i18n.t('alternatives.surfaceApi', { down })
      : i18n.t('alternatives.surfaceApiOnly', { down });
  }
  return i18n.t('alternatives.surfaceOther', { down, working: formatList(line.working.map((s) => isolate(s.name))) });
}

/** "OpenAI and Google Gemini are operational."; '' for none. */
export function providersSentence(names: readonly string[]): string {
  return names.length ? i18n.t('alternatives.providers', names.length, { providers: formatList([...names]) }) : '';
}

/** The banner's short part: "Working: Sonnet 5, Opus 4.8", or "Switching models may not help". */
export function bannerModelsPart(models: AlternativeModels): string {
  const labels = models.working.slice(0, MODELS_SHOWN.banner).map((w) => modelLabel(w.model));
  if (models.broad)
    return labels.length
      ? i18n.t('alternatives.bannerBroadExcept', { models: formatShortList(labels) })
      : i18n.t('alternatives.bannerBroad');
  return labels.length
    ? i18n.t('alternatives.bannerWorking', { models: formatShortList(labels) })
    : i18n.t('alternatives.bannerNoneWorking');
}

/** Every sentence of an answer, most useful first; `providerName` maps a provider id to its brand name. */
export function insteadSentences(instead: Instead, providerName: (id: string) => string, maxModels: number = MODELS_SHOWN.popup): string[] {
  return [
    instead.models ? modelsSentence(instead.models, maxModels) : '',
    instead.surfaces ? surfaceSentence(instead.surfaces) : '',
    providersSentence((instead.providers ?? []).map(providerName)),
  ].filter(Boolean);
}

/** The badge tooltip's one line: "Instead: Working now: …. Problems with …". */
export function insteadTooltipLine(instead: Instead, providerName: (id: string) => string): string {
  return i18n.t('alternatives.tooltip', { line: insteadSentences(instead, providerName, MODELS_SHOWN.tooltip).join(' ') });
}

/** The badge tooltip's line of alternatives, from what is stored (the worker's applyBadge calls it). */
import { insteadFor } from '../alternatives/instead';
import { insteadTooltipLine } from '../alternatives/words';
import type { Prefs } from '../prefs';
import { providerName } from '../providers/catalog';
import type { StatusState } from '../statuspage/state';
import { providersItem, seenModelsItem } from '../storage';
import { assess } from '../verdict/assess';

/** '' when there is no snapshot or nothing the user cares about is affected. `claudeAiFailing`: the user's own evidence. */
export async function insteadLine(status: StatusState, prefs: Prefs, now: number, claudeAiFailing = false): Promise<string> {
  if (!status.snapshot) return '';
  const [seen, providers] = await Promise.all([seenModelsItem.getValue(), providersItem.getValue()]);
  const instead = insteadFor({
    assessment: assess(status.snapshot, prefs),
    components: status.snapshot.components,
    prefs,
    seen: seen.keys,
    providers,
    now,
    claudeAiFailing,
  });
  return instead ? insteadTooltipLine(instead, providerName) : '';
}

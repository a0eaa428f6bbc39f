export const EVIDENCE_FIELDS: Set<string>;
export const EVIDENCE_CLASS_NAMES: Set<string>;
export function notCountsAndTimes(value: unknown, path?: string): string[];

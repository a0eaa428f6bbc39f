/**
 * The kinds of local-evidence verdict, in one list: the verdict (verdict.ts), the stored value's
 * schema (state.ts) and the content script's zod-free check (view.ts) all read it. Imports nothing.
 */
export const EVIDENCE_KINDS = [
  'none',
  // Claude-side failures over the threshold while the page reports nothing for claude.ai.
  'claude-failing-unconfirmed',
  // The page reports an incident for claude.ai and the user's requests fail.
  'confirmed',
  // The page reports an incident and the user's requests succeed.
  'working-for-you',
  // The user's side: a usage limit, a sign-in (or browser check), the region page, their connection.
  'usage-limit',
  'sign-in',
  'region',
  'connection',
] as const;

export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

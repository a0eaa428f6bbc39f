/**
 * Where claude.ai's web app is, as the classifier (classify.ts) recognises its requests. Imports
 * nothing, so the E2E harness serves and checks these instead of copies.
 */
export const CLAUDE_ORIGIN = 'https://claude.ai';
/** Where claude.ai sends visitors from countries it does not serve (same path on its other hosts). */
export const REGION_PATH = '/app-unavailable-in-region';

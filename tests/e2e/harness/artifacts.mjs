// Where tests put screenshots (tests/e2e/artifacts/, gitignored).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ARTIFACTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');

/**
 * Path for a screenshot, creating the folder if needed.
 * @param {string} name e.g. 'chromium-popup-incident' (no extension)
 * @returns {string} tests/e2e/artifacts/<name>.png (absolute)
 */
export function artifactPath(name) {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, `${name}.png`);
}

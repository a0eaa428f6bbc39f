// Runs only the local-evidence scenario: `node --test --test-concurrency=1 tests/e2e/run-evidence.mjs`
// (both browsers) or with EVIDENCE_BROWSER=chromium|firefox for one. Build both targets first.
import { evidenceScenario } from './scenario-evidence.mjs';

const only = process.env.EVIDENCE_BROWSER;
for (const name of ['chromium', 'firefox']) if (!only || only === name) evidenceScenario(name);

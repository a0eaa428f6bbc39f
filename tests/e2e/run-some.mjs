// Runs some scenarios in some browsers, for work on one feature (npm test runs them all through
// chromium.test.mjs and firefox.test.mjs). With node_modules/.bin first on PATH (the project's
// Node 22), build the E2E targets first (`wxt build --mode e2e`, `wxt build -b firefox --mode e2e`),
// then for example:
//   E2E_SCENARIOS=evidence,alternatives E2E_BROWSERS=chromium node --test --test-concurrency=1 tests/e2e/run-some.mjs
// Either variable left out means all of them.
import { a11yScenario } from './scenario-a11y.mjs';
import { alternativesScenario } from './scenario-alternatives.mjs';
import { attentionScenario } from './scenario-attention.mjs';
import { coreScenario } from './scenario-core.mjs';
import { evidenceScenario } from './scenario-evidence.mjs';
import { historyScenario } from './scenario-history.mjs';
import { modelsScenario } from './scenario-models.mjs';
import { popupScenario } from './scenario-popup.mjs';
import { resilienceScenario } from './scenario-resilience.mjs';
import { storeScenario } from './scenario-store.mjs';
import { trustScenario } from './scenario-trust.mjs';

const SCENARIOS = {
  core: coreScenario,
  models: modelsScenario,
  resilience: resilienceScenario,
  attention: attentionScenario,
  trust: trustScenario,
  evidence: evidenceScenario,
  a11y: a11yScenario,
  store: storeScenario,
  alternatives: alternativesScenario,
  history: historyScenario,
  popup: popupScenario,
};
const list = (value, all) => (value ? value.split(',').map((s) => s.trim()) : all);
const scenarios = list(process.env.E2E_SCENARIOS, Object.keys(SCENARIOS));
const browsers = list(process.env.E2E_BROWSERS, ['chromium', 'firefox']);
for (const name of scenarios) {
  if (!SCENARIOS[name]) throw new Error(`unknown scenario "${name}"; known: ${Object.keys(SCENARIOS).join(', ')}`);
}
for (const browser of browsers) for (const name of scenarios) SCENARIOS[name](browser);

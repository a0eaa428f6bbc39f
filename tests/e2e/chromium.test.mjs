import { coreScenario } from './scenario-core.mjs';

coreScenario('chromium');

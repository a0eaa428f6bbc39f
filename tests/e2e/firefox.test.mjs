import { coreScenario } from './scenario-core.mjs';

coreScenario('firefox');

import { coreScenario } from './scenario-core.mjs';
import { modelsScenario } from './scenario-models.mjs';
import { resilienceScenario } from './scenario-resilience.mjs';
import { attentionScenario } from './scenario-attention.mjs';
import { trustScenario } from './scenario-trust.mjs';
import { historyScenario } from './scenario-history.mjs';

coreScenario('firefox');
modelsScenario('firefox');
resilienceScenario('firefox');
attentionScenario('firefox');
trustScenario('firefox');
historyScenario('firefox');

import { coreScenario } from './scenario-core.mjs';
import { modelsScenario } from './scenario-models.mjs';
import { resilienceScenario } from './scenario-resilience.mjs';
import { attentionScenario } from './scenario-attention.mjs';
import { trustScenario } from './scenario-trust.mjs';
import { a11yScenario } from './scenario-a11y.mjs';
import { storeScenario } from './scenario-store.mjs';
import { evidenceScenario } from './scenario-evidence.mjs';
import { alternativesScenario } from './scenario-alternatives.mjs';

coreScenario('firefox');
modelsScenario('firefox');
resilienceScenario('firefox');
attentionScenario('firefox');
trustScenario('firefox');
evidenceScenario('firefox');
a11yScenario('firefox');
storeScenario('firefox');
alternativesScenario('firefox');

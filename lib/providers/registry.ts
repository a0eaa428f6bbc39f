/**
 * The other AI providers whose public status the user can watch (each off by default). For each:
 * the host it needs as an optional permission, the endpoint, the format, and which parts of its page
 * matter. Facts about each endpoint and where the ids come from: docs/providers.md.
 */
import { SummarySchema } from '../statuspage/schema';
import { GoogleIncidentsSchema, normaliseGoogleIncidents } from './google-cloud';
import type { ProviderSnapshot } from './level';
import { isProviderId, PROVIDER_IDS, PROVIDER_INFO, type ProviderId, type ProviderInfo } from './catalog';
import { normaliseStatuspageSummary } from './statuspage-format';

export { isProviderId, PROVIDER_IDS, type ProviderId };

export interface ProviderAdapter {
  /** Validates and normalises one response body; `where` names the first field that did not fit. */
  read(json: unknown): { ok: true; snapshot: ProviderSnapshot } | { ok: false; where: string };
}

export interface Provider extends ProviderInfo {
  maxBytes: number;
  adapter: ProviderAdapter;
}

function statuspageAdapter(origin: string, watch: Parameters<typeof normaliseStatuspageSummary>[2]): ProviderAdapter {
  return {
    read(json) {
      const parsed = SummarySchema.safeParse(json);
      if (!parsed.success) return { ok: false, where: parsed.error.issues[0]?.path.join('.') || 'payload' };
      return { ok: true, snapshot: normaliseStatuspageSummary(parsed.data, origin, watch) };
    },
  };
}

/**
 * OpenAI's ChatGPT and API components on status.openai.com (incident.io; ids are ULIDs). Its v2
 * summary lists at most 25 components and which ones rotates, so any of these may be absent from one
 * response; absent ones are simply not reported (docs/providers.md).
 */
export const OPENAI_COMPONENT_IDS = [
  // ChatGPT
  '01JMXBNJXGV1T5GT2M9XA83XNG', // Conversations
  '01JSM5RTJWHRWDTS6Q604VEW3B', // Login
  '01JMXBNJXG1YMQPPCPCQX3MPA2', // File uploads
  '01JMXBNJXGKKP51D4DEJ2HZJ8Q', // Search
  '01JMXBNJXGGT5SR5DB9J7GYY48', // Voice mode
  '01JSFK5QX36ZRW0TW0ZV0ZYFXQ', // GPTs
  '01JQ7EKW990MSPSWVXC7VPV2ZJ', // Image Generation
  '01JSG1XMJ9RVJJQ0E85NVSJ2AZ', // Agent
  '01JSYVYQSWMJ9QG35XHP08BHA7', // Deep Research
  '01K6TVGGGDCP0PPGCHXAG3AQX8', // Connectors/Apps
  '01KX45G1SH21AX5DT93D4HMF0P', // ChatGPT Work
  // API
  '01JMXBRMFE6N2NNT7DG6XZQ6PW', // Chat Completions
  '01JP8CD9JR3HR6Y7G4Q75N4DVW', // Responses
  '01JMXBRMFEQW613TFE89F45035', // Realtime
  '01JMXBRMFE5ESNNV8JDHVCGSRD', // Batch
  '01JMXBRMFE4MAP2BHSJNZ787WX', // Images
  '01JMXBRMFEV0AJ0VVS68N9CD6R', // Embeddings
  '01JMXBRMFESJCBGJR10PDD3WCQ', // Files
  '01JMXBRMFEMZK0HPK19RYET250', // Fine-tuning
  '01JMXBRMFEVZ7E0X9GD9FWR9WX', // Moderations
  '01JMXBRMFEKVBWKK82B44QFMCE', // Audio
] as const;

/** GitHub's Copilot components on www.githubstatus.com. */
export const GITHUB_COPILOT_COMPONENT_IDS = [
  'pjmpxvq2cmr2', // Copilot
  'cnnb39dkkk82', // Copilot AI Model Providers
] as const;

/** Google Cloud product "Vertex Gemini API" (being renamed "Gemini on Agent Platform"). */
export const GOOGLE_GEMINI_PRODUCTS = [{ id: 'Z0FZJAMvEB4j3NbCJs6B', name: 'Vertex Gemini API' }] as const;

export const PROVIDERS: Readonly<Record<ProviderId, Provider>> = {
  openai: {
    ...PROVIDER_INFO.openai,
    maxBytes: 512 * 1024,
    adapter: statuspageAdapter('https://status.openai.com', { componentIds: OPENAI_COMPONENT_IDS, incidentsNameComponents: false }),
  },
  'github-copilot': {
    ...PROVIDER_INFO['github-copilot'],
    maxBytes: 512 * 1024,
    adapter: statuspageAdapter('https://www.githubstatus.com', {
      componentIds: GITHUB_COPILOT_COMPONENT_IDS,
      incidentsNameComponents: true,
      incidentTitle: /\bcopilot\b/i,
    }),
  },
  'google-gemini': {
    ...PROVIDER_INFO['google-gemini'],
    maxBytes: 2 * 1024 * 1024,
    adapter: {
      read(json) {
        const parsed = GoogleIncidentsSchema.safeParse(json);
        if (!parsed.success) return { ok: false, where: parsed.error.issues[0]?.path.join('.') || 'payload' };
        return { ok: true, snapshot: normaliseGoogleIncidents(parsed.data, { products: GOOGLE_GEMINI_PRODUCTS }) };
      },
    },
  },
};

// Synthetic variants of the real provider captures (tests/fixtures/providers, SOURCES.md there),
// built the same way for the unit tests of the formats and for the E2E scenarios: no real capture
// has today's Copilot components or a Vertex Gemini incident still open.

/** A real GitHub summary with the Copilot components (ids as on today's page) added in the given states. */
export function withCopilotComponents(githubSummary, copilot, modelProviders = 'operational') {
  const summary = structuredClone(githubSummary);
  summary.components.push(
    { id: 'pjmpxvq2cmr2', name: 'Copilot', status: copilot, position: 11, group: false, only_show_if_degraded: false },
    {
      id: 'cnnb39dkkk82',
      name: 'Copilot AI Model Providers',
      status: modelProviders,
      position: 12,
      group: false,
      only_show_if_degraded: false,
    },
  );
  return summary;
}

/** A real (resolved) Google Cloud incident, still open (no `end`), filed with the given impact and id. */
export function stillOpen(googleIncident, impact, id) {
  const incident = structuredClone(googleIncident);
  incident.end = null;
  incident.status_impact = impact;
  incident.id = id;
  return incident;
}

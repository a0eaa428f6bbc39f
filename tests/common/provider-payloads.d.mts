export function withCopilotComponents(githubSummary: unknown, copilot: string, modelProviders?: string): any;
export function stillOpen(googleIncident: unknown, impact: string, id: string): any;

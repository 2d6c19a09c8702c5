/**
 * Starting points for thredd.json with Thredd's documented hosts (Connecting to Thredd Guide v1.1).
 * The token endpoint is one URL for UAT and Production; the assertion's aud defaults to it.
 */
export interface EnvironmentTemplate {
  id: string;
  label: string;
  description: string;
  environment: Record<string, unknown>;
}

const TOKEN_URL = 'https://threddid.com/oauth2/token';

const HOSTS = {
  uat: { label: 'UAT', tls: 'https://uat-api.thredd.com', mtls: 'https://uat-mtls.thredd.com' },
  production: { label: 'Production', tls: 'https://api.thredd.com', mtls: 'https://mtls.thredd.com' },
} as const;

/** One environment of a stage: API Hub over TLS, or over mTLS with a Transport Certificate. */
function template(stage: keyof typeof HOSTS, transport: 'mtls' | 'tls'): EnvironmentTemplate {
  const hosts = HOSTS[stage];
  const baseUrl = hosts[transport];
  const common = { baseUrl, tokenUrl: TOKEN_URL, region: '0', application: 'my-app' };
  if (transport === 'tls') return { id: `${stage}-tls`, label: `${hosts.label} over TLS`, description: baseUrl, environment: common };
  return {
    id: `${stage}-mtls`,
    label: `${hosts.label} over mTLS`,
    description: `${baseUrl} with a Transport Certificate`,
    environment: { ...common, mtls: { cert: 'certs/my-app-rtstransport.pem', key: 'certs/my-app-rtstransport.key' } },
  };
}

export const ENVIRONMENT_TEMPLATES: readonly EnvironmentTemplate[] = [
  template('uat', 'mtls'),
  template('uat', 'tls'),
  template('production', 'mtls'),
  template('production', 'tls'),
];

const EXAMPLE_APPLICATION = {
  appId: '00000000-0000-0000-0000-000000000000',
  clientId: 'replace-with-your-client-id-from-thredd-portal',
  auth: { method: 'private_key_jwt', key: 'certs/my-app-rtssigning.key', kid: 'replace-with-the-signing-certificate-kid', alg: 'RS256' },
  scopes: ['cards.read'],
};

/** thredd.json text for the chosen templates, with the first one as the default environment. */
export function renderConfigFromTemplates(templateIds: readonly string[]): string {
  const chosen = ENVIRONMENT_TEMPLATES.filter((template) => templateIds.includes(template.id));
  if (chosen.length === 0) throw new Error('Choose at least one environment template.');
  const config = {
    defaultEnvironment: chosen[0].id,
    environments: Object.fromEntries(chosen.map((template) => [template.id, template.environment])),
    applications: { 'my-app': EXAMPLE_APPLICATION },
  };
  return JSON.stringify(config, null, 2) + '\n';
}

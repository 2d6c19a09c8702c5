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

export const ENVIRONMENT_TEMPLATES: readonly EnvironmentTemplate[] = [
  {
    id: 'uat-mtls',
    label: 'UAT over mTLS',
    description: 'https://uat-mtls.thredd.com with a Transport Certificate',
    environment: {
      baseUrl: 'https://uat-mtls.thredd.com',
      tokenUrl: TOKEN_URL,
      region: '0',
      application: 'my-app',
      mtls: { cert: 'certs/my-app-rtstransport.pem', key: 'certs/my-app-rtstransport.key' },
    },
  },
  {
    id: 'uat-tls',
    label: 'UAT over TLS',
    description: 'https://uat-api.thredd.com',
    environment: { baseUrl: 'https://uat-api.thredd.com', tokenUrl: TOKEN_URL, region: '0', application: 'my-app' },
  },
  {
    id: 'production-mtls',
    label: 'Production over mTLS',
    description: 'https://mtls.thredd.com with a Transport Certificate',
    environment: {
      baseUrl: 'https://mtls.thredd.com',
      tokenUrl: TOKEN_URL,
      region: '0',
      application: 'my-app',
      mtls: { cert: 'certs/my-app-rtstransport.pem', key: 'certs/my-app-rtstransport.key' },
    },
  },
  {
    id: 'production-tls',
    label: 'Production over TLS',
    description: 'https://api.thredd.com',
    environment: { baseUrl: 'https://api.thredd.com', tokenUrl: TOKEN_URL, region: '0', application: 'my-app' },
  },
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

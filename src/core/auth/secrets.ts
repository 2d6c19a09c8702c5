/**
 * Where secrets come from when thredd.json does not hold them: VS Code passes SecretStorage, the CLI
 * passes environment variables. Names are stable strings so both sides agree.
 */
export interface SecretSource {
  get(name: string): Promise<string | undefined>;
}

export const secretNames = {
  /** client_secret_post / client_secret_basic secret of an application. */
  clientSecret: (application: string) => `thredd.clientSecret.${application}`,
  /** Passphrase of an application's encrypted signing key. */
  signingKeyPassphrase: (application: string) => `thredd.signingKeyPassphrase.${application}`,
  /** Passphrase of an environment's encrypted transport key or PKCS#12 file. */
  certificatePassphrase: (environment: string) => `thredd.certificatePassphrase.${environment}`,
};

/** The CLI's source: one variable per kind of secret, whatever the application or environment. */
export const CLI_SECRET_VARIABLES = {
  clientSecret: 'THREDD_CLIENT_SECRET',
  signingKeyPassphrase: 'THREDD_KEY_PASSPHRASE',
  certificatePassphrase: 'THREDD_CERT_PASSPHRASE',
} as const;

export function envSecretSource(env: Readonly<Record<string, string | undefined>>): SecretSource {
  return {
    async get(name) {
      const kind = name.split('.')[1] as keyof typeof CLI_SECRET_VARIABLES;
      const variable = CLI_SECRET_VARIABLES[kind];
      const value = variable ? env[variable] : undefined;
      return value === '' ? undefined : value;
    },
  };
}

export const noSecrets: SecretSource = { get: async () => undefined };

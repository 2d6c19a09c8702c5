/** The shapes of thredd.json after validation, environment expansion and path resolution. */
import type { RegionCode } from '../catalogue';

/** A zero-based position in a text document, as editors count. */
export interface TextPosition {
  line: number;
  column: number;
}

export interface TextRange {
  start: TextPosition;
  end: TextPosition;
}

/** An X-Region value: one of the catalogue's regions. */
export type Region = RegionCode;

export type ClientAuthMethod = 'private_key_jwt' | 'client_secret_post' | 'client_secret_basic';

export type SigningAlgorithm = 'RS256' | 'PS256' | 'ES256';

/** A client certificate as PEM certificate + key, or as one PKCS#12 file. */
export type ClientCertificate =
  { kind: 'pem'; cert: string; key: string; passphrase?: string } | { kind: 'pfx'; pfx: string; passphrase?: string };

export interface Environment {
  name: string;
  baseUrl: string;
  tokenUrl?: string;
  /** The client assertion's aud: the token endpoint unless the environment overrides it. */
  audience?: string;
  introspectionUrl?: string;
  registrationUrl?: string;
  region: Region;
  application?: string;
  /** Client certificate presented to the API and the token endpoint (mTLS). */
  clientCertificate?: ClientCertificate;
  /** Extra CA file trusted for this environment's servers. */
  ca?: string;
  /** Turns TLS verification off; every use is warned about. */
  insecure: boolean;
  /** The proxy for this environment's requests (a URL, `${env:...}` expanded), or false to go direct; unset: decided elsewhere. */
  proxy?: string | false;
  /** CA file that issued an https:// proxy's certificate. */
  proxyCa?: string;
  variables: Record<string, string>;
  /** Where the environment is declared in thredd.json, for "open entry". */
  range: TextRange;
}

export type ApplicationAuth =
  | { method: 'private_key_jwt'; key: string; cert?: string; kid?: string; alg?: SigningAlgorithm; passphrase?: string }
  | { method: 'client_secret_post' | 'client_secret_basic'; secret?: string };

export interface Application {
  name: string;
  appId?: string;
  clientId: string;
  auth: ApplicationAuth;
  scopes: string[];
  range: TextRange;
}

export interface ThreddConfig {
  /** Absolute path of the thredd.json file. */
  file: string;
  /** Folder relative paths were resolved against. */
  dir: string;
  defaultEnvironment?: string;
  environments: Record<string, Environment>;
  applications: Record<string, Application>;
}

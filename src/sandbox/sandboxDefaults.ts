import { OPERATION_SCOPES } from '../core/catalogue';

/**
 * What every sandbox has from the start: one organisation with one application and its OAuth clients,
 * so the samples work with no setup. The IDs are fixed (like a demo tenant) so a committed thredd.json
 * stays valid across machines and fresh states; only the generated keys, certificates and KID differ.
 */

/** Fixed ports so the samples' thredd.json is stable: TLS like uat-api, mTLS like uat-mtls. */
export const DEFAULT_PORTS = { tls: 8443, mtls: 8444 } as const;

/** Relative to the workspace; holds the CA keys, so it is created 0700 (and git-ignored by `sandbox init`). */
export { SANDBOX_STATE_DIR as DEFAULT_STATE_DIR } from '../core/sandboxStatus/stateDir';

/** Thredd Portal issues certificates for 350 days (Connecting to Thredd guide). */
export const DEFAULT_CERTIFICATE_DAYS = 350;

/** Access tokens last one hour, as Thredd's. */
export const ACCESS_TOKEN_TTL_SECONDS = 3600;

/**
 * The scopes the sandbox application and its clients are given: those its API's operations need (the
 * catalogue's). Derived when the sandbox loads, never stored in its state, so a scope the catalogue gains
 * works with a state folder made before.
 */
export const SANDBOX_SCOPES: readonly string[] = OPERATION_SCOPES;

/** The organisation, application and clients a new state is created with. */
export const SANDBOX_IDENTITY = {
  orgId: '6f1c2b7e-3d4a-4e59-8b21-0c9d7a5e4f13',
  organisationName: 'Sandbox Organisation',
  appId: '2a9e4c1d-7b3f-4d86-a5e0-91c8f6b2d437',
  applicationName: 'Sandbox Application',
  /** A PMID is attached to each OAuth client by Thredd and travels in the token. */
  pmid: 'PM-SANDBOX',
  privateKeyJwtClientId: 'c4e8a2f6-1b9d-4f3e-8a7c-5d2b0e6f9a14',
  clientSecretClientId: '9b3d7f1a-4c8e-4a2b-b6d0-e5f2a9c1d873',
} as const;

/** The environment variable thredd.json reads the client secret from (the value lives in the workspace .env). */
export const CLIENT_SECRET_ENV = 'THREDD_SANDBOX_CLIENT_SECRET';
/** The .env entry that holds the sandbox Signing certificate's KID, which thredd.json refers to. */
export const KID_ENV = 'THREDD_SANDBOX_KID';

/** Issuer of the software statements the sandbox's directory signs (DCR). */
export const DIRECTORY_ISSUER = 'thredd-sandbox-directory';

import { randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { SigningAlgorithm } from '../config/types';
import { checkAlgorithm, defaultAlgorithm } from './signingKey';

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
export const DEFAULT_ASSERTION_TTL_SECONDS = 300;

export interface ClientAssertionOptions {
  /** Kept whole, even when it is a URL ending in a UUID (Thredd directory clients). */
  clientId: string;
  /** The token endpoint URL, or the environment's "audience". */
  audience: string;
  key: KeyObject;
  /** Where the key came from, for error messages (never its content). */
  keySource?: string;
  /** The Key ID Thredd Portal shows for the Signing Certificate. */
  kid?: string;
  /** Default: RS256 for RSA keys, ES256 for EC keys, PS256 for RSA-PSS keys. */
  alg?: SigningAlgorithm;
  ttlSeconds?: number;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  now?: () => number;
}

export interface ClientAssertion {
  jwt: string;
  alg: SigningAlgorithm;
  jti: string;
  iat: number;
  exp: number;
}

/**
 * Signs the private_key_jwt client assertion (RFC 7523 §3, RFC 7521 §5.2): iss = sub = client ID,
 * aud = token endpoint, a fresh jti so the server's replay check passes, exp 5 minutes after iat.
 */
export async function createClientAssertion(options: ClientAssertionOptions): Promise<ClientAssertion> {
  const alg = options.alg ?? defaultAlgorithm(options.key);
  checkAlgorithm(alg, options.key, options.keySource ?? 'the signing key');
  if (!options.clientId) throw new Error('The client ID is empty: set "clientId" of the application in thredd.json.');
  if (!options.audience)
    throw new Error('The assertion audience is empty: set "tokenUrl" (or "audience") of the environment in thredd.json.');
  const iat = Math.floor((options.now?.() ?? Date.now()) / 1000);
  const exp = iat + (options.ttlSeconds ?? DEFAULT_ASSERTION_TTL_SECONDS);
  const jti = randomUUID();
  const jwt = await new SignJWT({})
    .setProtectedHeader(options.kid ? { alg, kid: options.kid } : { alg })
    .setIssuer(options.clientId)
    .setSubject(options.clientId)
    .setAudience(options.audience)
    .setJti(jti)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(options.key);
  return { jwt, alg, jti, iat, exp };
}

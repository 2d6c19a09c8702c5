import type { HttpClient } from '../http';
import { loadEhiJwks } from './loadEhiJwks';
import { verifyEhiSignature, type EhiVerification } from './signature';

export interface VerifyEhiMessageInput {
  /** The body exactly as received. */
  body: Uint8Array;
  /** The X-Thredd-Signature value ("k=…, s=…"; a leading "X-Thredd-Signature:" is allowed). */
  signature: string;
  /** An https:// URL or a file path of the JWKS. */
  jwks: string;
  http: HttpClient;
  ca?: string;
  caSource?: string;
}

export type EhiMessageVerification = EhiVerification & { jwks: string };

/**
 * `thredd ehi verify` and "Thredd: Verify EHI Signature…": loads the JWKS (a failure to load it is thrown as a
 * UserError) and verifies, returning which key verified or why not.
 */
export async function verifyEhiMessage(input: VerifyEhiMessageInput): Promise<EhiMessageVerification> {
  const jwks = await loadEhiJwks(input.jwks, { http: input.http, ca: input.ca, caSource: input.caSource });
  return { ...verifyEhiSignature(input.body, input.signature, jwks), jwks: input.jwks };
}

/** Two lines for a person: the verdict with its reason, then the key used or the kids on offer. */
export function describeEhiVerification(result: EhiMessageVerification): string {
  if (result.ok) {
    const dn = result.key.x5dn ? `, certificate ${result.key.x5dn}` : '';
    return `Verified: ${result.message}\nKey from ${result.jwks}${dn}.`;
  }
  const known = result.knownKids?.length ? ` Kids in ${result.jwks}: ${result.knownKids.join(', ')}.` : ` JWKS: ${result.jwks}.`;
  return `NOT verified (${result.reason}): ${result.message}\n${known.trim()}`;
}

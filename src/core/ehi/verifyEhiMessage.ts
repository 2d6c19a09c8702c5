import type { HttpClient } from '../http/httpClient';
import type { EhiBodyCandidate } from './capturedRequest';
import { loadEhiJwks } from './loadEhiJwks';
import { verifyEhiSignature, type EhiVerification } from './signature';

export interface VerifyEhiMessageInput {
  /**
   * The body exactly as received (a file: one candidate), or each byte string it may have been signed as
   * (a body copied into an editor: capturedBodyCandidates). The first that verifies is reported, else the first.
   */
  bodies: readonly EhiBodyCandidate[];
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
 * UserError) and verifies, returning which key verified or why not. A body that verified only as one of its
 * other candidates says so in the message ("body without the final line break").
 */
export async function verifyEhiMessage(input: VerifyEhiMessageInput): Promise<EhiMessageVerification> {
  const jwks = await loadEhiJwks(input.jwks, { http: input.http, ca: input.ca, caSource: input.caSource });
  const results = input.bodies.map((candidate) => ({ candidate, result: verifyEhiSignature(candidate.bytes, input.signature, jwks) }));
  const chosen = results.find((entry) => entry.result.ok) ?? results[0];
  const note = chosen.result.ok && chosen.candidate.note ? ` (body ${chosen.candidate.note})` : '';
  return { ...chosen.result, message: chosen.result.message + note, jwks: input.jwks };
}

/** Two lines for a person: the verdict with its reason, then the key used or the kids on offer. */
export function describeEhiVerification(result: EhiMessageVerification): string {
  if (result.ok) {
    const dn = result.key.x5dn ? `, certificate ${result.key.x5dn}` : '';
    return `${result.message}\nKey from ${result.jwks}${dn}.`;
  }
  const known = result.knownKids?.length ? ` Kids in ${result.jwks}: ${result.knownKids.join(', ')}.` : ` JWKS: ${result.jwks}.`;
  return `NOT verified (${result.reason}): ${result.message}\n${known.trim()}`;
}

import { limitConcurrency } from '../../tree/limitConcurrency';
import { offerOf, tls12Candidates } from './cipherSuites';
import { handshake, type HandshakeOptions } from './handshake';
import type { EndpointTarget } from './target';

export interface AcceptedSuite {
  suite: string;
  /** DHE group bits, when the suite is finite-field DHE. */
  dhBits?: number;
}

export interface CipherProbeResult {
  accepted: AcceptedSuite[];
  /** Insecure suites this machine's OpenSSL cannot offer, so the server's stance on them is unknown. */
  untestable: string[];
}

/** Parallel handshakes per endpoint: enough to finish quickly, few enough not to look like a flood. */
const CONCURRENCY = 6;

/** Offers each TLS 1.2 suite on its own: the server accepts it or ends the handshake. */
export async function probeTls12Suites(
  target: EndpointTarget,
  base: Omit<HandshakeOptions, 'minVersion' | 'maxVersion' | 'ciphers'>,
): Promise<CipherProbeResult> {
  const { suites, untestable } = tls12Candidates();
  const limit = limitConcurrency(CONCURRENCY);
  const results = await Promise.all(
    suites.map((suite) =>
      limit(async (): Promise<AcceptedSuite | undefined> => {
        const outcome = await handshake(target, { ...base, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2', ciphers: offerOf(suite) });
        if (!outcome.ok) return undefined;
        return { suite: outcome.cipher, dhBits: outcome.ephemeral.type === 'DH' ? outcome.ephemeral.size : undefined };
      }),
    ),
  );
  return { accepted: results.filter((result): result is AcceptedSuite => result !== undefined), untestable };
}

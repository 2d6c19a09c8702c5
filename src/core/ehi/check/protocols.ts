import type * as tls from 'node:tls';
import { fail, pass, warn, type EhiFinding } from '../findings';
import { handshake, type HandshakeOptions } from './handshake';
import { localCanOffer } from './localLegacySupport';
import type { EndpointTarget } from './target';

export type ProtocolVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

/** accepted / refused by the server, or not-tested because this machine cannot offer it. */
export type ProtocolResult = { version: ProtocolVersion; outcome: 'accepted' | 'refused' | 'not-tested'; detail?: string };

export const PROTOCOL_VERSIONS: ProtocolVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

const LEGACY = new Set<ProtocolVersion>(['TLSv1', 'TLSv1.1']);

/** One handshake per version, pinned with minVersion = maxVersion. */
export async function probeProtocols(
  target: EndpointTarget,
  base: Omit<HandshakeOptions, 'minVersion' | 'maxVersion' | 'ciphers'>,
  legacyCiphers: string,
): Promise<ProtocolResult[]> {
  return Promise.all(
    PROTOCOL_VERSIONS.map(async (version): Promise<ProtocolResult> => {
      const legacy = LEGACY.has(version);
      if (legacy && !(await localCanOffer(version as 'TLSv1' | 'TLSv1.1', legacyCiphers))) return { version, outcome: 'not-tested' };
      const outcome = await handshake(target, {
        ...base,
        minVersion: version as tls.SecureVersion,
        maxVersion: version as tls.SecureVersion,
        ciphers: legacy ? legacyCiphers : undefined,
      });
      return outcome.ok
        ? { version, outcome: 'accepted', detail: outcome.cipher }
        : { version, outcome: 'refused', detail: outcome.message };
    }),
  );
}

const NAMES: Record<ProtocolVersion, string> = { TLSv1: 'TLS 1.0', 'TLSv1.1': 'TLS 1.1', 'TLSv1.2': 'TLS 1.2', 'TLSv1.3': 'TLS 1.3' };

/** TLS 1.0/1.1 must be refused (SSL Labs caps them at B); TLS 1.2 and 1.3 should be accepted. */
export function protocolFindings(results: ProtocolResult[]): EhiFinding[] {
  return results.map(({ version, outcome }) => {
    const id = `protocol.${version.replace('TLSv1', 'tls1').replace(/^tls1$/, 'tls1.0')}`;
    const name = NAMES[version];
    if (LEGACY.has(version)) {
      if (outcome === 'not-tested') {
        return warn(
          id,
          `${name} not tested: local OpenSSL cannot offer ${name}.`,
          `Check ${name} with SSL Labs, or rerun with a Node whose OpenSSL still offers ${name}.`,
        );
      }
      if (outcome === 'accepted') {
        return fail(
          id,
          `The endpoint accepts ${name}: SSL Labs caps the grade at B.`,
          'Disable TLS 1.0 and 1.1 on the endpoint; allow TLS 1.2 and 1.3 only.',
        );
      }
      return pass(id, `${name} is refused.`);
    }
    if (outcome === 'accepted') return pass(id, `${name} is accepted.`);
    return version === 'TLSv1.2'
      ? warn(
          id,
          `${name} is refused, and the guide's example connection from Thredd is TLS 1.2.`,
          'Enable TLS 1.2 on the endpoint alongside TLS 1.3.',
        )
      : warn(
          id,
          `${name} is refused.`,
          'Enable TLS 1.3 on the endpoint alongside TLS 1.2: it is faster and only has strong cipher suites.',
        );
  });
}

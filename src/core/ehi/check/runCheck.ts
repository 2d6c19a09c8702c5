import { X509Certificate } from 'node:crypto';
import { readableName } from '../../x509/x509Text';
import { fail, noneFailed, pass, type EhiFinding } from '../findings';
import { caNamesFinding, expectedFromCertificates, THREDD_CLIENT_CAS } from './caNameFindings';
import { buildChain, chainFindings } from './chain';
import { certificateFindings } from './certificateFindings';
import { cipherFindings } from './cipherFindings';
import { probeTls12Suites } from './cipherProbe';
import { readCertificateRequest } from './clientCaNames';
import { handshake, type HandshakeOptions, type HandshakeSuccess } from './handshake';
import { withCertificateFinding, withoutCertificateFinding } from './mtlsRequests';
import { probeProtocols, protocolFindings } from './protocols';
import { parseEndpointUrl, type EndpointTarget } from './target';
import { trustAnchors } from './trustAnchors';
import type { CheckReport, EhiCheckOptions } from './types';
import { unreachableError } from './unreachable';

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_WARNING_DAYS = 30;
const DEFAULT_LEGACY_CIPHERS = 'DEFAULT@SECLEVEL=0';

type ProbeBase = Omit<HandshakeOptions, 'minVersion' | 'maxVersion' | 'ciphers'>;

/**
 * Runs the tests of the Connecting to Thredd guide, section 5 ("Test your EHI endpoint"), without OpenSSL's
 * command line: the handshake, the chain at every depth, name, dates and key, protocol versions, cipher suites,
 * and with mtls the client CA names and requests without and with a client certificate.
 */
export async function checkEhiEndpoint(options: EhiCheckOptions): Promise<CheckReport> {
  const target = parseEndpointUrl(options.url);
  const progress = options.onProgress ?? (() => undefined);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const legacyCiphers = options.legacyCiphers ?? DEFAULT_LEGACY_CIPHERS;
  const anchors = trustAnchors(options.ca?.certificates);
  const client = options.mtls ? options.clientCertificate : undefined;
  const base: ProbeBase = { timeoutMs, clientCertificate: client && { cert: client.cert, key: client.key } };
  const findings: EhiFinding[] = [];
  if (options.mtls) findings.push(clientCertificateFinding(options));

  progress('TLS handshake and certificate chain');
  const inspected = await inspect(target, base, legacyCiphers, findings, options.mtls === true && !client);
  if (inspected) {
    findings.push(...chainFindings(buildChain(inspected.peerChain, anchors)));
    findings.push(...certificateFindings(inspected.peerChain[0], target, options.expiryWarningDays ?? DEFAULT_WARNING_DAYS));
  }

  progress('Protocol versions');
  const protocols = await probeProtocols(target, base, legacyCiphers);
  findings.push(...protocolFindings(protocols));
  const tls12 = protocols.find((result) => result.version === 'TLSv1.2');
  const tls13Accepted = protocols.some((result) => result.version === 'TLSv1.3' && result.outcome === 'accepted');

  progress('Cipher suites');
  const accepted12 = tls12?.outcome === 'accepted';
  findings.push(
    ...cipherFindings({
      tls12: accepted12 ? await probeTls12Suites(target, base) : null,
      preferredTls12: accepted12 ? tls12.detail : undefined,
      tls13Accepted,
    }),
  );

  if (options.mtls) findings.push(...(await mtlsFindings(target, options, timeoutMs, progress)));
  return reportOf(findings);
}

/** ok is false as soon as one finding fails; warnings do not fail the check. */
export function reportOf(findings: EhiFinding[]): CheckReport {
  return { ok: noneFailed(findings), findings };
}

/** A modern handshake (Node's defaults: TLS 1.2+); when refused, a legacy one so the certificate can still be graded. */
async function inspect(
  target: EndpointTarget,
  base: ProbeBase,
  legacyCiphers: string,
  findings: EhiFinding[],
  mtlsWithoutCertificate: boolean,
): Promise<HandshakeSuccess | undefined> {
  // ca: [] keeps OpenSSL's store empty, so the peer chain is exactly what the server sent (chain.ts verifies it).
  const modern = await handshake(target, { ...base, ca: [] });
  if (!modern.ok && (modern.stage === 'tcp' || modern.timedOut)) throw unreachableError(target, modern);
  if (modern.ok) {
    findings.push(pass('tls.handshake', `The TLS handshake completes: ${modern.protocol}, ${modern.cipher}.`));
    return modern;
  }
  const why = mtlsWithoutCertificate ? ' (no client certificate was offered, which an mTLS endpoint may require)' : '';
  findings.push(
    fail(
      'tls.handshake',
      `A modern client (TLS 1.2/1.3 with Node's default suites) cannot complete a handshake: ${modern.message}${why}.`,
      'Enable TLS 1.2 and 1.3 with ECDHE and AES-GCM suites on the endpoint.',
    ),
  );
  const legacy = await handshake(target, { ...base, ca: [], minVersion: 'TLSv1', ciphers: legacyCiphers });
  return legacy.ok ? legacy : undefined;
}

function clientCertificateFinding(options: EhiCheckOptions): EhiFinding {
  const client = options.clientCertificate;
  if (!client) {
    const problem = options.clientCertificateProblem ?? { message: 'No client certificate was given.', fix: 'Pass --cert and --key.' };
    return fail('mtls.client-certificate', problem.message, problem.fix);
  }
  const subject = readableName(new X509Certificate(client.cert).subject);
  return pass('mtls.client-certificate', `Client certificate ${subject} (${client.source}).`);
}

async function mtlsFindings(target: EndpointTarget, options: EhiCheckOptions, timeoutMs: number, progress: (step: string) => void) {
  progress('Acceptable client CA names');
  const expected = options.clientCa ? expectedFromCertificates(options.clientCa) : THREDD_CLIENT_CAS;
  const findings = [caNamesFinding(await readCertificateRequest(target, timeoutMs), expected)];
  progress('Requests without and with a client certificate');
  findings.push(await withoutCertificateFinding(target.url, options.ca?.pem, timeoutMs));
  if (options.clientCertificate)
    findings.push(await withCertificateFinding(target.url, options.ca?.pem, timeoutMs, options.clientCertificate));
  return findings;
}

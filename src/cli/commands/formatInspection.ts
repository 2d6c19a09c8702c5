import type { CertificateInfo, CsrInfo, InspectResult } from '../../core/pki';

/** Human-readable inspection: expiry status first and loud, then the details. */
export function formatInspection(file: string, result: InspectResult): string {
  if (result.kind === 'csr') return formatCsr(file, result.csr);
  const { certificates } = result;
  const header = certificates.length === 1 ? `${file}: certificate` : `${file}: chain of ${certificates.length} certificates (leaf first)`;
  const blocks = certificates.map((info, index) =>
    formatCertificate(info, certificates.length > 1 ? `Certificate ${index + 1} of ${certificates.length}` : undefined),
  );
  return certificates.length === 1 ? `${header}\n${blocks[0]}\n` : [header, ...blocks].join('\n\n') + '\n';
}

export function statusLine(info: CertificateInfo): string {
  const days = Math.abs(info.daysRemaining);
  switch (info.status) {
    case 'valid':
      return `VALID: ${info.daysRemaining} days remaining (until ${info.notAfter})`;
    case 'expiring':
      return `EXPIRING in ${info.daysRemaining} days (${info.notAfter}): request a new certificate in Thredd Portal now`;
    case 'expired':
      return (
        `EXPIRED ${days === 0 ? 'today' : `${days} day${days === 1 ? '' : 's'} ago`} (${info.notAfter}): ` +
        'it no longer works; request a new certificate'
      );
    case 'not-yet-valid':
      return `NOT YET VALID: starts ${info.notBefore}`;
  }
}

function formatCertificate(info: CertificateInfo, title: string | undefined): string {
  const rows: [string, string | undefined][] = [
    ['Status', statusLine(info)],
    ['Subject', info.subject],
    ['Issuer', info.selfSigned ? `${info.issuer} (self-signed)` : info.issuer],
    ['Serial', info.serialNumber],
    ['Valid', `${info.notBefore} → ${info.notAfter}`],
    ['SANs', list(info.subjectAltNames)],
    ['Key usage', list(info.keyUsage)],
    ['Extended usage', list(info.extendedKeyUsage)],
    ['Public key', `${info.publicKey.type} ${info.publicKey.curve ?? `${info.publicKey.bits} bits`}`],
    ['JWK thumbprint', info.publicKey.jwkThumbprint],
    ['SHA-256', info.sha256Fingerprint],
    ['SHA-1', info.sha1Fingerprint],
    ['x5t#S256', info.x5tS256],
    ['Signature', info.signatureAlgorithm],
    ['CA', info.isCa ? 'yes' : 'no'],
    [
      'Key matches',
      info.keyMatches === undefined ? undefined : info.keyMatches ? 'yes' : 'NO: this private key does not belong to the certificate',
    ],
    ['Chain', info.chainVerified === undefined ? undefined : info.chainVerified ? 'verified' : `NOT VERIFIED: ${info.chainProblem}`],
  ];
  return [...(title ? [title] : []), ...table(rows)].join('\n');
}

function formatCsr(file: string, csr: CsrInfo): string {
  const rows: [string, string | undefined][] = [
    ['Subject', csr.subject],
    ['Public key', `${csr.publicKey.type} ${csr.publicKey.curve ?? `${csr.publicKey.bits} bits`}`],
    ['JWK thumbprint', csr.publicKey.jwkThumbprint],
    ['Signature', `${csr.signatureAlgorithm}, ${csr.signatureValid ? 'valid' : 'INVALID: the request is damaged or was altered'}`],
    ['Key matches', csr.keyMatches === undefined ? undefined : csr.keyMatches ? 'yes' : 'NO: this private key did not make the request'],
  ];
  return [`${file}: certificate signing request (upload it in Thredd Portal to get the certificate)`, ...table(rows)].join('\n') + '\n';
}

function table(rows: [string, string | undefined][]): string[] {
  const present = rows.filter((row): row is [string, string] => row[1] !== undefined);
  const width = Math.max(...present.map(([label]) => label.length));
  return present.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
}

function list(values: string[]): string | undefined {
  return values.length > 0 ? values.join(', ') : undefined;
}

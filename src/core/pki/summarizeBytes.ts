import { X509Certificate, type KeyObject } from 'node:crypto';
import { looksLikePem, parsePemBlocks } from '../x509/pem';
import { CERTIFICATE_LABELS } from '../x509/pemLabels';
import { summarizeCertificate, type CertificateSummary, type SummaryOptions } from './certificateSummary';
import { inspectBytes, type InspectBytesOptions } from './inspect';
import type { CsrInfo } from './csrInfo';
import { describeKey, type KeyDescription } from './keyAlgorithms';

export type SummaryResult =
  { kind: 'certificates'; certificates: CertificateSummary[]; privateKey?: KeyDescription } | { kind: 'csr'; csr: CsrInfo };

export type SummarizeOptions = Pick<InspectBytesOptions, 'name' | 'passphrase' | 'privateKey'> & SummaryOptions;

/**
 * What inspectBytes says of a file, limited to the overview's facts (CertificateSummary). The common case,
 * PEM or DER certificates alone, is read by Node's native parser only; anything else (PKCS#12, a key in the
 * same file, a CSR, a damaged or unrecognised file) goes through inspectBytes, so its messages and
 * results stay the full inspection's. With `describeKey`, the leaf's `publicKey` is described.
 */
export async function summarizeBytes(data: Uint8Array, options: SummarizeOptions = {}): Promise<SummaryResult> {
  const x509s = plainCertificates(data);
  if (!x509s) return inspectBytes(data, options);
  // The leaf's key is the one a KID names; the rest of a chain is described by the full inspection.
  const certificates = await Promise.all(
    x509s.map((x509, index) => summarizeCertificate(x509, { ...options, describeKey: options.describeKey && index === 0 })),
  );
  const privateKey: KeyObject | undefined = options.privateKey;
  if (privateKey) certificates[0].keyMatches = x509s[0].checkPrivateKey(privateKey);
  return { kind: 'certificates', certificates, privateKey: privateKey ? describeKey(privateKey) : undefined };
}

/** The certificates of a file that holds certificates and nothing else, each readable; otherwise undefined. */
function plainCertificates(data: Uint8Array): X509Certificate[] | undefined {
  try {
    if (looksLikePem(data)) {
      const blocks = parsePemBlocks(Buffer.from(data).toString('latin1'));
      if (!blocks.every((block) => CERTIFICATE_LABELS.includes(block.label))) return undefined;
      return blocks.map((block) => new X509Certificate(block.der));
    }
    // A DER certificate; classifyInput tells the other DER forms apart.
    return data[0] === 0x30 ? [new X509Certificate(data)] : undefined;
  } catch {
    return undefined;
  }
}

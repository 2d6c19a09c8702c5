import { summarizeCertificate, type CertificateSummary, type SummaryOptions } from './certificateSummary';
import { classifyInput } from './classifyInput';
import { displayName } from './errors';
import { finishInspection, type CertificateDescriber, type InspectionResult } from './finishInspection';
import { describeInFull, type InspectBytesOptions } from './inspect';

export type SummaryResult = InspectionResult<CertificateSummary>;

export type SummarizeOptions = Pick<InspectBytesOptions, 'name' | 'passphrase' | 'privateKey'> & SummaryOptions;

/**
 * What inspectBytes says of a file, limited to the overview's facts (CertificateSummary). The common case,
 * PEM or DER certificates alone (`plain`), is described by Node's native parser only; anything else (PKCS#12,
 * a key or another block in the same file, a CSR) is described in full as inspectBytes does. Both share
 * classifyInput and finishInspection, so a damaged or unrecognised file gets the same messages. With
 * `describeKey`, the leaf's `publicKey` is described.
 */
export async function summarizeBytes(data: Uint8Array, options: SummarizeOptions = {}): Promise<SummaryResult> {
  const input = classifyInput(data, displayName(options));
  const describe: CertificateDescriber<CertificateSummary> =
    input.kind === 'certificates' && input.plain ? summarizeEach(options) : describeInFull(options);
  return finishInspection(input, options, describe);
}

function summarizeEach(options: SummarizeOptions): CertificateDescriber<CertificateSummary> {
  // The leaf's key is the one a KID names; the rest of a chain is described by the full inspection.
  return (_ders, x509s) =>
    Promise.all(x509s.map((x509, index) => summarizeCertificate(x509, { ...options, describeKey: options.describeKey && index === 0 })));
}

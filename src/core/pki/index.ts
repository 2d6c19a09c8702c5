// PKI core: keys, CSRs, certificates and PKCS#12 for Thredd's Transport, Signing and Encryption
// certificates. Native crypto for keys and signatures; @peculiar/asn1-* for structures.
export * from './errors';
export * from '../x509/thumbprints';
export { toPem, parsePemBlocks, looksLikePem, type PemBlock } from '../x509/pem';
export { buildName, formatName, nameAttributes, nameFields, oneLineName, type DnFields, type NameAttribute } from './distinguishedName';
export { validateSubject } from './subject';
export { KEY_ALGORITHMS, generateKeyPairFor, describeKey, type KeyAlgorithm, type KeyDescription } from './keyAlgorithms';
export { buildCsr } from './buildCsr';
export * from './generateKeyAndCsr';
export {
  issueCertificate,
  type IssueCertificateOptions,
  type IssuedCertificate,
  type KeyUsageName,
  type ExtendedKeyUsageName,
} from './issueCertificate';
export { readPrivateKey, type ReadKeyOptions } from './readPrivateKey';
export { describeCertificate, type CertificateInfo, type PublicKeyInfo, type DescribeOptions } from './certificateInfo';
export { daysUntil, statusAt, type CertificateStatus } from '../x509/certificateStatus';
export { describeCsr, type CsrInfo } from './csrInfo';
export { verifyChain, type ChainLink } from './verifyChain';
export { readPkcs12, type Pkcs12Contents } from './readPkcs12';
export { createPkcs12, type CreatePkcs12Options } from './createPkcs12';
export { exportPkcs12, type ExportPkcs12Options } from './exportPkcs12';
export * from './inspect';
export { summarizeCertificate, type CertificateSummary, type SummaryOptions } from './certificateSummary';
export { summarizeBytes, type SummaryResult, type SummarizeOptions } from './summarizeBytes';
export { FileExistsError } from '../fs/safeWrite';

import { sign, type KeyObject } from 'node:crypto';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';

/**
 * OIDs of the signature algorithms we sign with (RFC 4055 §5, RFC 5758 §3.2). Spelled out because
 * @peculiar/asn1-rsa 2.x's `sha256WithRSAEncryption` constant carries the sha512-256 OID.
 */
const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';

/** Thrown for a key type we do not sign with (only RSA and EC are used by Thredd). */
export class UnsupportedKeyError extends Error {}

/**
 * The AlgorithmIdentifier for a SHA-256 signature by this key: RSA carries explicit NULL
 * parameters (RFC 4055 §5), ECDSA carries none (RFC 5758 §3.2).
 */
export function sha256SignatureAlgorithm(key: KeyObject): AlgorithmIdentifier {
  if (key.asymmetricKeyType === 'rsa') {
    return new AlgorithmIdentifier({ algorithm: SHA256_WITH_RSA, parameters: null });
  }
  if (key.asymmetricKeyType === 'ec') return new AlgorithmIdentifier({ algorithm: ECDSA_WITH_SHA256 });
  throw new UnsupportedKeyError(`${key.asymmetricKeyType ?? 'this'} keys are not supported: use an RSA or EC (P-256) key`);
}

/** Signs DER bytes with Node's native crypto (PKCS#1 v1.5 for RSA, DER-encoded ECDSA for EC). */
export function signSha256(data: Uint8Array, privateKey: KeyObject): Buffer {
  sha256SignatureAlgorithm(privateKey); // rejects unsupported key types with a clear message
  return sign('sha256', data, privateKey);
}

const SIGNATURE_ALGORITHMS: Record<string, { name: string; hash?: string }> = {
  '1.2.840.113549.1.1.5': { name: 'sha1WithRSAEncryption', hash: 'sha1' },
  [SHA256_WITH_RSA]: { name: 'sha256WithRSAEncryption', hash: 'sha256' },
  '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption', hash: 'sha384' },
  '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption', hash: 'sha512' },
  '1.2.840.113549.1.1.10': { name: 'rsassaPss' },
  '1.2.840.10045.4.1': { name: 'ecdsa-with-SHA1', hash: 'sha1' },
  [ECDSA_WITH_SHA256]: { name: 'ecdsa-with-SHA256', hash: 'sha256' },
  '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384', hash: 'sha384' },
  '1.2.840.10045.4.3.4': { name: 'ecdsa-with-SHA512', hash: 'sha512' },
};

/** OpenSSL's name for a signature algorithm OID (the OID itself when unknown). */
export function signatureAlgorithmName(oid: string): string {
  return SIGNATURE_ALGORITHMS[oid]?.name ?? oid;
}

/** The digest to verify a PKCS#1 v1.5 or ECDSA signature with, or undefined when we cannot. */
export function signatureHash(oid: string): string | undefined {
  return SIGNATURE_ALGORITHMS[oid]?.hash;
}

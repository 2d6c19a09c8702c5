import { generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

export const KEY_ALGORITHMS = ['rsa2048', 'rsa3072', 'rsa4096', 'p256'] as const;
export type KeyAlgorithm = (typeof KEY_ALGORITHMS)[number];

const generate = promisify(generateKeyPair);

/**
 * A new key pair from Node's native crypto (OpenSSL underneath), off the main thread. Never
 * node-forge: its pure-JavaScript RSA prime search is many times slower.
 */
export async function generateKeyPairFor(algorithm: KeyAlgorithm): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  switch (algorithm) {
    case 'rsa2048':
      return generate('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
    case 'rsa3072':
      return generate('rsa', { modulusLength: 3072, publicExponent: 0x10001 });
    case 'rsa4096':
      return generate('rsa', { modulusLength: 4096, publicExponent: 0x10001 });
    case 'p256':
      return generate('ec', { namedCurve: 'P-256' });
  }
}

/** Describes a public or private key the way `openssl pkey -text` headlines it. */
export interface KeyDescription {
  type: 'RSA' | 'EC' | string;
  /** RSA modulus size in bits, or the curve's size for EC. */
  bits?: number;
  /** EC curve, e.g. "P-256". */
  curve?: string;
}

const CURVE_NAMES: Record<string, { name: string; bits: number }> = {
  prime256v1: { name: 'P-256', bits: 256 },
  secp384r1: { name: 'P-384', bits: 384 },
  secp521r1: { name: 'P-521', bits: 521 },
};

export function describeKey(key: KeyObject): KeyDescription {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss') return { type: 'RSA', bits: details.modulusLength };
  if (key.asymmetricKeyType === 'ec') {
    const curve = CURVE_NAMES[details.namedCurve ?? ''];
    return { type: 'EC', bits: curve?.bits, curve: curve?.name ?? details.namedCurve };
  }
  return { type: (key.asymmetricKeyType ?? 'unknown').toUpperCase() };
}

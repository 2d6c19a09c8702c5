import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { SigningAlgorithm } from '../config/types';
import { readNamedFile } from '../fs/readNamedFile';
import { UserError } from '../errors/userError';

/** A signing key that cannot be used, or does not fit the algorithm; the message says which file and what to do. */
export class SigningKeyError extends UserError {
  static override readonly kind: string = 'SigningKeyError';

  constructor(message: string, fix: string) {
    super(message, fix);
  }
}

/**
 * Loads a private key in any PEM form OpenSSL writes (PKCS#8, PKCS#1 "RSA PRIVATE KEY", SEC1
 * "EC PRIVATE KEY", encrypted with a passphrase) through Node's crypto. The key text is never logged.
 */
export function parseSigningKey(pem: string | Buffer, source: string, passphrase?: string): KeyObject {
  try {
    return createPrivateKey({ key: pem, format: 'pem', passphrase });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const text = `${code} ${(error as Error).message}`;
    // OpenSSL 3 reports a missing passphrase as "interrupted or cancelled" (its prompt was refused).
    if (
      code === 'ERR_MISSING_PASSPHRASE' ||
      (!passphrase && /interrupted or cancelled|ENCRYPTED/i.test(`${text} ${pem.toString().slice(0, 64)}`))
    ) {
      throw new SigningKeyError(
        `${source} is encrypted and no passphrase was given.`,
        'Set "passphrase" under "auth" in thredd.json (use ${env:NAME}), or pass --passphrase-env.',
      );
    }
    if (/bad decrypt|BAD_DECRYPT|bad password/i.test(text)) {
      throw new SigningKeyError(`The passphrase for ${source} is wrong.`, 'Check the passphrase the key was encrypted with.');
    }
    throw new SigningKeyError(
      `${source} is not a PEM private key (${(error as Error).message}).`,
      'Point "key" at the Signing Certificate\'s private key (-----BEGIN PRIVATE KEY-----), not the certificate or CSR.',
    );
  }
}

export async function loadSigningKey(file: string, passphrase?: string): Promise<KeyObject> {
  const fix = 'Fix "key" in thredd.json (relative to thredd.json), or generate the key with "Thredd: Generate Key and CSR…".';
  const pem = await readNamedFile(file, 'The signing key', (message) => new SigningKeyError(message, fix));
  return parseSigningKey(pem, file, passphrase);
}

function describeKey(key: KeyObject): string {
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss')
    return `an ${key.asymmetricKeyType.toUpperCase()} ${details?.modulusLength ?? '?'}-bit key`;
  if (key.asymmetricKeyType === 'ec') return `an EC ${details?.namedCurve ?? '?'} key`;
  return `an ${key.asymmetricKeyType ?? 'unknown'} key`;
}

/** RS256 for RSA keys, PS256 for RSA-PSS keys, ES256 for P-256 keys (Thredd guide: RS256 by default). */
export function defaultAlgorithm(key: KeyObject): SigningAlgorithm {
  if (key.asymmetricKeyType === 'ec') return 'ES256';
  if (key.asymmetricKeyType === 'rsa-pss') return 'PS256';
  return 'RS256';
}

/** Refuses an algorithm the key cannot sign with, before the server does it with a vaguer message. */
export function checkAlgorithm(alg: SigningAlgorithm, key: KeyObject, source: string): void {
  const type = key.asymmetricKeyType;
  const details = key.asymmetricKeyDetails;
  if (key.type !== 'private')
    throw new SigningKeyError(`${source} holds a public key; signing needs the private key.`, 'Point "key" at the private key file.');
  if (alg === 'ES256') {
    if (type !== 'ec' || details?.namedCurve !== 'prime256v1') {
      throw new SigningKeyError(
        `ES256 needs an EC P-256 key, but ${source} is ${describeKey(key)}.`,
        type === 'ec' ? 'Use the P-256 signing key registered for this kid.' : 'Set "alg": "RS256" (or "PS256") for this RSA key.',
      );
    }
    return;
  }
  if (type !== 'rsa' && type !== 'rsa-pss') {
    throw new SigningKeyError(
      `${alg} needs an RSA key, but ${source} is ${describeKey(key)}.`,
      type === 'ec' ? 'Set "alg": "ES256" for this key.' : 'Use an RSA 2048 (or P-256 with ES256) signing key.',
    );
  }
  if (alg === 'RS256' && type === 'rsa-pss') {
    throw new SigningKeyError(`${source} is an RSA-PSS key, which can only sign PS256.`, 'Set "alg": "PS256".');
  }
  if ((details?.modulusLength ?? 0) < 2048) {
    throw new SigningKeyError(
      `${source} is ${describeKey(key)}; ${alg} needs 2048 bits or more.`,
      'Generate a new RSA 2048 signing key and CSR.',
    );
  }
}

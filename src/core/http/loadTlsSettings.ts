import { createHash } from 'node:crypto';
import * as tls from 'node:tls';
import type { ClientCertificate, Environment } from '../config/types';
import { readNamedFile } from '../fs/readNamedFile';
import { readableName } from '../x509/x509Text';
import { certificateOfKey, checkKeyFile, readCertificateFile, type CertificateFile } from './clientCertificateFiles';
import { TlsConfigError } from './tlsConfigError';
import type { ClientCertificateMaterial, TlsSettings } from './types';

export { TlsConfigError } from './tlsConfigError';

const PATH_FIX = 'Fix the path in thredd.json (relative to thredd.json), or generate the key and CSR first.';

function readFile(file: string, what: string): Promise<Buffer> {
  return readNamedFile(file, `The ${what} file`, (message) => new TlsConfigError(message, PATH_FIX, file));
}

/**
 * Reads the client certificate files named in thredd.json and checks Node can use them (cert matches
 * key, passphrase right) so a mistake is reported with the file, not as a failed handshake later.
 * `passphrase` overrides the configured one (e.g. from SecretStorage).
 */
export async function loadClientCertificate(config: ClientCertificate, passphrase = config.passphrase): Promise<ClientCertificateMaterial> {
  let certificateFile: CertificateFile | undefined;
  let material: ClientCertificateMaterial;
  if (config.kind === 'pem') {
    certificateFile = readCertificateFile(await readFile(config.cert, 'certificate'), config.cert);
    const key = await readFile(config.key, 'private key');
    checkKeyFile(key, config.key);
    const [leaf] = certificateFile.certificates;
    const validity = { notBefore: new Date(leaf.validFrom).toISOString(), notAfter: new Date(leaf.validTo).toISOString() };
    material = {
      kind: 'pem',
      cert: certificateFile.pem,
      key: key.toString('utf8'),
      passphrase,
      id: '',
      source: `${config.cert} + ${config.key}`,
      validity,
    };
  } else {
    material = { kind: 'pfx', pfx: await readFile(config.pfx, 'PKCS#12'), passphrase, id: '', source: config.pfx };
  }
  try {
    tls.createSecureContext(
      material.kind === 'pem' ? { cert: material.cert, key: material.key, passphrase } : { pfx: material.pfx, passphrase },
    );
  } catch (error) {
    throw describeLoadFailure(error as Error & { code?: string }, material, config, certificateFile);
  }
  const hash = createHash('sha256');
  if (material.kind === 'pem') hash.update(material.cert).update('\0').update(material.key);
  else hash.update(material.pfx);
  hash.update('\0').update(passphrase ?? '');
  material.id = hash.digest('base64url');
  return material;
}

function describeLoadFailure(
  error: Error & { code?: string },
  material: ClientCertificateMaterial,
  config: ClientCertificate,
  certificateFile?: CertificateFile,
): TlsConfigError {
  const text = `${error.code ?? ''} ${error.message}`;
  const file = material.kind === 'pem' ? material.key : material.source;
  if (/bad decrypt|mac verify|BAD_PASSWORD|bad password|PKCS12_PARSE|interrupted or cancelled/i.test(text)) {
    return new TlsConfigError(
      material.passphrase
        ? `The passphrase for ${material.source} is wrong.`
        : `${material.source} is encrypted and no passphrase was given.`,
      'Set "passphrase" under "mtls" in thredd.json (use ${env:NAME}), or store it with "Thredd: Set Client Secret".',
      file,
    );
  }
  if (/KEY_VALUES_MISMATCH|key values mismatch/i.test(text) && material.kind === 'pem' && config.kind === 'pem' && certificateFile) {
    const { certificates } = certificateFile;
    const owner = certificateOfKey(certificates, material.key, material.passphrase);
    if (owner !== undefined && owner > 0) {
      return new TlsConfigError(
        `${config.cert} is out of order: the key ${config.key} belongs to certificate ${owner + 1} (` +
          `${readableName(certificates[owner].subject)}), but certificate 1 (` +
          `${readableName(certificates[0].subject)}) comes first.`,
        'Put the Transport Certificate first in the file, then the CA certificates that issued it.',
        config.cert,
      );
    }
    return new TlsConfigError(
      `The key ${config.key} does not belong to the certificate ${config.cert}.`,
      'Pair the certificate with the key its CSR was made from.',
      file,
    );
  }
  return new TlsConfigError(
    `${material.source} is not a usable client certificate: ${error.message}.`,
    'Use a PEM certificate + PEM key, or a PKCS#12 (.pfx/.p12) file.',
    file,
  );
}

/** Where a CA file comes from, when not thredd.json's "ca": a command-line flag such as "--ca". */
export interface CaSource {
  flag?: string;
}

/**
 * Reads an extra CA file and checks it holds PEM certificates. Its errors say how to fix it where it was named:
 * thredd.json's "ca", or the flag in `source`.
 */
export async function loadCa(file: string, source: CaSource = {}): Promise<string> {
  const where = source.flag ? `Pass ${source.flag}` : 'Point "ca" at';
  const fix = `${where} the PEM file of the CA chain (-----BEGIN CERTIFICATE-----).`;
  const name = source.flag ? `The ${source.flag} file` : 'The CA file';
  const pem = (await readNamedFile(file, name, (message) => new TlsConfigError(message, source.flag ? fix : PATH_FIX, file))).toString(
    'utf8',
  );
  try {
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no PEM certificate found');
    tls.createSecureContext({ ca: pem });
  } catch (error) {
    throw new TlsConfigError(`${file} is not a PEM CA certificate: ${(error as Error).message}.`, fix, file);
  }
  return pem;
}

/** The TLS settings of an environment, files loaded: what the token client and runner pass to HttpClient. */
export async function loadTlsSettings(
  environment: Pick<Environment, 'clientCertificate' | 'ca' | 'insecure'>,
  options: { certificatePassphrase?: string } = {},
): Promise<TlsSettings> {
  const settings: TlsSettings = { insecure: environment.insecure };
  if (environment.clientCertificate) {
    settings.clientCertificate = await loadClientCertificate(
      environment.clientCertificate,
      options.certificatePassphrase ?? environment.clientCertificate.passphrase,
    );
  }
  if (environment.ca) {
    settings.ca = await loadCa(environment.ca);
    settings.caSource = environment.ca;
  }
  return settings;
}

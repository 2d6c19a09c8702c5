import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileExistsError } from '../../core/fs/safeWrite';
import { CERTIFICATE_TYPES, keyAndCsrPaths, type CertificateType } from '../../core/pki/certificateFiles';
import { generateKeyPairFor, KEY_ALGORITHMS, type KeyAlgorithm } from '../../core/pki/keyAlgorithms';
import { CliError, type CliCommand } from '../command';
import { filePath, passphraseFromEnv, stringOption } from './pkiCliSupport';

const TYPE_TITLES: Record<CertificateType, string> = { transport: 'Transport', signing: 'Signing', encryption: 'Encryption' };

const USAGE =
  'thredd csr --type transport|signing|encryption --cn NAME [--o ORG] [--ou UNIT] [--c CC] [--key ' +
  'rsa2048|rsa3072|rsa4096|p256] [--out DIR] [--passphrase-env VAR] [--json]';

export const csrCommand: CliCommand = {
  path: ['csr'],
  summary: 'Generate a private key and CSR for a Thredd Transport, Signing or Encryption certificate',
  usage: USAGE,
  options: {
    type: { type: 'string' },
    cn: { type: 'string' },
    o: { type: 'string' },
    ou: { type: 'string' },
    c: { type: 'string' },
    key: { type: 'string' },
    out: { type: 'string' },
    'passphrase-env': { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    const type = stringOption(values, 'type');
    if (!type || !(CERTIFICATE_TYPES as readonly string[]).includes(type))
      throw new CliError(`--type must be one of: ${CERTIFICATE_TYPES.join(', ')}. Usage: ${USAGE}`);
    const keyAlgorithm = stringOption(values, 'key') ?? 'rsa2048';
    if (!(KEY_ALGORITHMS as readonly string[]).includes(keyAlgorithm))
      throw new CliError(`--key must be one of: ${KEY_ALGORITHMS.join(', ')} (Thredd Portal's command uses rsa2048).`);
    if (!stringOption(values, 'cn')) throw new CliError(`--cn is required: the name of your application. Usage: ${USAGE}`);
    const passphrase = passphraseFromEnv(values, 'passphrase-env', io);
    const subject = {
      country: stringOption(values, 'c'),
      organization: stringOption(values, 'o'),
      organizationalUnit: stringOption(values, 'ou'),
      commonName: stringOption(values, 'cn'),
    };

    const outDir = filePath(io, stringOption(values, 'out') ?? '.');
    // Refuse before the work starts; generateKeyAndCsr checks again just before writing.
    const targets = keyAndCsrPaths(outDir, type as CertificateType, subject.commonName!);
    for (const target of [targets.keyPath, targets.csrPath]) if (fs.existsSync(target)) throw new FileExistsError(target);
    // The prime search (OpenSSL, on libuv's thread pool) runs while the ASN.1 and CSR code loads.
    const pendingKeyPair = generateKeyPairFor(keyAlgorithm as KeyAlgorithm);
    pendingKeyPair.catch(() => undefined); // awaited below; a failure is reported there
    const { buildName, describeKey, formatName, generateKeyAndCsr } = await import('../../core/pki');
    const generated = await generateKeyAndCsr({
      type: type as CertificateType,
      subject,
      keyAlgorithm: keyAlgorithm as KeyAlgorithm,
      outDir,
      passphrase,
      pendingKeyPair,
    });
    const subjectText = formatName(buildName(subject));
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            type,
            keyAlgorithm,
            subject: subjectText,
            keyPath: generated.keyPath,
            csrPath: generated.csrPath,
            keyEncrypted: passphrase !== undefined,
            csrPem: generated.csrPem,
          },
          null,
          2,
        ) + '\n',
      );
      return 0;
    }
    const key = describeKey(generated.privateKey);
    io.out(
      [
        `Key: ${generated.keyPath}  (${key.type} ${key.curve ?? key.bits}, ` +
          `${passphrase ? 'encrypted' : 'unencrypted'} PKCS#8, readable only by you)`,
        `CSR: ${generated.csrPath}  (${subjectText})`,
        '',
        `Next: in Thredd Portal open Applications → Certificates → New Certificate, choose ` +
          `${TYPE_TITLES[type as CertificateType]} and upload ${path.basename(generated.csrPath)}.`,
        `Keep ${path.basename(generated.keyPath)} private: it never leaves this machine and cannot be recovered if lost.`,
        '',
      ].join('\n'),
    );
    return 0;
  },
};

import * as fs from 'node:fs';
import { readNamedFile } from '../../fs/readNamedFile';
import { loadClientCertificate, type ClientCertificateMaterial } from '../../http';
import { EhiCheckError } from './ehiCheckError';
import { certificatesOf } from './trustAnchors';
import type { CaCertificates, EhiCheckOptions } from './types';

/** The check's inputs as files, the way the CLI flags and the VS Code command's args name them. */
export interface EhiCheckFiles {
  url: string;
  mtls?: boolean;
  ca?: string;
  clientCa?: string;
  cert?: string;
  key?: string;
  /** The sandbox's EHI client certificate, used with mtls when cert/key are not given. */
  sandboxClientCertificate: { cert: string; key: string };
  timeoutMs?: number;
}

/** A CA file's text and its certificates, read and parsed once: the check needs both. */
async function readCaFile(file: string, flag: string): Promise<CaCertificates> {
  const name = `The ${flag} file`;
  const fix = `Pass ${flag} the path of a PEM certificate file.`;
  const pem = (await readNamedFile(file, name, (message) => new EhiCheckError(message, fix))).toString('utf8');
  const certificates = certificatesOf(pem, `${name} ${file}`);
  if (certificates.length === 0) {
    throw new EhiCheckError(`${name} ${file} holds no certificate.`, `Pass ${flag} a PEM file with -----BEGIN CERTIFICATE----- blocks.`);
  }
  return { pem, certificates };
}

/** Reads the files and picks the client certificate: --cert/--key, else the sandbox's EHI client certificate. */
export async function loadCheckOptions(files: EhiCheckFiles): Promise<EhiCheckOptions> {
  if ((files.cert === undefined) !== (files.key === undefined)) {
    throw new EhiCheckError('--cert and --key go together.', 'Pass both the client certificate (--cert) and its key (--key), or neither.');
  }
  const options: EhiCheckOptions = { url: files.url, mtls: files.mtls, timeoutMs: files.timeoutMs };
  if (files.ca) options.ca = await readCaFile(files.ca, '--ca');
  if (files.clientCa) options.clientCa = (await readCaFile(files.clientCa, '--client-ca')).certificates;
  if (!files.mtls) return options;
  const explicit = files.cert !== undefined && files.key !== undefined;
  const pair = explicit ? { cert: files.cert!, key: files.key! } : files.sandboxClientCertificate;
  const missing = [pair.cert, pair.key].find((file) => !fs.existsSync(file));
  if (missing && explicit)
    throw new EhiCheckError(`The client certificate file ${missing} does not exist.`, 'Check the --cert and --key paths.');
  if (missing) {
    options.clientCertificateProblem = {
      message: `No client certificate: the sandbox's EHI client certificate ${missing} does not exist.`,
      fix: 'Pass --cert and --key, or run `thredd sandbox init` to create the sandbox EHI client certificate.',
    };
    return options;
  }
  options.clientCertificate = (await loadClientCertificate({ kind: 'pem', ...pair })) as Extract<
    ClientCertificateMaterial,
    { kind: 'pem' }
  >;
  return options;
}

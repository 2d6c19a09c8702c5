import * as fs from 'node:fs';
import { loadClientCertificate, type ClientCertificateMaterial } from '../../http';
import { EhiCheckError } from './ehiCheckError';
import { certificatesOf } from './trustAnchors';
import type { EhiCheckOptions } from './types';

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

async function readPem(file: string, flag: string): Promise<string> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new EhiCheckError(
      missing ? `The ${flag} file ${file} does not exist.` : `The ${flag} file ${file} cannot be read: ${(error as Error).message}.`,
      `Pass ${flag} the path of a PEM certificate file.`,
    );
  }
  if (certificatesOf(text, `The ${flag} file ${file}`).length === 0) {
    throw new EhiCheckError(
      `The ${flag} file ${file} holds no certificate.`,
      `Pass ${flag} a PEM file with -----BEGIN CERTIFICATE----- blocks.`,
    );
  }
  return text;
}

/** Reads the files and picks the client certificate: --cert/--key, else the sandbox's EHI client certificate. */
export async function loadCheckOptions(files: EhiCheckFiles): Promise<EhiCheckOptions> {
  if ((files.cert === undefined) !== (files.key === undefined)) {
    throw new EhiCheckError('--cert and --key go together.', 'Pass both the client certificate (--cert) and its key (--key), or neither.');
  }
  const options: EhiCheckOptions = { url: files.url, mtls: files.mtls, timeoutMs: files.timeoutMs };
  if (files.ca) options.ca = await readPem(files.ca, '--ca');
  if (files.clientCa) options.clientCa = await readPem(files.clientCa, '--client-ca');
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

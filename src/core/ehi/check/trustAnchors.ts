import { X509Certificate } from 'node:crypto';
import * as tls from 'node:tls';
import { parsePemBlocks } from '../../x509/pem';
import { EhiCheckError } from './ehiCheckError';

let bundledRoots: X509Certificate[] | undefined;

/** Node's bundled Mozilla roots (what Node trusts by default), parsed once per process. */
function nodeRoots(): X509Certificate[] {
  return (bundledRoots ??= tls.rootCertificates.map((pem) => new X509Certificate(pem)));
}

/** The certificates of a PEM text; `source` names the file in the error. */
export function certificatesOf(pem: string, source: string): X509Certificate[] {
  try {
    return parsePemBlocks(pem)
      .filter((block) => block.label === 'CERTIFICATE')
      .map((block) => new X509Certificate(block.der));
  } catch (error) {
    throw new EhiCheckError(
      `${source} holds no readable PEM certificate (${(error as Error).message}).`,
      'Pass a PEM file (-----BEGIN CERTIFICATE-----).',
    );
  }
}

/** What a server chain may end at: Node's roots plus the --ca certificates (private CAs and tests). */
export function trustAnchors(extraCa: X509Certificate[] = []): X509Certificate[] {
  return [...nodeRoots(), ...extraCa];
}

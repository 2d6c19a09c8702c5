import { loadCa } from '../http/loadTlsSettings';
import { TlsConfigError } from '../http/tlsConfigError';

/** An environment's `proxyCa` file as PEM; a bad file names "proxyCa", not the API's "ca". */
export async function loadProxyCa(environment: string, file: string): Promise<string> {
  try {
    return await loadCa(file);
  } catch (error) {
    if (!(error instanceof TlsConfigError)) throw error;
    throw new TlsConfigError(
      `"proxyCa" of environment "${environment}": ${error.message}`,
      'Point "proxyCa" at the PEM file of the CA that issued the proxy\'s certificate.',
      error.file,
    );
  }
}

import type { Environment } from '../../core/config';
import { createHttpClient, type HttpClient, type HttpClientOptions, type NetworkOptions } from '../../core/http';
import { loadProxyCa, networkOptionsFor } from '../../core/proxy';
import { CliError, type CliIo, type CliOptions, type CliValues } from '../command';

/** The proxy flags of every command that sends: they rank below thredd.json's "proxy" and above HTTPS_PROXY. */
export const PROXY_OPTIONS: CliOptions = { proxy: { type: 'string' }, 'no-proxy': { type: 'boolean' } };

export const PROXY_USAGE = '[--proxy URL | --no-proxy]';

/**
 * The one place a CLI command gets its HttpClient: made through createHttpClient with the network the
 * proxy decision gives for the command's environment, its flags and the process environment, and closed
 * when the command ends, however it ends. Failures need no mapping: the CLI's main prints any UserError
 * the work throws.
 */
export async function withHttpClient<T>(
  values: CliValues,
  io: CliIo,
  environment: Environment | undefined,
  work: (http: HttpClient) => Promise<T>,
  /** Anything else the command needs of the client (e.g. more connections per origin for parallel runs). */
  clientOptions: Omit<HttpClientOptions, 'network'> = {},
): Promise<T> {
  const http = createHttpClient({ ...clientOptions, network: await networkFromOptions(values, io, environment) });
  try {
    return await work(http);
  } finally {
    await http.close();
  }
}

/** The route decision from the environment's proxy and proxyCa, --proxy/--no-proxy and HTTPS_PROXY/NO_PROXY. */
export async function networkFromOptions(values: CliValues, io: CliIo, environment: Environment | undefined): Promise<NetworkOptions> {
  const proxy = typeof values.proxy === 'string' ? values.proxy : undefined;
  const noProxy = values['no-proxy'] === true;
  if (proxy !== undefined && noProxy) throw new CliError(`--proxy and --no-proxy contradict each other: pass one of them.`);
  return networkOptionsFor({
    environment: environment && { name: environment.name, proxy: environment.proxy },
    cli: { proxy, noProxy },
    env: io.env,
    proxyCa: environment?.proxyCa ? await loadProxyCa(environment.name, environment.proxyCa) : undefined,
  });
}

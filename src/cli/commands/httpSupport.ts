import { createHttpClient, type HttpClient } from '../../core/http';
import type { CliIo, CliValues } from '../command';

/**
 * The one place a CLI command gets its HttpClient: made through createHttpClient (network settings from
 * the command line and the environment belong here), and closed when the command ends, however it
 * ends. Failures need no mapping: the CLI's main prints any UserError the work throws.
 */
export async function withHttpClient<T>(_values: CliValues, _io: CliIo, work: (http: HttpClient) => Promise<T>): Promise<T> {
  const http = createHttpClient();
  try {
    return await work(http);
  } finally {
    await http.close();
  }
}

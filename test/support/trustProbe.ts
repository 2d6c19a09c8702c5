// Child process for extraCaKeepsRoots.test.ts: sends GET to each URL with the given extra CA (or
// none), then again without any, in the same process, and prints one JSON line of outcomes, so the
// test can run it under another trust store and see the CA did not leak into the shared roots.
import * as fs from 'node:fs';
import { createHttpClient, HttpClient, HttpError } from '../../src/core/http';

const [caFile, ...urls] = process.argv.slice(2);
const ca = caFile === '-' ? undefined : fs.readFileSync(caFile, 'utf8');

async function outcomes(client: HttpClient, withCa: string | undefined): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const url of urls) {
    try {
      result[url] = String((await client.send({ method: 'GET', url, tls: { ca: withCa } })).status);
    } catch (error) {
      result[url] = error instanceof HttpError ? error.kind : String(error);
    }
  }
  return result;
}

async function main(): Promise<void> {
  const client = createHttpClient();
  const withCa = await outcomes(client, ca);
  const withoutCa = await outcomes(client, undefined);
  await client.close();
  console.log(JSON.stringify({ withCa, withoutCa }));
}

void main();

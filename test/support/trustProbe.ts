// Child process for extraCaKeepsRoots.test.ts: sends GET to each URL with the given extra CA
// (or none) and prints one JSON line of outcomes, so the test can run it under another trust store.
import * as fs from 'node:fs';
import { HttpClient, HttpError } from '../../src/core/http';

const [caFile, ...urls] = process.argv.slice(2);
const ca = caFile === '-' ? undefined : fs.readFileSync(caFile, 'utf8');
const client = new HttpClient();

async function main(): Promise<void> {
  const outcomes: Record<string, string> = {};
  for (const url of urls) {
    try {
      outcomes[url] = String((await client.send({ method: 'GET', url, tls: { ca } })).status);
    } catch (error) {
      outcomes[url] = error instanceof HttpError ? error.kind : String(error);
    }
  }
  await client.close();
  console.log(JSON.stringify(outcomes));
}

void main();

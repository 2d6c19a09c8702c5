import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../../src/cli/main';
import { OPERATIONS, operationById } from '../../../src/core/catalogue';

const BASE_URL = 'https://cards.example.test';

/** A request as `thredd run --dry-run --reporter json` reports it. */
interface DryRequest {
  name: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

/** The path with the example's parameter values: none of them is masked (a public token is an id, not a secret). */
function filledIn(operationPath: string, pathParams: Readonly<Record<string, string>> = {}): string {
  return operationPath.replace(/\{(\w+)\}/g, (_match, name: string) => pathParams[name]);
}

describe('what thredd api show prints, saved as a .thredd file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-api-show-'));
  const config = { defaultEnvironment: 'uat', environments: { uat: { baseUrl: BASE_URL } } };
  fs.writeFileSync(path.join(dir, 'thredd.json'), JSON.stringify(config));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function thredd(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text), env: {}, cwd: dir });
    return { code, stdout, stderr };
  }

  /** `thredd api show ARGS > FILE`, then `thredd run FILE --dry-run --reporter json`: the request as it would be sent. */
  async function showThenDryRun(file: string, ...show: string[]) {
    const shown = await thredd('api', 'show', ...show);
    assert.equal(shown.code, 0, shown.stderr);
    fs.writeFileSync(path.join(dir, file), shown.stdout);
    const dry = await thredd('run', file, '--dry-run', '--reporter', 'json');
    assert.equal(dry.code, 0, `${show.join(' ')}: ${dry.stderr}${dry.stdout}`);
    return JSON.parse(dry.stdout).requests as DryRequest[];
  }

  it('is a request file thredd run accepts: cards.create as it would be sent, with a fresh idempotencyKey', async () => {
    const [request, ...others] = await showThenDryRun('create.thredd', 'cards.create');
    assert.deepEqual(others, []);
    assert.equal(request.name, 'cardsCreate');
    assert.equal(request.method, 'POST');
    assert.equal(request.url, `${BASE_URL}/core/api/v1/cards`);
    assert.equal(request.headers['Content-Type'], 'application/json');
    assert.match(request.headers.idempotencyKey, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual(JSON.parse(request.body ?? ''), operationById('cards.create').examples[0].request.body);
  });

  it('runs for every example of every operation, under both API roots, path parameters filled in', async () => {
    for (const operation of OPERATIONS) {
      for (const example of operation.examples) {
        for (const root of ['/core/api/v1', '/api/v1']) {
          const [request] = await showThenDryRun('shown.thredd', operation.id, '--example', example.id, '--root', root);
          const where = `${operation.id} --example ${example.id} --root ${root}`;
          assert.equal(new URL(request.url).pathname, `${root}${filledIn(operation.path, example.request.pathParams)}`, where);
          assert.equal(request.method, operation.method, where);
        }
      }
    }
  });
});

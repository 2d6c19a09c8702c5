import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../../../src/cli/main';
import { OPERATIONS, operationById } from '../../../src/core/catalogue';
import { parseRequestFile } from '../../../src/core/requestFile';

const LIST_HINT = 'Run "thredd api list" to see them all.';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text), env: {}, cwd: process.cwd() });
  return { code, stdout, stderr };
}

describe('thredd api list', () => {
  it('is listed, with thredd api show, by "thredd api"', async () => {
    const { code, stdout } = await run('api');
    assert.equal(code, 0);
    assert.match(stdout, /^Commands:\n {2}api list {2}List the operations .*\n {2}api show {2}Show one operation: .*\n$/m);
  });

  it('prints an aligned table of every operation, headed, with method, path, scope and idempotency', async () => {
    const { code, stdout, stderr } = await run('api', 'list');
    assert.equal(code, 0, stderr);
    const lines = stdout.split('\n');
    assert.match(lines[0], /^ID +METHOD +PATH +SCOPE +IDEMPOTENCY +SUMMARY$/);
    const rows = lines.slice(1, OPERATIONS.length + 1);
    assert.deepEqual(
      rows.map((row) => row.split(/ +/, 1)[0]),
      OPERATIONS.map((operation) => operation.id),
    );
    const create = rows.find((row) => row.startsWith('cards.create '))!;
    assert.match(create, /^cards\.create +POST +\/cards +cards\.write +yes +Creates a card /);
    assert.match(
      rows.find((row) => row.startsWith('cards.update '))!,
      / PATCH +\/cards\/\{publicToken\} +cards\.write +no +/,
    );
    // Aligned: every row's method starts in the header's METHOD column.
    const column = lines[0].indexOf('METHOD');
    for (const row of rows) assert.match(row.slice(column), /^(GET|POST|PUT|PATCH|DELETE) /, row);
    assert.match(stdout, /\nPaths are relative to \/core\/api\/v1 \(API Hub, the sandbox\) or \/api\/v1 \(Cards API\)\.\n/);
  });

  it('prints the operations as data with --json: statuses, example ids and whether a body is sent', async () => {
    const { code, stdout } = await run('api', 'list', '--json');
    assert.equal(code, 0);
    const listed = JSON.parse(stdout) as Record<string, unknown>[];
    assert.equal(listed.length, OPERATIONS.length);
    assert.deepEqual(
      listed.find((operation) => operation.id === 'cards.status.update'),
      {
        id: 'cards.status.update',
        method: 'PUT',
        path: '/cards/{publicToken}/status',
        summary: operationById('cards.status.update').summary,
        scope: 'cards.write',
        idempotencyKey: true,
        requestBody: true,
        responses: [200, 400, 401, 403, 404, 422, 500],
        examples: ['activate', 'temporary-block', 'permanent-status', 'thredd-only-status', 'no-status', 'unknown-card'],
      },
    );
    assert.equal(listed.find((operation) => operation.id === 'products.list')?.requestBody, false);
  });

  it('refuses arguments, pointing to thredd api show', async () => {
    const { code, stderr } = await run('api', 'list', 'cards.create');
    assert.equal(code, 1);
    assert.match(stderr, /^thredd: thredd api list takes no arguments; to see one operation: thredd api show OPERATION/);
  });
});

describe('thredd api show', () => {
  it('describes the operation in comment lines: both API roots, scope, idempotency, every status', async () => {
    const { code, stdout, stderr } = await run('api', 'show', 'cards.create');
    assert.equal(code, 0, stderr);
    const operation = operationById('cards.create');
    assert.ok(stdout.startsWith(`# cards.create: ${operation.summary}\n#\n`));
    assert.match(stdout, /^# {3}POST \/core\/api\/v1\/cards {2}\(API Hub: .*the sandbox\)$/m);
    assert.match(stdout, /^# {3}POST \/api\/v1\/cards {7}\(Cards API: api\.uat\.threddpay\.com\)$/m);
    assert.match(stdout, /^# Scope: cards\.write$/m);
    assert.match(stdout, /^# Idempotency: send a GUID as idempotencyKey; a repeat with the same key within an hour/m);
    for (const [status, response] of Object.entries(operation.responses)) {
      assert.ok(stdout.includes(`\n#   ${status}  ${response.description}\n`), status);
    }
    assert.match(stdout, /^# Examples: physical-card \(200, below\), virtual-card \(200\), missing-date-of-birth \(400\), /m);
    assert.doesNotMatch(stdout, /Parameters:/, 'cards.create has none');
  });

  it('prints the first success example as a request that parses back without errors', async () => {
    const { stdout } = await run('api', 'show', 'cards.create');
    const parsed = parseRequestFile(stdout);
    assert.deepEqual(
      parsed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
      [],
    );
    const [request] = parsed.requests;
    assert.equal(parsed.requests.length, 1);
    assert.equal(request.name, 'cardsCreate');
    assert.equal(request.url, '{{baseUrl}}/core/api/v1/cards');
    const example = operationById('cards.create').examples[0];
    assert.deepEqual(JSON.parse(request.body?.kind === 'text' ? request.body.text : ''), example.request.body);
  });

  it('lists path parameters and defines them as file variables with the example values', async () => {
    const { code, stdout } = await run('api', 'show', 'cards.status.update', '--example', 'temporary-block');
    assert.equal(code, 0);
    assert.match(stdout, /^# Parameters:\n# {3}publicToken {2}path, required: The card's public token/m);
    assert.match(stdout, /^# Examples: activate \(200\), temporary-block \(200, below\), /m);
    assert.match(stdout, /\n@publicToken = 402718355\n\n### /, 'the variable comes before the request');
    assert.match(stdout, /^PUT \{\{baseUrl\}\}\/core\/api\/v1\/cards\/\{\{publicToken\}\}\/status$/m);
    assert.match(stdout, /^# @expect status 200$/m);
    const transactions = await run('api', 'show', 'cards.transactions.list');
    assert.match(transactions.stdout, /^# {3}fromDate {5}query, optional: The first day/m);
  });

  it('writes the request under another API root with --root, and refuses a root Thredd does not serve', async () => {
    const cardsApi = await run('api', 'show', 'products.list', '--root', '/api/v1');
    assert.match(cardsApi.stdout, /^GET \{\{baseUrl\}\}\/api\/v1\/products$/m);
    const wrong = await run('api', 'show', 'products.list', '--root', '/api/v2');
    const refusal = 'thredd: --root /api/v2 is not an API root of Thredd\'s: did you mean "/api/v1"?\n';
    assert.deepEqual(wrong, { code: 1, stdout: '', stderr: refusal });
  });

  it('prints the operation as data with the .thredd text under --json', async () => {
    const { code, stdout } = await run('api', 'show', 'cards.get', '--example', 'unknown-card', '--json');
    assert.equal(code, 0);
    const shown = JSON.parse(stdout);
    assert.deepEqual(shown.operation, JSON.parse(JSON.stringify(operationById('cards.get'))));
    assert.equal(shown.example, 'unknown-card');
    assert.equal(shown.apiRoot, '/core/api/v1');
    assert.equal(shown.thredd, (await run('api', 'show', 'cards.get', '--example', 'unknown-card')).stdout);
    assert.match(shown.thredd, /^# @expect status 404$/m);
  });

  it('answers an unknown operation with the closest ids and thredd api list', async () => {
    assert.deepEqual(await run('api', 'show', 'card.creat'), {
      code: 1,
      stdout: '',
      stderr: `thredd: There is no operation "card.creat" in the catalogue: did you mean "cards.create"? ${LIST_HINT}\n`,
    });
    const family = await run('api', 'show', 'cards.status');
    const heads = 'it heads cards.status.get, cards.status.update.';
    assert.equal(family.stderr, `thredd: There is no operation "cards.status" in the catalogue: ${heads} ${LIST_HINT}\n`);
    const far = await run('api', 'show', 'refunds');
    assert.match(far.stderr, /^thredd: There is no operation "refunds" in the catalogue: expected one of: products\.list, products\.get, /);
    assert.ok(far.stderr.endsWith(`${LIST_HINT}\n`));
  });

  it("answers an unknown example with the operation's examples, and a missing operation with the usage", async () => {
    const { code, stderr } = await run('api', 'show', 'cards.balance', '--example', 'overdrawn');
    assert.equal(code, 1);
    assert.equal(stderr, 'thredd: cards.balance has no example "overdrawn"; its examples are balance (200), unknown-card (404).\n');
    const missing = await run('api', 'show');
    assert.match(missing.stderr, /^thredd: Name one operation \(thredd api list shows them\)\. Usage: thredd api show OPERATION /);
  });
});

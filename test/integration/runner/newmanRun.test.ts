import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { runCli } from '../../../src/cli/main';
import { startSessionServer, type SessionServer } from '../session/sessionServer';

let server: SessionServer;
let dir: string;

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['run', ...argv], { out: (text) => (stdout += text), err: (text) => (stderr += text), env: {}, cwd: dir });
  return { code, stdout, stderr };
}

function write(name: string, text: string): string {
  fs.writeFileSync(path.join(dir, name), text);
  return name;
}

interface JsonRequest {
  name: string | null;
  iteration?: number;
  url: string;
  ok: boolean;
}

const requestsOf = (stdout: string): JsonRequest[] => JSON.parse(stdout).requests;
const paths = () => server.arrived.map((arrived) => arrived.replace(/^GET /, ''));

describe('thredd run like newman: data files, iterations, selection, variables, delay, bail and parallel runs', () => {
  before(async () => {
    server = await startSessionServer();
    dir = path.dirname(server.file('placeholder.thredd', 'GET {{baseUrl}}/placeholder\n').path);
    write(
      'cards.thredd',
      [
        '@kind = file-kind',
        '',
        '# @name lookup',
        '# @expect status 200',
        'GET {{baseUrl}}/lookup/{{cardName}}?kind={{kind}}&amount={{amount}}',
      ].join('\n'),
    );
  });
  beforeEach(() => server.reset());
  after(() => server.close());

  it('--data rows.csv runs one iteration per row, each row filling variables, and names each iteration in the reports', async () => {
    write('rows.csv', '\uFEFFcardName,amount\r\n"Doe, Jane",10\r\nJoe,\r\n');
    const json = await run(['cards.thredd', '--data', 'rows.csv', '--reporter', 'json']);
    assert.equal(json.code, 0, json.stderr + json.stdout);
    assert.deepEqual(paths(), ['/lookup/Doe,%20Jane?kind=file-kind&amount=10', '/lookup/Joe?kind=file-kind&amount=']);
    assert.deepEqual(
      requestsOf(json.stdout).map((request) => [request.name, request.iteration]),
      [
        ['lookup', 1],
        ['lookup', 2],
      ],
    );
    assert.equal(JSON.parse(json.stdout).summary.iterations, 2);

    const junit = await run(['cards.thredd', '--data', 'rows.csv', '--reporter', 'junit']);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' });
    const cases = parser.parse(junit.stdout).testsuites.testsuite.testcase.map((testcase: { name: string }) => testcase.name);
    assert.deepEqual(cases, ['lookup [iteration 1]', 'lookup [iteration 2]']);

    const pretty = await run(['cards.thredd', '--data', 'rows.csv']);
    assert.match(pretty.stdout, /^cards\.thredd \[iteration 1\]\n {2}✓ lookup[^\n]*\ncards\.thredd \[iteration 2\]\n {2}✓ lookup/);
    assert.match(pretty.stdout, /2 requests in 2 iterations: 2 passed, 0 failed/);
  });

  it('--data rows.json works the same, and a row wins over --var, which wins over file variables', async () => {
    write('rows.json', JSON.stringify([{ cardName: 'Ann', amount: 5 }, { cardName: 'Bob' }]));
    const { code, stderr } = await run(['cards.thredd', '--data', 'rows.json', '--var', 'amount=99', '--var', 'kind=cli=kind']);
    assert.equal(code, 0, stderr);
    assert.deepEqual(paths(), ['/lookup/Ann?kind=cli=kind&amount=5', '/lookup/Bob?kind=cli=kind&amount=99']);
  });

  it('--iterations N repeats N times without data; with data it takes the first rows and reuses the last past the end', async () => {
    const repeated = await run(['cards.thredd', '--iterations', '3', '--var', 'cardName=x', '--var', 'amount=1']);
    assert.equal(repeated.code, 0, repeated.stderr);
    assert.equal(server.arrived.length, 3);
    server.reset();
    write('two.csv', 'cardName,amount\na,1\nb,2\n');
    await run(['cards.thredd', '--data', 'two.csv', '--iterations', '4']);
    assert.deepEqual(
      paths().map((arrived) => arrived.split('?')[0]),
      ['/lookup/a', '/lookup/b', '/lookup/b', '/lookup/b'],
    );
    server.reset();
    await run(['cards.thredd', '--data', 'two.csv', '--iterations', '1']);
    assert.deepEqual(paths(), ['/lookup/a?kind=file-kind&amount=1']);
  });

  it('--folder selects a file or a "# folder:" section, --request a @name or ### title; each adds to the selection', async () => {
    write(
      'sections.thredd',
      [
        '# folder: Cards',
        '### Create card',
        'GET {{baseUrl}}/cards-create',
        '###',
        'GET {{baseUrl}}/cards-list',
        '###',
        '# folder: Accounts',
        '###',
        '# @name balance',
        'GET {{baseUrl}}/balance',
        '###',
        'GET {{baseUrl}}/statement',
      ].join('\n'),
    );
    write('other.thredd', 'GET {{baseUrl}}/other\n');
    await run(['sections.thredd', 'other.thredd', '--folder', 'Cards']);
    assert.deepEqual(paths(), ['/cards-create', '/cards-list']);
    server.reset();
    await run(['sections.thredd', 'other.thredd', '--folder', 'other', '--request', 'balance', '--request', 'Create card']);
    assert.deepEqual(paths(), ['/cards-create', '/balance', '/other']);
    server.reset();
    await run(['sections.thredd', 'other.thredd', '--folder', 'Accounts']);
    assert.deepEqual(paths(), ['/balance', '/statement']);
  });

  it('refuses an unknown --folder or --request with the nearest name, and sends nothing', async () => {
    const folder = await run(['sections.thredd', '--folder', 'Acounts']);
    assert.equal(folder.code, 1);
    assert.match(
      folder.stderr,
      /^thredd: No folder named "Acounts" in sections\.thredd: did you mean "Accounts"\? Folders there: "sections", "Cards", "Accounts"\./,
    );
    const request = await run(['sections.thredd', '--request', 'balanse']);
    assert.match(request.stderr, /^thredd: No request named "balanse" in sections\.thredd: did you mean "balance"\?/);
    assert.deepEqual(server.arrived, []);
  });

  it('refuses a bad --var, bad CSV with its line, a JSON file that is not an array, and bad numbers, sending nothing', async () => {
    const noEquals = await run(['cards.thredd', '--var', 'cardName']);
    assert.equal(
      noEquals.stderr,
      'thredd: --var cardName: it has no "=". Write --var NAME=VALUE, e.g. --var cardName=Jane (quote values with spaces).\n',
    );
    const badName = await run(['cards.thredd', '--var', 'card name=x']);
    assert.match(badName.stderr, /--var card name=x: "card name" is not a variable name/);
    write('bad.csv', 'cardName,amount\nJane,1\nJoe,2,3\n');
    const csv = await run(['cards.thredd', '--data', 'bad.csv']);
    assert.match(csv.stderr, /^thredd: bad\.csv:3: this row has 3 cells, the header has 2 \(cardName, amount\)\. Give every row/);
    write('object.json', '{"cardName": "Jane"}');
    const json = await run(['cards.thredd', '--data', 'object.json']);
    assert.match(json.stderr, /^thredd: object\.json holds an object, not an array of rows\. A JSON data file is an array of objects/);
    const iterations = await run(['cards.thredd', '--iterations', '0']);
    assert.equal(iterations.stderr, 'thredd: --iterations must be a whole number of at least 1, not "0".\n');
    const delay = await run(['cards.thredd', '--delay', 'soon']);
    assert.equal(delay.stderr, 'thredd: --delay must be a whole number of at least 0, not "soon".\n');
    assert.deepEqual(server.arrived, []);
  });

  it('--delay MS waits between requests, as the server sees them arrive', async () => {
    write('three.thredd', 'GET {{baseUrl}}/a\n###\nGET {{baseUrl}}/b\n###\nGET {{baseUrl}}/c\n');
    const { code } = await run(['three.thredd', '--delay', '120']);
    assert.equal(code, 0);
    const gaps = server.arrivedAt.slice(1).map((at, index) => at - server.arrivedAt[index]);
    assert.equal(gaps.length, 2);
    gaps.forEach((gap) => assert.ok(gap >= 115, `arrived ${gap.toFixed(0)} ms apart`));
  });

  it('--bail stops at the first failure, also across iterations, and exits 1', async () => {
    write('fails.thredd', '# @expect status 201\nGET {{baseUrl}}/a\n###\nGET {{baseUrl}}/b\n');
    const { code, stdout } = await run(['fails.thredd', '--iterations', '3', '--bail', '--reporter', 'json']);
    assert.equal(code, 1);
    assert.equal(requestsOf(stdout).length, 1);
    assert.deepEqual(paths(), ['/a']);
  });

  it('--parallel N keeps more than one and at most N requests in flight, chained requests in order, results in file order', async () => {
    const gates = Array.from({ length: 8 }, (_, index) => `GET {{baseUrl}}/gate/${index}`);
    const chained = ['# @name create\nPOST {{baseUrl}}/cards', 'GET {{baseUrl}}/cards/{{create.response.body.$.id}}'];
    write('parallel.thredd', [...gates.slice(0, 4), ...chained, ...gates.slice(4)].join('\n###\n'));
    server.gateOpensAt = 4;
    const { code, stdout, stderr } = await run(['parallel.thredd', '--parallel', '4', '--reporter', 'json']);
    assert.equal(code, 0, stderr + stdout);
    assert.ok(server.maxInFlight() > 1 && server.maxInFlight() <= 4, `max in flight ${server.maxInFlight()}`);
    const created = server.arrived.indexOf('POST /cards');
    const read = server.arrived.findIndex((arrived) => arrived.startsWith('GET /cards/'));
    assert.ok(created >= 0 && read > created, JSON.stringify(server.arrived));
    const urls = requestsOf(stdout).map((request) => request.url.replace(server.url, ''));
    assert.deepEqual(urls, [
      '/gate/0',
      '/gate/1',
      '/gate/2',
      '/gate/3',
      '/cards',
      '/cards/card-1',
      '/gate/4',
      '/gate/5',
      '/gate/6',
      '/gate/7',
    ]);
  });

  it("holds --parallel to Thredd's fair usage limit of 20 with a warning, unless --parallel-cap raises it", async () => {
    write('many.thredd', Array.from({ length: 30 }, (_, index) => `GET {{baseUrl}}/gate/${index}`).join('\n###\n'));
    server.gateOpensAt = 21; // never reached at 20: each gate opens after its second instead
    const capped = await run(['many.thredd', '--parallel', '25', '--reporter', 'json']);
    assert.equal(capped.code, 0, capped.stderr);
    assert.match(
      capped.stderr,
      /^warning: --parallel 25 runs 20 requests at once: Thredd's fair usage policy allows 20 concurrent connections/,
    );
    assert.equal(server.maxInFlight(), 20);

    server.reset();
    server.gateOpensAt = 25;
    const raised = await run(['many.thredd', '--parallel', '25', '--parallel-cap', '25', '--reporter', 'json']);
    assert.equal(raised.code, 0, raised.stderr);
    assert.equal(raised.stderr, '');
    assert.equal(server.maxInFlight(), 25, 'the HTTP client opened 25 connections to one origin');
  });
});

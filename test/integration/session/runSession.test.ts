import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { HttpClient } from '../../../src/core/http';
import { RequestRunner, ResponseStore, type RunResult } from '../../../src/core/runner';
import { runSession, sessionReport } from '../../../src/core/session';
import type { RunSessionOptions, SessionEvent, SessionFile, SessionIteration } from '../../../src/core/session';
import { startSessionServer, type SessionServer } from './sessionServer';

let server: SessionServer;
const http = new HttpClient();
const runner = new RequestRunner({ http });

async function run(files: SessionFile[], options: Partial<RunSessionOptions> = {}) {
  const events: SessionEvent[] = [];
  const contextFor = () => ({ config: server.config });
  const summary = await runSession({ runner, files, contextFor, onEvent: (event) => events.push(event), ...options });
  return { summary, events, results: summary.groups.flatMap((group) => group.results) };
}

/** Polls until `check` holds: the server sees a closed connection a moment after the client closed it. */
async function eventually(what: string, check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > 5000) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const READ_CARD = 'GET {{baseUrl}}/cards/{{create.response.body.$.id}}';
const CHAINED = ['# @name create', 'POST {{baseUrl}}/cards', '', '###', '# @name read', READ_CARD].join('\n');

function idOf(result: RunResult): string {
  return (JSON.parse(result.response?.text ?? '{}') as { id: string }).id;
}

describe('a run session against a local TLS server', () => {
  before(async () => {
    server = await startSessionServer();
  });
  beforeEach(() => server.reset());
  after(async () => {
    await http.close();
    await server.close();
  });

  it('at concurrency 1 sends file after file in file order, one request at a time, dependencies first', async () => {
    const first = server.file('first.thredd', ['GET {{baseUrl}}/one', '###', CHAINED, '###', 'GET {{baseUrl}}/two'].join('\n'));
    const second = server.file('second.thredd', 'GET {{baseUrl}}/three\n');
    const { results, events } = await run([first, { ...first, requests: [2] }, second]);
    assert.deepEqual(server.arrived, [
      'GET /one',
      'POST /cards',
      'GET /cards/card-1',
      'GET /two', // first.thredd
      'POST /cards',
      'GET /cards/card-2', // its "read" alone: "create" first
      'GET /three', // second.thredd
    ]);
    assert.equal(server.maxInFlight(), 1);
    assert.ok(results.every((result) => result.ok));
    const path = (result: RunResult) => result.request?.url.replace(server.url, '');
    const shown = events.map((event) => (event.kind === 'result' ? `  ${path(event.result)}` : event.file.shown));
    assert.deepEqual(shown, [
      'first.thredd',
      '  /one',
      '  /cards',
      '  /cards/card-1',
      '  /two',
      'first.thredd',
      '  /cards',
      '  /cards/card-2',
      'second.thredd',
      '  /three',
    ]);
  });

  it('keeps up to `concurrency` requests in flight at once, as the server counts them', async () => {
    server.gateOpensAt = 4;
    const gates = server.file('gates.thredd', Array.from({ length: 8 }, (_, index) => `GET {{baseUrl}}/gate/${index}`).join('\n###\n'));
    const { results } = await run([gates], { concurrency: 4 });
    assert.equal(server.maxInFlight(), 4);
    assert.equal(results.length, 8);
    assert.ok(results.every((result) => result.ok));
  });

  it('hands results on in file order when a request finishes after those sent behind it', async () => {
    const file = server.file('order.thredd', ['GET {{baseUrl}}/slow/300', 'GET {{baseUrl}}/one', 'GET {{baseUrl}}/two'].join('\n###\n'));
    const { results, events } = await run([file], { concurrency: 3 });
    assert.deepEqual(server.arrived.slice(0, 1), ['GET /slow/300']);
    assert.equal(server.maxInFlight(), 3, 'all three were in flight together');
    const order = events.map((event) => (event.kind === 'result' ? event.result.request?.url.replace(server.url, '') : event.kind));
    assert.deepEqual(order, ['file', '/slow/300', '/one', '/two']);
    assert.deepEqual(
      results.map((result) => result.requestIndex),
      [0, 1, 2],
    );
  });

  it('waits delayMs between requests, as the server sees them arrive', async () => {
    const file = server.file('delay.thredd', ['GET {{baseUrl}}/one', 'GET {{baseUrl}}/two', 'GET {{baseUrl}}/three'].join('\n###\n'));
    await run([file], { delayMs: 150 });
    const gaps = server.arrivedAt.slice(1).map((at, index) => at - server.arrivedAt[index]);
    assert.equal(gaps.length, 2);
    for (const gap of gaps) assert.ok(gap >= 145, `requests arrived ${gap.toFixed(0)} ms apart`);
  });

  it("resolves each iteration with its row, above the context's run variables, file variables and the environment", async () => {
    const text = '@card = from-file\n@kind = file-kind\nGET {{baseUrl}}/cards/{{card}}?kind={{kind}}&who={{who}}';
    const file = server.file('vars.thredd', text);
    const contextFor = () => ({ config: server.config, runVariables: { card: 'from-var', kind: 'var-kind', who: 'cli' } });
    await run([file], { iterationVariables: [{ card: 'row-1' }, { card: 'row-2', who: 'row' }], contextFor });
    assert.deepEqual(server.arrived, ['GET /cards/row-1?kind=var-kind&who=cli', 'GET /cards/row-2?kind=var-kind&who=row']);
  });

  it('gives each iteration its own response store, so each reads the card its own create made, also when iterations overlap', async () => {
    // Only "read" is selected: each iteration must send "create" anew, which a store shared across iterations would skip.
    const file = { ...server.file('chained.thredd', CHAINED), requests: [1] };
    for (const concurrency of [1, 3]) {
      const { summary } = await run([file], { iterations: 3, concurrency });
      assert.deepEqual(
        summary.groups.map((group) => group.iteration),
        [1, 2, 3],
      );
      const created = summary.groups.map((group) => {
        const [create, read] = group.results;
        assert.deepEqual([create.name, read.name, read.dependencies], ['create', 'read', ['create']]);
        assert.equal(idOf(read), idOf(create), `iteration ${group.iteration} reads its own card`);
        return idOf(create);
      });
      assert.equal(new Set(created).size, 3, `concurrency ${concurrency}`);
    }
  });

  it('sends a named request once per iteration when several requests that read it overlap', async () => {
    const text = [CHAINED, '###', `${READ_CARD}/again`, '###', `${READ_CARD}/more`, '###', 'GET {{baseUrl}}/free'].join('\n');
    const whole = server.file('readers.thredd', text);
    for (const file of [whole, { ...whole, requests: [1, 2, 3, 4] }]) {
      server.reset();
      const { summary } = await run([file], { iterations: 2, concurrency: 4 });
      assert.equal(server.arrived.filter((request) => request === 'POST /cards').length, 2, JSON.stringify(server.arrived));
      for (const group of summary.groups) {
        const created = idOf(group.results.find((result) => result.name === 'create')!);
        const readers = group.results.filter((result) => result.request?.url.includes('/cards/'));
        assert.equal(readers.length, 3);
        assert.ok(
          readers.every((result) => result.request!.url.includes(`/cards/${created}`)),
          `iteration ${group.iteration}`,
        );
      }
    }
  });

  it('with bail, stops at the first failure: requests in flight are aborted and no more start', async () => {
    server.gateOpensAt = 3; // the failure answers only once both hanging requests have arrived
    const hang = 'GET {{baseUrl}}/hang';
    const after = 'GET {{baseUrl}}/after';
    const file = server.file('bail.thredd', [hang, hang, '# @expect status 500\nGET {{baseUrl}}/gate/fail', after, after].join('\n###\n'));
    const { summary, results } = await run([file], { concurrency: 3, bail: true });
    assert.equal(summary.stopped, 'bail');
    assert.deepEqual([...server.arrived].sort(), ['GET /gate/fail', 'GET /hang', 'GET /hang']);
    const outcomes = results.map((result) => [result.request?.url.replace(server.url, ''), result.error?.kind ?? result.response?.status]);
    assert.deepEqual(outcomes.sort(), [
      ['/gate/fail', 200],
      ['/hang', 'aborted'],
      ['/hang', 'aborted'],
    ]);
    await eventually('the server to see both hanging requests closed', () => server.cutOff.length === 2);
  });

  it("stops when the caller's signal aborts: the request in flight says cancelled, nothing more is sent", async () => {
    const file = server.file('cancel.thredd', 'GET {{baseUrl}}/hang\n###\nGET {{baseUrl}}/after\n');
    const controller = new AbortController();
    const running = run([file], { signal: controller.signal });
    await eventually('the first request to arrive', () => server.arrived.length === 1);
    controller.abort();
    const { summary, results } = await running;
    assert.equal(summary.stopped, 'aborted');
    assert.deepEqual(
      results.map((result) => result.error?.message),
      ['The request was cancelled.'],
    );
    assert.deepEqual(server.arrived, ['GET /hang']);

    const already = await run([file], { signal: AbortSignal.abort() });
    assert.deepEqual([already.summary.groups.length, already.summary.stopped], [0, 'aborted']);
    assert.deepEqual(server.arrived, ['GET /hang'], 'an aborted signal sends nothing');
  });

  it('in a dry run plans every request of every iteration and sends nothing', async () => {
    const file = server.file('dry.thredd', CHAINED);
    const { summary, events } = await run([file], { dryRun: true, iterations: 2 });
    assert.deepEqual(server.arrived, []);
    const kinds = events.map((event) => `${event.kind} ${event.iteration}`);
    assert.deepEqual(kinds, ['file 1', 'plan 1', 'plan 1', 'file 2', 'plan 2', 'plan 2']);
    const [create, read] = summary.groups[1].plans;
    assert.equal(create.request?.url, `${server.url}/cards`);
    assert.deepEqual(read.pendingChains, ['create']);
  });

  it("hands each iteration's row to contextFor, and uses the store contextFor gives", async () => {
    const file = server.file('rows.thredd', CHAINED);
    const store = new ResponseStore();
    const seen: SessionIteration[] = [];
    const rows = [{ card: 'a' }, { card: 'b' }];
    const contextFor = (_: SessionFile, iteration: SessionIteration) => (seen.push(iteration), { config: server.config, store });
    await run([file], { iterationVariables: rows, dryRun: true, contextFor });
    assert.deepEqual(seen, [
      { number: 1, variables: rows[0] },
      { number: 2, variables: rows[1] },
    ]);

    await run([{ ...file, requests: [0] }], { contextFor: () => ({ config: server.config, store }) });
    const { results } = await run([{ ...file, requests: [1] }], { contextFor: () => ({ config: server.config, store }) });
    assert.deepEqual(
      results.map((result) => [result.name, result.dependencies]),
      [['read', []]],
      'create came from the earlier session',
    );
  });

  it('answers an index the file does not have with a no-request result (a CodeLens of a changed file)', async () => {
    const file = server.file('short.thredd', 'GET {{baseUrl}}/one\n');
    const { results } = await run([{ ...file, requests: [3] }]);
    assert.deepEqual(
      results.map((result) => result.error?.kind),
      ['no-request'],
    );
    assert.deepEqual(server.arrived, []);
  });

  it('names each iteration in JUnit, JSON and pretty reports; a single iteration keeps plain names', async () => {
    const file = server.file('named.thredd', CHAINED);
    const twice = (await run([file], { iterations: 2 })).summary;
    const isArray = (name: string) => ['testsuite', 'testcase'].includes(name);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray });
    const xml = parser.parse(sessionReport('junit', twice));
    assert.equal(xml.testsuites.testsuite.length, 1, 'one suite per file');
    assert.deepEqual(
      xml.testsuites.testsuite[0].testcase.map((testcase: { name: string }) => testcase.name),
      ['create [iteration 1]', 'read [iteration 1]', 'create [iteration 2]', 'read [iteration 2]'],
    );
    const json = JSON.parse(sessionReport('json', twice));
    const named = json.requests.map((request: { name: string; iteration: number }) => `${request.name} ${request.iteration}`);
    assert.deepEqual(named, ['create 1', 'read 1', 'create 2', 'read 2']);
    assert.equal(json.summary.iterations, 2);
    const pretty = sessionReport('pretty', twice);
    assert.match(pretty, /^named\.thredd \[iteration 1\]\n {2}✓ create .*\n {2}✓ read .*\n\nnamed\.thredd \[iteration 2\]\n/);
    assert.match(pretty, /\n4 requests in 2 iterations: 4 passed, 0 failed/);

    const once = (await run([file])).summary;
    assert.doesNotMatch(sessionReport('junit', once), /iteration/);
    assert.equal(JSON.parse(sessionReport('json', once)).requests[0].iteration, undefined);
    assert.match(sessionReport('pretty', once), /^named\.thredd\n[^]*\n2 requests: 2 passed/);
  });
});

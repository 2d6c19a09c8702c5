import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseRequestFile } from '../../../src/core/requestFile';
import { sectionsOf } from '../../../src/core/session/selection';
import { bodyText, importFixture, type DryRunRequest, type ImportResult } from '../../support/postmanImport';
import { expectedRequests, pattern, type ExpectedRequest } from './postmanOracle';

const corpus = path.resolve(__dirname, '..', '..', 'fixtures', 'postman', 'corpus');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(corpus, file), 'utf8'));

/** `clientSecret` → `CLIENT_SECRET`, as the importer names the variables that hold secrets. */
const envName = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();

function checkSameRequest(expected: ExpectedRequest, actual: DryRunRequest): void {
  const where = expected.where;
  assert.equal(actual.resolved.method, expected.method, `${where}: method`);
  assert.match(actual.resolved.url, pattern(expected.url), `${where}: URL`);
  for (const { name, value } of expected.headers) {
    const found = actual.resolved.headers.find((item) => item.name.toLowerCase() === name.toLowerCase());
    assert.ok(found, `${where}: header ${name} is missing`);
    assert.match(found.value, pattern(value), `${where}: header ${name}`);
  }
  const expectedNames = new Set(expected.headers.map((item) => item.name.toLowerCase()));
  const extra = actual.resolved.headers.filter(
    (item) => !expectedNames.has(item.name.toLowerCase()) && item.name.toLowerCase() !== 'content-type',
  );
  assert.deepEqual(extra, [], `${where}: headers Postman would not send`);
  const body = expected.body;
  const text = bodyText(actual);
  if (!body) return assert.equal(text, undefined, `${where}: a body Postman would not send`);
  if (body.kind === 'raw') return assert.match(text ?? '', pattern(body.text), `${where}: body`);
  if (body.kind === 'urlencoded') {
    const pairs = [...new URLSearchParams(text ?? '').entries()];
    assert.equal(pairs.length, body.pairs.length, `${where}: form fields`);
    body.pairs.forEach(([key, value], index) => {
      assert.equal(pairs[index][0], key, `${where}: form field ${index}`);
      assert.match(pairs[index][1], pattern(value), `${where}: form field ${key}`);
    });
    return;
  }
  for (const name of body.names) assert.match(text ?? '', new RegExp(`name="${name}"`), `${where}: form-data field ${name}`);
}

/** Every request Postman would send is in the import, once, with the same method, URL, headers and body. */
function checkAgainstPostman(result: ImportResult, expected: ExpectedRequest[]): void {
  const unmatched = [...result.requests];
  for (const request of expected) {
    const index = unmatched.findIndex(
      (item) =>
        item.title === request.name.trim() && item.resolved.method === request.method && pattern(request.url).test(item.resolved.url),
    );
    assert.ok(index >= 0, `${request.where} (${request.method} ${request.url}) is not among the imported requests`);
    checkSameRequest(request, unmatched.splice(index, 1)[0]);
  }
  assert.deepEqual(
    unmatched.map((item) => item.title),
    [],
    'requests the collection does not have',
  );
  assert.equal(result.report.requests, expected.length);
}

describe('importing the public Postman collections', () => {
  it('Pinch API with its environment: every request as Postman would send it, secrets from the environment', async () => {
    const environment = readJson('pinch-api.postman_environment.json');
    const env = Object.fromEntries(environment.values.map((value: { key: string; value: string }) => [envName(value.key), value.value]));
    const result = await importFixture(path.join(corpus, 'pinch-api.postman_collection.json'), {
      environments: [path.join(corpus, 'pinch-api.postman_environment.json')],
      env,
    });
    checkAgainstPostman(result, expectedRequests(readJson('pinch-api.postman_collection.json'), environment));
    assert.equal(result.report.files.length, 13);
    assert.equal(result.config.environments['Pinch API v2020.1'].baseUrl, 'https://api.getpinch.com.au');
    assert.equal(result.report.keptAsComments, 12, 'the token-refresh pre-request script, kept as comments');
    assert.match(result.texts.get('Authentication.thredd')!, /^# Collection "Pinch API v2020\.1" pre-request script, NOT RUN by Thredd:$/m);
  });

  it('Wise send money: chained values kept in one file, CSV-driven variables left for run time', async () => {
    const result = await importFixture(path.join(corpus, 'wise-send-money.postman_collection.json'));
    checkAgainstPostman(result, expectedRequests(readJson('wise-send-money.postman_collection.json')));
    assert.equal(result.report.files.length, 1, 'scripts pass values between folders');
    assert.equal(result.report.translated, 12);
    assert.ok(result.byTitle('Create batch group').needs.length > 0, 'the token comes from an earlier request');
  });

  it('Wise payouts: four-deep folders, legacy tests[] and setEnvironmentVariable, formdata, disabled body params', async () => {
    const result = await importFixture(path.join(corpus, 'wise-payouts.postman_collection.json'));
    checkAgainstPostman(result, expectedRequests(readJson('wise-payouts.postman_collection.json')));
    // The legacy setEnvironmentVariable captures pass ids between folders, so the folders are sections of one file.
    assert.deepEqual(result.report.files, ['Payouts and third party payouts API.thredd']);
    assert.match(
      result.texts.get(result.report.files[0])!,
      /^# folder: 2\. Transfer Flow \/ 2\. Choose\/create recipient \/ 2a\. Select Existing$/m,
    );
    // The section lines are what `thredd run --folder NAME` selects.
    const sections = sectionsOf(parseRequestFile(result.texts.get(result.report.files[0])!));
    const existing = sections.find((section) => section.name === '2. Transfer Flow / 2. Choose/create recipient / 2a. Select Existing');
    assert.ok(existing && existing.requests.length > 0, `sections: ${sections.map((section) => section.name).join(', ')}`);
    assert.ok(result.report.translated >= 10, `legacy tests[] / setEnvironmentVariable translated (${result.report.translated})`);
    assert.ok([...result.texts.values()].some((text) => /^# disabled body field \(not sent\)/m.test(text)));
  });
});

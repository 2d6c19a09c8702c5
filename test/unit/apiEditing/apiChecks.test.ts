import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiChecks, BodyLanguage, missingScope, operationById, type ApiProblem, type BodyJson } from '../../../src/core/apiEditing';
import type { CatalogueOperation } from '../../../src/core/catalogue';
import { parseConfigText, type ThreddConfig } from '../../../src/core/config';
import { CREATE_CARD_LINE, requestText } from './requestText';

/** thredd.json with a read-only application and one that may also write, each with its environment. */
const CONFIG_TEXT = JSON.stringify(
  {
    defaultEnvironment: 'readonly',
    environments: {
      readonly: { baseUrl: 'https://127.0.0.1:8443', region: '0', application: 'reader' },
      writer: { baseUrl: 'https://127.0.0.1:8443', region: '0', application: 'writer' },
      unscoped: { baseUrl: 'https://127.0.0.1:8443', region: '0', application: 'unscoped' },
      anonymous: { baseUrl: 'https://127.0.0.1:8443', region: '0' },
    },
    applications: {
      reader: { clientId: 'reader-client', auth: { method: 'client_secret_post' }, scopes: ['cards.read'] },
      writer: { clientId: 'writer-client', auth: { method: 'client_secret_post' }, scopes: ['cards.read', 'cards.write'] },
      unscoped: { clientId: 'unscoped-client', auth: { method: 'client_secret_post' } },
    },
  },
  null,
  2,
);

function loadConfig(): ThreddConfig {
  const { config } = parseConfigText(CONFIG_TEXT, '/ws/thredd.json', { fileExists: () => true });
  assert.ok(config);
  return config;
}

/** A BodyLanguage that counts the bodies it validates: the checks should not validate an unchanged body again. */
class CountingBodyLanguage extends BodyLanguage {
  validated = 0;
  override async validate(operation: CatalogueOperation, body: BodyJson) {
    this.validated++;
    return super.validate(operation, body);
  }
}

const described = (problems: ApiProblem[]) => problems.map((problem) => `${problem.range.start.line} ${problem.code}: ${problem.message}`);

describe('the API checks of a request file', () => {
  const config = loadConfig();
  const environment = (name: string) => config.environments[name];

  it("names the scope a call needs that the environment's application does not ask for, and where to add it", () => {
    const problem = missingScope(operationById('cards.create'), config, environment('readonly'));
    assert.equal(
      problem?.message,
      'cards.create needs the scope cards.write, which application "reader" of environment "readonly" does not ask for ' +
        '(it asks for cards.read): ' +
        'Thredd would answer 403. Add "cards.write" to "scopes" of applications."reader" in thredd.json.',
    );
    assert.equal(problem?.application.name, 'reader');
    assert.equal(problem?.configFile, '/ws/thredd.json');
    assert.equal(missingScope(operationById('cards.get'), config, environment('readonly')), undefined, 'cards.read is asked for');
    assert.equal(missingScope(operationById('cards.create'), config, environment('writer')), undefined);
  });

  it('says nothing of scopes without an application, or when the application lists none (its token asks for none)', () => {
    assert.equal(missingScope(operationById('cards.create'), config, environment('anonymous')), undefined);
    assert.equal(missingScope(operationById('cards.create'), config, environment('unscoped')), undefined);
    assert.equal(missingScope(operationById('cards.create'), undefined, environment('readonly')), undefined);
  });

  it('warns on the request line of each call whose scope is missing, with the environment a # @env pins', async () => {
    const { parsed, lineAt } = requestText([
      '### Products',
      'GET {{baseUrl}}/core/api/v1/products',
      '',
      '### Block a card',
      'PUT {{baseUrl}}/core/api/v1/cards/{{publicToken}}/status',
      '',
      '### Block it as the writer',
      '# @env writer',
      'PUT {{baseUrl}}/core/api/v1/cards/{{publicToken}}/status',
      '',
      '### Not a catalogue call',
      'POST https://example.test/anything',
    ]);
    const problems = await new ApiChecks(new BodyLanguage()).check(parsed, { lineAt, config, environment: environment('readonly') });
    assert.deepEqual(
      problems.map((problem) => [problem.range.start.line, problem.code]),
      [[4, 'missing-scope']],
    );
    assert.match(problems[0].message, /^cards\.status\.update needs the scope cards\.write/);
    assert.deepEqual(problems[0].related, {
      file: '/ws/thredd.json',
      range: config.applications.reader.range,
      message: 'The application "reader"',
    });
    const pinnedReader = requestText(['# @env readonly', CREATE_CARD_LINE]);
    const pinned = await new ApiChecks(new BodyLanguage()).check(pinnedReader.parsed, {
      lineAt: pinnedReader.lineAt,
      config,
      environment: environment('writer'),
    });
    assert.deepEqual(
      pinned.map((problem) => [problem.range.start.line, problem.code]),
      [[1, 'missing-scope']],
      'a file-level # @env pins too',
    );
    assert.match(pinned[0].message, /application "reader" of environment "readonly"/);
  });

  it('places body problems in the file, checks only JSON bodies of catalogue calls, validates a body again only once changed', async () => {
    const request = (reference: string) => [
      CREATE_CARD_LINE,
      'Content-Type: application/json',
      '',
      `{ "cardType": "Virtual", "cardProduct": 1003, "customerReference": "${reference}",`,
      '  "address": { "addressLine1": "8 Mill Road", "postCode": "LS2 7EW", "country": "GBR" },',
      '  "cardHolder": { "firstName": "Ben", "lastName": "Carter" } }',
      '',
    ];
    const lines = [...request('A'), '###', ...request('B'), '###', 'POST https://example.test/cards', '', '{ "anything": true }'];
    const language = new CountingBodyLanguage();
    const checks = new ApiChecks(language);
    const first = requestText(lines);
    const problems = await checks.check(first.parsed, { lineAt: first.lineAt });
    assert.deepEqual(described(problems), [
      '5 body-schema: Missing property "dateOfBirth".',
      '13 body-schema: Missing property "dateOfBirth".',
    ]);
    assert.equal(language.validated, 2, 'the request to example.test is not a catalogue call');

    const edited = ['# a comment that moves every request down a line', ...lines];
    edited[1 + 11] = edited[1 + 11].replace('"B"', '"C"');
    const second = requestText(edited);
    const again = await checks.check(second.parsed, { lineAt: second.lineAt });
    assert.deepEqual(
      again.map((problem) => problem.range.start.line),
      [6, 14],
    );
    assert.equal(language.validated, 3, 'only the changed body is validated again');
  });
});

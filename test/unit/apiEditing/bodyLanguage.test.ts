import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { BodyLanguage, bodyJson, OPERATIONS, operationById, type BodyProblem } from '../../../src/core/apiEditing';
import type { CatalogueOperation } from '../../../src/core/catalogue';
import { CREATE_CARD_LINE, positionOf, requestText } from './requestText';

const createCard = operationById('cards.create');

/** A create-card request with `bodyLines` as its body (from line 2), and its body as JSON. */
function createCardBody(bodyLines: string[], operation: CatalogueOperation = createCard) {
  const lines = [CREATE_CARD_LINE, '', ...bodyLines];
  const { parsed, lineAt } = requestText(lines);
  return { lines, body: bodyJson(parsed, parsed.requests[0], lineAt)!, operation };
}

const VIRTUAL_CARD = [
  '{',
  '  "cardType": "Virtual",',
  '  "cardProduct": 1003,',
  '  "cardHolder": { "firstName": "Ben", "lastName": "Carter", "dateOfBirth": "1990-01-25" },',
  '  "address": { "addressLine1": "8 Mill Road", "postCode": "LS2 7EW", "country": "GBR" }',
  '}',
];

function described(problems: BodyProblem[]): string[] {
  return problems.map((problem) => `${problem.range.start.line}:${problem.range.start.column} ${problem.kind} ${problem.message}`);
}

describe('request bodies checked, completed and described by the JSON language service', () => {
  let language: BodyLanguage;

  before(() => {
    language = new BodyLanguage();
  });

  it('finds nothing wrong in every example the catalogue answers with a success, and something in each it refuses with a 400', async () => {
    for (const operation of OPERATIONS.filter((candidate) => candidate.requestBody)) {
      for (const example of operation.examples.filter((candidate) => candidate.request.body !== undefined)) {
        const { body } = createCardBody(JSON.stringify(example.request.body, null, 2).split('\n'), operation);
        const problems = await language.validate(operation, body);
        const where = `${operation.id}/${example.id}: ${described(problems).join('; ')}`;
        if (example.response.status === 400) assert.ok(problems.length > 0, where);
        else assert.deepEqual(problems, [], where);
      }
    }
  });

  it('warns of a missing nested field on the key of the object that lacks it, placed in the request file', async () => {
    const { lines, body } = createCardBody(VIRTUAL_CARD.map((line) => line.replace(', "dateOfBirth": "1990-01-25"', '')));
    const at = positionOf(lines, '"cardHolder"');
    assert.deepEqual(described(await language.validate(createCard, body)), [
      `${at.line}:${at.column} schema Missing property "dateOfBirth".`,
    ]);
  });

  it('warns of unknown fields, wrong types, values too long and values not allowed', async () => {
    const { body } = createCardBody([
      '{',
      '  "cardType": "Plastic",',
      '  "cardProduct": "1003",',
      '  "colour": "blue",',
      '  "cardHolder": { "firstName": "Bartholomew-Maximilian Alexander", "lastName": "Carter", "dateOfBirth": "1990-01-25" },',
      '  "address": { "addressLine1": "8 Mill Road", "postCode": "LS2 7EW", "country": "GBR" }',
      '}',
    ]);
    assert.deepEqual(described(await language.validate(createCard, body)), [
      '3:14 schema Value is not accepted. Valid values: "Physical", "Virtual", "MasterVirtual".',
      '4:17 schema Incorrect type. Expected "integer".',
      '5:2 schema Property colour is not allowed.',
      '6:31 schema String is longer than the maximum length of 30.',
    ]);
  });

  it('never reports what a variable causes: values given as strings, numbers, booleans and objects, or text inside a string', async () => {
    const { body } = createCardBody([
      '{',
      '  "cardType": {{cardType}},',
      '  "cardProduct": {{productId}},',
      '  "activateNow": {{activateNow}},',
      '  "cardHolder": {{cardHolder}},',
      '  "address": { "addressLine1": "{{street}}", "postCode": "{{postCode}}", "country": "{{country}}" },',
      '  "customerReference": "{{$guid}}-{{$timestamp}}",',
      '  "nameOnCard": "{{name}}"',
      '}',
    ]);
    assert.deepEqual(described(await language.validate(createCard, body)), []);
    const beside = createCardBody([
      '{ "cardType": {{cardType}}, "cardProduct": 1, "cardHolder": {{holder}}, "address": {{address}}, "colour": 1 }',
    ]);
    const colour = positionOf(beside.lines, '"colour"');
    const problems = described(await language.validate(createCard, beside.body));
    assert.deepEqual(
      problems,
      [`${colour.line}:${colour.column} schema Property colour is not allowed.`],
      'a real problem beside variables stays',
    );
  });

  it('reports a body that is not JSON by its syntax errors only', async () => {
    const { lines, body } = createCardBody(['{', '  "cardType": "Virtual",', '  "cardProduct": 1003,', '}']);
    const comma = positionOf(lines, '1003,', 4);
    assert.deepEqual(described(await language.validate(createCard, body)), [`${comma.line}:${comma.column} syntax Trailing comma`]);
  });

  it('completes the property names of the object at the cursor, with their descriptions, leaving out those written', async () => {
    const { lines, body } = createCardBody(['{', '  "cardHolder": {', '    "firstName": "Ben",', '    ', '  }', '}']);
    const list = await language.complete(createCard, body, { line: 5, column: 4 });
    const labels = list!.items.map((item) => item.label);
    assert.deepEqual(labels.sort(), ['dateOfBirth', 'email', 'lastName', 'middleName', 'mobile', 'title']);
    const dateOfBirth = list!.items.find((item) => item.label === 'dateOfBirth')!;
    assert.match(JSON.stringify(dateOfBirth.documentation), /Date of birth, YYYY-MM-DD/);
    assert.equal(
      dateOfBirth.textEdit && 'range' in dateOfBirth.textEdit && dateOfBirth.textEdit.range.start.line,
      5,
      'placed in the request file',
    );
    assert.equal(lines[5], '    ');
  });

  it('completes enum values and the examples a schema offers', async () => {
    const values = async (bodyLines: string[], needle: string, operation = createCard) => {
      const { lines, body } = createCardBody(bodyLines, operation);
      const list = await language.complete(operation, body, positionOf(lines, needle, 1));
      return list!.items.map((item) => item.label);
    };
    assert.deepEqual(await values(['{ "cardType": "" }'], '""'), ['"Physical"', '"Virtual"', '"MasterVirtual"']);
    const delivery = await values(['{ "manufacturingDetails": { "deliveryMethod": "" } }'], '""');
    assert.ok(delivery.includes('"RegisteredMail"') && delivery.includes('"StandardDelivery"'), delivery.join());
    const codes = await values(['{ "cardStatusCode": "" }'], '""', operationById('cards.status.update'));
    for (const code of ['"00"', '"G1"', '"41"']) assert.ok(codes.includes(code), `cardStatusCode offers ${code}: ${codes.join()}`);
  });

  it('describes a field on hover: its path, description, type, whether it is required and its limits', async () => {
    const { lines, body } = createCardBody(VIRTUAL_CARD);
    const hover = await language.hover(createCard, body, positionOf(lines, '"dateOfBirth"', 3));
    assert.equal(
      hover?.markdown,
      ['**cardHolder\\.dateOfBirth**', 'Date of birth, YYYY\\-MM\\-DD\\.', '`string` · required', 'At least 1 character'].join('\n\n'),
    );
    assert.deepEqual(hover?.range, { start: positionOf(lines, '"dateOfBirth"'), end: positionOf(lines, '"dateOfBirth"', 13) });
    const country = await language.hover(createCard, body, positionOf(lines, '"country"', 2));
    assert.match(country!.markdown, /`string` · required\n\nExactly 3 characters/);
    const cardType = await language.hover(createCard, body, positionOf(lines, '"Virtual"', 2));
    assert.match(
      cardType!.markdown,
      /^\*\*cardType\*\*\n\n.*\n\n`string` · required\n\nOne of `"Physical"`, `"Virtual"`, `"MasterVirtual"`$/,
    );
  });

  it('says a field is required when a rule of the schema requires it here: the name on a Physical card', async () => {
    const physical = createCardBody(['{ "cardType": "Physical", "nameOnCard": "BEN CARTER" }']);
    const virtual = createCardBody(['{ "cardType": "Virtual", "nameOnCard": "BEN CARTER" }']);
    const at = (lines: string[]) => positionOf(lines, '"nameOnCard"', 2);
    assert.match((await language.hover(createCard, physical.body, at(physical.lines)))!.markdown, /`string` or `null`.*· required/);
    assert.match(
      (await language.hover(createCard, virtual.body, at(virtual.lines)))!.markdown,
      /`string` or `null` · optional\n\nUp to 26 characters/,
    );
  });
});

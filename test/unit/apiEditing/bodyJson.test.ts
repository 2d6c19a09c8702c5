import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyJson } from '../../../src/core/apiEditing';
import { CREATE_CARD_LINE, requestText } from './requestText';

function jsonOf(lines: string[], toLine?: number) {
  const { parsed, lineAt } = requestText(lines);
  return bodyJson(parsed, parsed.requests[0], lineAt, toLine);
}

describe('a request body as JSON for the language service', () => {
  it('is the body lines as written, so positions carry over, with comment lines blanked', () => {
    const body = jsonOf([CREATE_CARD_LINE, 'Content-Type: application/json', '', '{', '  # why', '  "cardType": "Virtual"', '}']);
    assert.equal(body?.firstLine, 3);
    assert.equal(body?.text, '{\n       \n  "cardType": "Virtual"\n}');
    assert.deepEqual(JSON.parse(body!.text), { cardType: 'Virtual' });
  });

  it('masks variables given as values (string, number, boolean, object) with strings of their length, leaving those in strings', () => {
    const lines = [
      CREATE_CARD_LINE,
      '',
      '{',
      '  "cardType": {{type}},',
      '  "cardProduct": {{productId}},',
      '  "activateNow": {{activate}},',
      '  "address": {{$processEnv ADDRESS}},',
      '  "customerReference": "ref-{{$guid}}"',
      '}',
    ];
    const body = jsonOf(lines)!;
    const masked = body.text.split('\n');
    assert.deepEqual(
      masked.map((line) => line.length),
      lines.slice(2).map((line) => line.length),
      'every line keeps its length',
    );
    assert.deepEqual(JSON.parse(body.text), {
      cardType: '______',
      cardProduct: '___________',
      activateNow: '__________',
      address: '_____________________',
      customerReference: 'ref-{{$guid}}',
    });
    assert.deepEqual(
      body.variables.map(({ start, end }) => lines.slice(2).join('\n').slice(start, end)),
      ['{{type}}', '{{productId}}', '{{activate}}', '{{$processEnv ADDRESS}}', '{{$guid}}'],
    );
  });

  it('is not JSON when the body is a file, a form, text, or sent with a Content-Type that is not JSON', () => {
    assert.equal(jsonOf([CREATE_CARD_LINE, '', '< ./card.json']), undefined);
    assert.equal(jsonOf([CREATE_CARD_LINE, '', 'cardType=Virtual']), undefined);
    assert.equal(jsonOf([CREATE_CARD_LINE, 'Content-Type: text/plain', '', '{"cardType": "Virtual"}']), undefined);
    assert.ok(jsonOf([CREATE_CARD_LINE, 'Content-Type: application/problem+json', '', '{}']));
    assert.ok(jsonOf([CREATE_CARD_LINE, 'Content-Type: {{contentType}}', '', '[]']));
    assert.equal(jsonOf([CREATE_CARD_LINE]), undefined);
  });

  it('reaches down to the line being typed below the body, never into the next request', () => {
    const lines = [CREATE_CARD_LINE, '', '{', '  ', '', '###', 'GET {{baseUrl}}/core/api/v1/products'];
    assert.equal(jsonOf(lines)?.text, '{');
    assert.equal(jsonOf(lines, 3)?.text, '{\n  ');
    assert.equal(jsonOf(lines, 6)?.text, '{\n  \n', 'stops at the line before ###');
  });
});

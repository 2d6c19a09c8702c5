import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { OnigScanner, OnigString, loadWASM } from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar } from 'vscode-textmate';
import type { IGrammar } from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/grammar');
/** Tiny stand-ins for VS Code's JSON and XML grammars, enough to prove bodies are embedded. */
const GRAMMARS: Record<string, string> = {
  'source.thredd': path.join(ROOT, 'syntaxes/thredd.tmLanguage.json'),
  'source.json': path.join(FIXTURES, 'json.stub.tmLanguage.json'),
  'text.xml': path.join(FIXTURES, 'xml.stub.tmLanguage.json'),
};

interface Token {
  text: string;
  scopes: string[];
}

let grammar: IGrammar;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new OnigScanner(patterns),
      createOnigString: (text: string) => new OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const file = GRAMMARS[scopeName];
      return file ? parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
  });
  const loaded = await registry.loadGrammar('source.thredd');
  assert.ok(loaded, 'the grammar loads');
  grammar = loaded;
});

function tokenize(fixture: string): Token[][] {
  const lines = fs.readFileSync(path.join(FIXTURES, fixture), 'utf8').split(/\r?\n/);
  let stack = INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}

/** The scopes of the token that is exactly `text` on the first line containing `lineText`. */
function scopesOf(lines: Token[][], source: string[], lineText: string, text: string): string[] {
  const index = source.findIndex((line) => line.includes(lineText));
  assert.ok(index >= 0, `fixture has a line with ${lineText}`);
  const token = lines[index].find((candidate) => candidate.text === text);
  assert.ok(
    token,
    `line ${index + 1} has a token "${text}"; tokens: ${lines[index].map((candidate) => JSON.stringify(candidate.text)).join(' ')}`,
  );
  return token.scopes;
}

function expectScope(fixture: string, lineText: string, text: string, scope: string): void {
  const source = fs.readFileSync(path.join(FIXTURES, fixture), 'utf8').split(/\r?\n/);
  const scopes = scopesOf(tokenize(fixture), source, lineText, text);
  assert.ok(scopes.includes(scope), `"${text}" on the line "${lineText}" has ${scope}; it has ${scopes.join(' ')}`);
}

function expectNoScope(fixture: string, lineText: string, text: string, scope: string): void {
  const source = fs.readFileSync(path.join(FIXTURES, fixture), 'utf8').split(/\r?\n/);
  const scopes = scopesOf(tokenize(fixture), source, lineText, text);
  assert.ok(
    !scopes.some((item) => item.startsWith(scope)),
    `"${text}" on "${lineText}" should not be in ${scope}; it has ${scopes.join(' ')}`,
  );
}

describe('the .thredd TextMate grammar', () => {
  it('scopes separators and their titles', () => {
    expectScope('requests.thredd', '### List products', '###', 'punctuation.definition.separator.thredd');
    expectScope('requests.thredd', '### List products', ' List products', 'entity.name.section.thredd');
  });

  it('scopes the request line: method, URL with variables, HTTP version', () => {
    const line = 'GET {{host}}/core/api/v1/products HTTP/1.1';
    expectScope('requests.thredd', line, 'GET', 'keyword.control.method.thredd');
    expectScope('requests.thredd', line, '/core/api/v1/products', 'string.unquoted.url.thredd');
    expectScope('requests.thredd', line, 'host', 'variable.other.thredd');
    expectScope('requests.thredd', line, '{{', 'punctuation.definition.variable.begin.thredd');
    expectScope('requests.thredd', line, 'HTTP/1.1', 'constant.language.http-version.thredd');
  });

  it('keeps a system variable with arguments inside the URL', () => {
    expectScope('requests.thredd', 'DELETE /cards/', '$randomInt', 'variable.language.system.thredd');
    expectScope('requests.thredd', 'DELETE /cards/', ' 1 10', 'variable.parameter.system.thredd');
  });

  it('scopes query continuation lines', () => {
    expectScope('requests.thredd', '?page=2', '?', 'punctuation.separator.query.thredd');
    expectScope('requests.thredd', '?page=2', 'page', 'variable.parameter.query.thredd');
    expectScope('requests.thredd', '&size=', 'pageSize', 'variable.other.thredd');
  });

  it('scopes header names, values and variables in values', () => {
    expectScope('requests.thredd', 'X-Region: {{region}}', 'X-Region', 'support.type.property-name.header.thredd');
    expectScope('requests.thredd', 'Authorization: Bearer', 'Bearer ', 'string.unquoted.header-value.thredd');
    expectScope('requests.thredd', 'Authorization: Bearer', 'token', 'variable.other.thredd');
  });

  it('scopes metadata: @name, @expect with subject, operator and value, @timeout', () => {
    expectScope('requests.thredd', '# @name products', '@name', 'keyword.other.metadata.thredd');
    expectScope('requests.thredd', '# @name products', 'products', 'entity.name.function.request.thredd');
    expectScope('requests.thredd', '# @expect status 200', 'status', 'support.type.expect-subject.thredd');
    expectScope('requests.thredd', '# @expect status 200', '200', 'constant.numeric.thredd');
    expectScope('requests.thredd', '# @expect header content-type', 'content-type', 'support.type.property-name.header.thredd');
    expectScope('requests.thredd', '# @expect header content-type', 'contains', 'keyword.operator.comparison.thredd');
    expectScope('requests.thredd', '# @expect body', '$.items.length', 'string.other.jsonpath.thredd');
    expectScope('requests.thredd', '# @expect body', '>', 'keyword.operator.comparison.thredd');
    expectScope('requests.thredd', '# @timeout 5000', '5000', 'constant.numeric.thredd');
  });

  it('scopes both comment styles', () => {
    expectScope('requests.thredd', '// a double-slash comment', '//', 'comment.line.double-slash.thredd');
    expectScope('bodies.thredd', '# a plain comment', ' a plain comment', 'comment.line.number-sign.thredd');
  });

  it('scopes file variables and system variables in their values', () => {
    expectScope('requests.thredd', '@host =', 'host', 'variable.other.declaration.thredd');
    expectScope('requests.thredd', '@host =', '=', 'keyword.operator.assignment.thredd');
    expectScope('requests.thredd', '@host =', 'https://uat-mtls.thredd.com', 'string.unquoted.value.thredd');
    expectScope('requests.thredd', '@token =', '$dotenv', 'variable.language.system.thredd');
  });

  it('embeds JSON after a JSON content type, with variables and chained references inside strings', () => {
    const line = '"productId"';
    expectScope('requests.thredd', line, 'productId', 'meta.embedded.block.json');
    expectScope('requests.thredd', line, 'productId', 'string.quoted.double.json');
    expectScope('requests.thredd', line, 'products', 'entity.name.function.request.thredd');
    expectScope('requests.thredd', line, 'response', 'keyword.other.chain.thredd');
    expectScope('requests.thredd', line, '$.items[0].id', 'string.other.jsonpath.thredd');
    expectScope('requests.thredd', '"amount": 100', '100', 'constant.numeric.json');
    expectScope('requests.thredd', '"id": "{{$guid}}"', '$guid', 'variable.language.system.thredd');
  });

  it('embeds JSON when the body starts with { even without a content type, and a ### ends an unclosed brace', () => {
    expectScope('requests.thredd', '{ "broken"', 'broken', 'meta.embedded.block.json');
    expectScope('requests.thredd', 'DELETE /cards/', 'DELETE', 'keyword.control.method.thredd');
    expectNoScope('requests.thredd', 'DELETE /cards/', 'DELETE', 'meta.embedded');
  });

  it('embeds XML after an XML content type and when the body starts with <tag', () => {
    expectScope('bodies.thredd', '<Envelope', 'Envelope', 'meta.embedded.block.xml');
    expectScope('bodies.thredd', '<Envelope', 'Envelope', 'entity.name.tag.xml');
    expectScope('bodies.thredd', '<Envelope', 'cardRef', 'variable.other.thredd');
    expectScope('bodies.thredd', '<Order', 'Order', 'entity.name.tag.xml');
  });

  it('scopes body file references, with and without variable processing, and leaves plain text plain', () => {
    expectScope('bodies.thredd', '< ./card.bin', '<', 'keyword.operator.body-file.thredd');
    expectScope('bodies.thredd', '< ./card.bin', './card.bin', 'string.unquoted.path.thredd');
    expectScope('bodies.thredd', '<@ ./template.json', '@', 'storage.modifier.body-file.thredd');
    expectNoScope('bodies.thredd', '<@ ./template.json', './template.json', 'meta.embedded');
    expectScope('bodies.thredd', 'hello {{name}}', 'name', 'variable.other.thredd');
    expectNoScope('bodies.thredd', 'hello {{name}}', 'hello ', 'meta.embedded');
  });
});

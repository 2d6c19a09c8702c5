import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseRequestFile, resolveRequest } from '../../../src/core/requestFile';
import type { ParsedRequest, ParsedRequestFile, RequestBody } from '../../../src/core/requestFile';

const CORPUS = path.resolve(__dirname, '../../fixtures/restclient');
const files = fs
  .readdirSync(CORPUS)
  .filter((name) => name.endsWith('.http'))
  .sort();

/** The parts of a parse that decide what REST Client would send, in the shape of the `.expected.json` files. */
function project(file: ParsedRequestFile) {
  return JSON.parse(
    JSON.stringify({
      requests: file.requests.map(projectRequest),
      fileVariables: file.fileVariables.map((variable) => [variable.name, variable.value]),
      diagnostics: file.diagnostics.map((diagnostic) => diagnostic.code),
    }),
  );
}

function projectRequest(request: ParsedRequest) {
  return {
    title: request.title,
    name: request.name,
    method: request.method,
    url: request.url,
    httpVersion: request.httpVersion,
    headers: request.headers.map((header) => [header.name, header.value]),
    body: projectBody(request.body),
    variables: request.variables.map((reference) => `${reference.kind} ${reference.expression}`),
    metadata: request.metadata.entries.map((entry) => `${entry.key} ${entry.value}`.trim()),
  };
}

function projectBody(body: RequestBody | undefined) {
  if (!body) return undefined;
  if (body.kind === 'text') return { text: body.text };
  if (body.kind === 'file') return { file: body.path, processVariables: body.processVariables, encoding: body.encoding };
  return {
    parts: body.parts.map((part) =>
      part.kind === 'text' ? part.text : { file: part.path, processVariables: part.processVariables, encoding: part.encoding },
    ),
  };
}

describe('REST Client compatibility corpus', () => {
  it('has a dozen files, each with its expected parse', () => {
    assert.ok(files.length >= 12, `${files.length} .http files`);
    for (const name of files)
      assert.ok(fs.existsSync(path.join(CORPUS, name.replace(/\.http$/, '.expected.json'))), `${name} has an expected JSON`);
  });

  for (const name of files) {
    it(`parses ${name} to exactly the expected requests`, () => {
      const parsed = parseRequestFile(fs.readFileSync(path.join(CORPUS, name), 'utf8'));
      const expected = JSON.parse(fs.readFileSync(path.join(CORPUS, name.replace(/\.http$/, '.expected.json')), 'utf8'));
      assert.deepEqual(project(parsed), expected);
    });
  }

  it('sends a GraphQL request as {query, variables} JSON without the X-Request-Type header, as REST Client does', () => {
    const file = parseRequestFile(fs.readFileSync(path.join(CORPUS, '09-graphql.http'), 'utf8'));
    const { request, unresolved } = resolveRequest(file, file.requests[0], { allowEnv: false });
    assert.deepEqual(unresolved, []);
    assert.deepEqual(
      request.headers.map((header) => header.name),
      ['Content-Type', 'Authorization'],
    );
    assert.equal(request.body?.kind, 'text');
    const payload = JSON.parse(request.body?.kind === 'text' ? request.body.text : '');
    assert.deepEqual(payload.variables, { name: 'vscode-restclient', owner: 'Huachao' });
    assert.match(payload.query, /^query \(\$name: String!, \$owner: String!\) \{\n {2}repository/);
  });

  it('joins form fields continued on & lines without line breaks, as REST Client does', () => {
    const file = parseRequestFile(fs.readFileSync(path.join(CORPUS, '10-form-urlencoded.http'), 'utf8'));
    const { request } = resolveRequest(file, file.requests[0], { allowEnv: false, environment: { clientId: 'abc' } });
    assert.deepEqual(request.body, { kind: 'text', text: 'name=foo&password=bar&client_id=abc' });
  });

  it("sends a relative URL to the Host header's server (https for port 443), as REST Client does", () => {
    const file = parseRequestFile(fs.readFileSync(path.join(CORPUS, '08-no-method.http'), 'utf8'));
    assert.equal(resolveRequest(file, file.requests[2], { allowEnv: false }).request.url, 'https://example.com:443/api/relative');
  });

  it('sends multipart bodies with CRLF line breaks, the file between the text parts', () => {
    const file = parseRequestFile(fs.readFileSync(path.join(CORPUS, '12-multipart.http'), 'utf8'));
    const { request } = resolveRequest(file, file.requests[0], { allowEnv: false, filePath: '/project/api/upload.http' });
    assert.equal(request.body?.kind, 'mixed');
    if (request.body?.kind !== 'mixed') return;
    assert.equal(request.body.lineBreak, '\r\n');
    assert.deepEqual(request.body.parts[1], { kind: 'file', path: '/project/api/1.png', processVariables: false, encoding: undefined });
    assert.ok(request.body.parts[0].kind === 'text' && request.body.parts[0].text.includes('name="text"\r\n\r\ntitle\r\n'));
  });
});

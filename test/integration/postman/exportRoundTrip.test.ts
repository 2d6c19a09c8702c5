import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { importPostman } from '../../../src/core/postman';
import { exportPostman } from '../../../src/core/postman/export';
import { parseRequestFile, type ParsedRequest } from '../../../src/core/requestFile';

const CARDS = [
  '### Create',
  '# @name create',
  'POST {{baseUrl}}/cards?product=1',
  'Content-Type: application/json',
  'X-Trace: abc',
  '',
  '{"name": "Jane"}',
  '',
  '### List',
  '# @name list',
  'GET {{baseUrl}}/cards?limit=10',
  'Accept: application/json',
].join('\n');

const shape = (request: ParsedRequest) => ({
  method: request.method,
  url: request.url,
  headers: request.headers.map((header) => `${header.name}: ${header.value}`),
  body: request.body?.kind === 'text' ? request.body.text.trim() : request.body?.kind,
});

describe('export to Postman and import back', () => {
  it('gives back the same requests: method, URL, headers and body', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-roundtrip-'));
    fs.writeFileSync(path.join(dir, 'cards.thredd'), CARDS);
    const out = path.join(dir, 'collection.json');
    await exportPostman({ files: [path.join(dir, 'cards.thredd')], out });
    const report = await importPostman({ collection: out, out: path.join(dir, 'imported'), cwd: dir });
    const imported = report.files.flatMap((file) =>
      parseRequestFile(fs.readFileSync(path.join(dir, 'imported', file), 'utf8')).requests.map(shape),
    );
    // The export's collection bearer auth over {{accessToken}} (Thredd's automatic token) comes back as a header.
    const bearer = 'Authorization: Bearer {{accessToken}}';
    assert.ok(imported.every((request) => request.headers.includes(bearer)));
    const withoutBearer = imported.map((request) => ({ ...request, headers: request.headers.filter((header) => header !== bearer) }));
    assert.deepEqual(withoutBearer, parseRequestFile(CARDS).requests.map(shape));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

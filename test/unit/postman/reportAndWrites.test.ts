import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../../src/cli/main';
import { importPostman } from '../../../src/core/postman';
import { isUserError } from '../../../src/core/errors/userError';
import { collection, importFixture, requestItem, snapshot, tempFolder, testScript } from '../../support/postmanImport';

const sample = collection([
  requestItem(
    'One',
    { url: 'https://x.test/1' },
    { event: [testScript('pm.response.to.have.status(200);', 'console.log("kept");')], response: [{ name: 'example' }] },
  ),
  requestItem('Digest', { url: 'https://x.test/2', auth: { type: 'digest', digest: [] } }),
]);

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (text) => (out += text), err: (text) => (err += text), env: {}, cwd });
  return { code, out, err };
}

describe('Postman import: report and writes', () => {
  it('counts requests, translated and kept statements, and lists every dropped item with its reason', async () => {
    const { report } = await importFixture(sample);
    assert.equal(report.requests, 2);
    assert.equal(report.translated, 1);
    assert.equal(report.keptAsComments, 1);
    assert.deepEqual(
      report.dropped.map((item) => item.name),
      ['Digest (auth)', 'One'],
    );
    assert.match(report.dropped[0].reason, /"digest" auth is not supported/);
    assert.match(report.dropped[1].reason, /1 saved example/);
  });

  it('--json prints {requests, files, translated, keptAsComments, dropped}', async () => {
    const dir = tempFolder();
    fs.writeFileSync(path.join(dir, 'c.json'), JSON.stringify(sample));
    const { code, out } = await cli(['import', 'postman', 'c.json', '--out', 'out', '--json'], dir);
    assert.equal(code, 0);
    const json = JSON.parse(out);
    assert.equal(json.requests, 2);
    assert.deepEqual(json.files, ['Test API.thredd']);
    assert.equal(json.translated, 1);
    assert.equal(json.keptAsComments, 1);
    assert.equal(json.dropped.length, 2);
  });

  it('prints a text report by default', async () => {
    const dir = tempFolder();
    fs.writeFileSync(path.join(dir, 'c.json'), JSON.stringify(sample));
    const { out } = await cli(['import', 'postman', 'c.json'], dir);
    assert.match(out, /requests imported: +2 in 1 file/);
    assert.ok(fs.existsSync(path.join(dir, 'Test API', 'Test API.thredd')), 'the default folder is named after the collection');
  });

  it('never changes existing thredd.json entries or files without --force, and keeps comments', async () => {
    const dir = tempFolder();
    fs.writeFileSync(path.join(dir, 'c.json'), JSON.stringify(sample));
    fs.mkdirSync(path.join(dir, 'out'));
    const mine = '{\n  // my comment\n  "environments": { "Test API": { "baseUrl": "https://mine.test" } }\n}\n';
    fs.writeFileSync(path.join(dir, 'out', 'thredd.json'), mine);
    const report = await importPostman({ collection: 'c.json', out: 'out', cwd: dir });
    const text = fs.readFileSync(path.join(dir, 'out', 'thredd.json'), 'utf8');
    assert.match(text, /\/\/ my comment/);
    assert.match(text, /https:\/\/mine\.test/);
    assert.deepEqual(
      report.config.find((change) => change.path[0] === 'environments'),
      { path: ['environments', 'Test API'], action: 'skipped' },
    );
    const before = snapshot(dir);
    await assert.rejects(
      importPostman({ collection: 'c.json', out: 'out', cwd: dir }),
      (error) => isUserError(error) && /already has Test API\.thredd; nothing was written/.test(error.message),
    );
    assert.deepEqual(snapshot(dir), before);
    const forced = await importPostman({ collection: 'c.json', out: 'out', cwd: dir, force: true });
    assert.deepEqual(forced.config.find((change) => change.path[0] === 'environments')?.action, 'replaced');
    assert.match(fs.readFileSync(path.join(dir, 'out', 'thredd.json'), 'utf8'), /"baseUrl": "https:\/\/x\.test"/);
  });

  for (const [what, text] of [
    ['a v1 collection', JSON.stringify({ name: 'Old', order: [], requests: [] })],
    ['YAML', 'type: collection\nname: x\n'],
    ['a truncated file', JSON.stringify(sample).slice(0, 100)],
    ['not JSON', 'not json at all'],
  ] as const) {
    it(`bad input (${what}) gives its message and leaves the folder unchanged`, async () => {
      const dir = tempFolder();
      fs.writeFileSync(path.join(dir, 'c.json'), text);
      fs.mkdirSync(path.join(dir, 'out'));
      fs.writeFileSync(path.join(dir, 'out', 'thredd.json'), '{ "environments": {} }\n');
      const before = snapshot(dir);
      const { code, err } = await cli(['import', 'postman', 'c.json', '--out', 'out'], dir);
      assert.notEqual(code, 0);
      assert.match(err, /c\.json/);
      assert.doesNotMatch(err, /\n\s+at /, 'no stack trace');
      assert.deepEqual(snapshot(dir), before);
    });
  }

  it('a bad environment file writes nothing either', async () => {
    const dir = tempFolder();
    fs.writeFileSync(path.join(dir, 'c.json'), JSON.stringify(sample));
    fs.writeFileSync(path.join(dir, 'e.json'), '{"values": [');
    const before = snapshot(dir);
    const { code, err } = await cli(['import', 'postman', 'c.json', '--environment', 'e.json'], dir);
    assert.equal(code, 1);
    assert.match(err, /e\.json:1:\d+/);
    assert.deepEqual(snapshot(dir), before);
  });

  /** A folder whose request sets {{id}} for a later folder's: the folders then become sections of one file. */
  const SETS_ID_FOLDER = {
    name: 'Setup',
    item: [
      requestItem(
        'Create',
        { method: 'POST', url: 'https://x.test/c' },
        { event: [testScript('pm.environment.set("id", pm.response.json().id);')] },
      ),
    ],
  };

  it('a folder name on several lines becomes a one-line section heading, and the import goes on', async () => {
    const result = await importFixture(
      collection([
        SETS_ID_FOLDER,
        {
          name: 'Use\r\n  the card',
          item: [requestItem('Read', { url: 'https://x.test/c/{{id}}' })],
          event: [testScript('console.log("read");')],
        },
      ]),
    );
    const text = result.texts.get('Test API.thredd')!;
    assert.match(text, /^# folder: Use the card$/m);
    assert.match(text, /^# Folder "Use the card" .*NOT RUN by Thredd:$/m);
    assert.equal(result.report.requests, 2);
  });

  it('folders become sections of one file when scripts pass values between folders', async () => {
    const result = await importFixture(
      collection([SETS_ID_FOLDER, { name: 'Use', item: [requestItem('Read', { url: 'https://x.test/c/{{id}}' })] }]),
    );
    assert.deepEqual(result.report.files, ['Test API.thredd']);
    assert.match(result.texts.get('Test API.thredd')!, /^# folder: Use$/m);
    assert.deepEqual(result.byTitle('Read').needs, ['Create']);
  });
});

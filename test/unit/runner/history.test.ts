import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { MASK } from '../../../src/core/requestFile';
import { HistoryStore, type RunResult } from '../../../src/core/runner';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-history-'));
let counter = 0;

function result(overrides: Partial<RunResult> = {}, text = '{"ok":true}'): RunResult {
  counter += 1;
  return {
    id: `run-${counter}`,
    filePath: '/work/cards.thredd',
    requestIndex: 0,
    name: 'list',
    startedAt: new Date().toISOString(),
    request: { method: 'GET', url: 'https://uat-api.thredd.com/cards', headers: [{ name: 'Authorization', value: `Bearer ${MASK}` }] },
    response: {
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': 'application/json' },
      contentType: 'application/json',
      size: Buffer.byteLength(text),
      body: { kind: 'memory', bytes: Buffer.from(text) },
      text,
      truncated: false,
      url: 'https://uat-api.thredd.com/cards',
      redirects: [],
    },
    expectations: [],
    warnings: [],
    durationMs: 12,
    dependencies: [],
    ok: true,
    ...overrides,
  };
}

function store(name: string, options: ConstructorParameters<typeof HistoryStore>[1] = {}) {
  const warnings: string[] = [];
  const history = new HistoryStore(path.join(dir, name), { ...options, onWarning: (message) => warnings.push(message) });
  return { history, warnings, file: path.join(dir, name) };
}

describe('HistoryStore', () => {
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps the newest N runs first and reads them back in a new session', async () => {
    const { history, file } = store('limit/history.json', { limit: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await history.add(result())).id);
    assert.deepEqual(
      (await history.list()).map((entry) => entry.id),
      ids.slice(2).reverse(),
    );
    assert.equal(fs.statSync(file).mode & 0o777, 0o600, 'responses may hold card data');
    const reopened = new HistoryStore(file, { limit: 3 });
    assert.deepEqual(
      (await reopened.list()).map((entry) => entry.id),
      ids.slice(2).reverse(),
    );
    assert.equal((await reopened.get(ids[4]))?.response?.status, 200);
    await reopened.setLimit(1);
    assert.deepEqual(
      (await reopened.list()).map((entry) => entry.id),
      [ids[4]],
    );
  });

  it('masks credentials in a token endpoint answer and a form body sent from a request file', async () => {
    const { history, file } = store('credentials.json');
    const form = 'grant_type=client_credentials&client_id=app&client_secret=marker-secret';
    const request = {
      method: 'POST',
      url: 'https://127.0.0.1:8443/oauth2/token',
      headers: [],
      body: { preview: form, size: form.length, binary: false, truncated: false, source: { kind: 'text' as const, text: form } },
    };
    const added = await history.add(result({ request }, '{"access_token":"marker-token","token_type":"Bearer"}'));
    const saved = fs.readFileSync(file, 'utf8');
    assert.equal(/marker-(secret|token)/.test(saved), false, saved);
    const entry = await history.get(added.id);
    assert.equal(entry?.response?.text, `{"access_token":"${MASK}","token_type":"Bearer"}`);
    assert.equal(entry?.request?.body?.preview, `grant_type=client_credentials&client_id=app&client_secret=${MASK}`);
  });

  it('masks cookies and credentials in URLs', async () => {
    const { history, file } = store('cookies.json');
    const run = result({
      request: {
        method: 'GET',
        url: 'https://api/cards?access_token=marker-url',
        headers: [{ name: 'Cookie', value: 'session=marker-cookie' }],
      },
    });
    run.response!.headers = { 'set-cookie': ['session=marker-set-cookie; HttpOnly'], 'content-type': 'application/json' };
    await history.add(run);
    const saved = fs.readFileSync(file, 'utf8');
    assert.equal(/marker-/.test(saved), false, saved);
    assert.match(saved, /"content-type":"application\/json"/);
  });

  it('loses nothing when runs are added at the same time', async () => {
    const { history, file } = store('concurrent.json');
    await Promise.all(Array.from({ length: 20 }, () => history.add(result())));
    assert.equal((await history.list()).length, 20);
    assert.equal((await new HistoryStore(file).list()).length, 20);
  });

  it('stores only the masked request and the first 64 KiB of a response body', async () => {
    const { history, file } = store('bodies.json');
    const big = 'é'.repeat(40 * 1024); // 80 KiB of UTF-8
    const entry = await history.add(result({}, big));
    assert.equal(entry.response?.truncated, true);
    assert.ok(Buffer.byteLength(entry.response?.text ?? '') <= 64 * 1024);
    assert.ok(!entry.response?.text?.includes('\uFFFD'), 'no character is cut in half');
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(saved.entries[0].request.headers[0].value, `Bearer ${MASK}`);
    assert.equal(saved.entries[0].response.body, undefined, 'the raw bytes are not kept');
  });

  it('starts empty with a warning when the file is damaged, and replaces it on the next run', async () => {
    const { history, warnings, file } = store('damaged.json');
    fs.writeFileSync(file, '{"version": 1, "entries": [');
    assert.deepEqual(await history.list(), []);
    assert.match(warnings[0], /is damaged .*starting a new history/);
    await history.add(result());
    assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).entries.length, 1);
    const wrongShape = store('shape.json');
    fs.writeFileSync(wrongShape.file, '[1, 2, 3]');
    assert.deepEqual(await wrongShape.history.list(), []);
    assert.match(wrongShape.warnings[0], /not a history file of this version/);
  });

  it('never throws when the history cannot be written: it warns and keeps the runs in memory', async () => {
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    const { history, warnings } = store('a-file/history.json');
    const entry = await history.add(result());
    assert.equal((await history.list())[0].id, entry.id);
    assert.match(warnings.at(-1) ?? '', /could not be saved to .*a-file\/history\.json/);
  });

  it('removes one run or all of them', async () => {
    const { history } = store('remove.json');
    const first = await history.add(result());
    const second = await history.add(result());
    await history.remove(first.id);
    assert.deepEqual(
      (await history.list()).map((entry) => entry.id),
      [second.id],
    );
    await history.clear();
    assert.deepEqual(await history.list(), []);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigEditError, ConfigEditor, parseConfigText } from '../../../src/core/config';
import { isUserError } from '../../../src/core/errors/userError';

const USER_CONFIG = `{
  // my environments
  "defaultEnvironment": "uat",
  "environments": {
    "uat": { "baseUrl": "https://uat-api.thredd.com" }, // keep me
  },
  "applications": {
    "app": { "appId": "1", "clientId": "c", "auth": { "method": "client_secret_post", "secret": "\${env:S}" } }
  }
}
`;

const load = (text: string) => parseConfigText(text, '/ws/thredd.json', { fileExists: () => true, env: { S: 's' } });

describe('ConfigEditor (thredd.json edits in place)', () => {
  it('adds entries keeping the comments, the formatting and the other entries', () => {
    const editor = ConfigEditor.open(USER_CONFIG, '/ws/thredd.json');
    assert.equal(editor.set('environments', 'sandbox', { baseUrl: 'https://127.0.0.1:8443', region: '0' }), 'added');
    const application = { appId: '2', clientId: 'd', auth: { method: 'client_secret_post', secret: 'x' } };
    assert.equal(editor.set('applications', 'imported', application), 'added');
    const text = editor.text;
    assert.match(text, /\/\/ my environments/);
    assert.match(text, /\/\/ keep me/);
    assert.ok(text.startsWith(USER_CONFIG.slice(0, USER_CONFIG.indexOf('"environments"'))), 'the text before the edits is untouched');
    const { config, diagnostics } = load(text);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(Object.keys(config!.environments), ['uat', 'sandbox']);
    assert.deepEqual(Object.keys(config!.applications), ['app', 'imported']);
  });

  it('keeps an existing entry unless forced, and reports what it added, replaced and skipped', () => {
    const editor = ConfigEditor.open(USER_CONFIG, 'thredd.json');
    assert.equal(editor.set('environments', 'uat', { baseUrl: 'https://other.test' }), 'skipped');
    assert.equal(editor.text, USER_CONFIG, 'nothing changed');
    assert.equal(editor.set('environments', 'uat', { baseUrl: 'https://other.test' }, { force: true }), 'replaced');
    assert.equal(load(editor.text).config!.environments.uat.baseUrl, 'https://other.test');
    assert.equal(editor.set('environments', 'new', { baseUrl: 'https://new.test' }), 'added');
    assert.deepEqual(editor.changes, [
      { path: ['environments', 'uat'], action: 'skipped' },
      { path: ['environments', 'uat'], action: 'replaced' },
      { path: ['environments', 'new'], action: 'added' },
    ]);
    assert.deepEqual(editor.names('environments'), ['uat', 'new']);
  });

  it('sets defaultEnvironment only when it is missing or names no environment, unless forced', () => {
    const kept = ConfigEditor.open(USER_CONFIG, 'thredd.json');
    assert.equal(kept.setDefaultEnvironment('sandbox'), 'skipped');
    assert.equal(kept.defaultEnvironment, 'uat');
    const dangling = ConfigEditor.open(USER_CONFIG.replace('"defaultEnvironment": "uat"', '"defaultEnvironment": "gone"'), 'thredd.json');
    assert.equal(dangling.setDefaultEnvironment('uat'), 'replaced');
    assert.match(dangling.text, /"defaultEnvironment": "uat"/);
    const missing = ConfigEditor.open('{}', 'thredd.json');
    assert.equal(missing.setDefaultEnvironment('uat'), 'added');
    assert.deepEqual(JSON.parse(missing.text), { defaultEnvironment: 'uat' });
    const forced = ConfigEditor.open(USER_CONFIG, 'thredd.json');
    assert.equal(forced.setDefaultEnvironment('other', { force: true }), 'replaced');
    assert.equal(forced.defaultEnvironment, 'other');
  });

  it('starts a new file from a skeleton when there is none', () => {
    const editor = ConfigEditor.open(undefined, 'thredd.json');
    editor.set('environments', 'uat', { baseUrl: 'https://uat-api.thredd.com' });
    assert.deepEqual(JSON.parse(editor.text), { environments: { uat: { baseUrl: 'https://uat-api.thredd.com' } }, applications: {} });
    assert.equal(ConfigEditor.open(undefined, 'thredd.json', { skeleton: '{\n  // mine\n}\n' }).text, '{\n  // mine\n}\n');
  });

  it('refuses text that is not a JSON object, naming the file, with a UserError', () => {
    for (const text of ['{ "environments": ', '[]', 'not json', '{ "a": 1,, }']) {
      assert.throws(
        () => ConfigEditor.open(text, '/ws/thredd.json'),
        (error: unknown) => {
          assert.ok(error instanceof ConfigEditError && isUserError(error));
          assert.match(error.message, /^\/ws\/thredd\.json is not valid JSON, so it cannot be edited\.$/);
          assert.match(error.fix, /Fix the file/);
          return true;
        },
      );
    }
  });

  it('refuses to add to a section that is not an object', () => {
    const editor = ConfigEditor.open('{ "environments": [] }', '/ws/thredd.json');
    assert.throws(() => editor.set('environments', 'uat', {}), /"environments" in \/ws\/thredd\.json is not an object/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addEnvironmentToConfigText, parseConfigText } from '../../../src/core/config';

describe('editing thredd.json', () => {
  it('adds an environment and keeps the comments and the other entries', () => {
    const text = '{\n  // my environments\n  "environments": {\n    "a": { "baseUrl": "https://a.test" } // first\n  }\n}\n';
    const edited = addEnvironmentToConfigText(text, 'uat-tls', { baseUrl: 'https://uat-api.thredd.com', region: '0' });
    assert.match(edited, /\/\/ my environments/);
    assert.match(edited, /\/\/ first/);
    const { config, diagnostics } = parseConfigText(edited, '/p/thredd.json', { fileExists: () => true, env: {} });
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(Object.keys(config!.environments), ['a', 'uat-tls']);
    assert.equal(config!.environments['uat-tls'].baseUrl, 'https://uat-api.thredd.com');
  });

  it('refuses a thredd.json that is not valid JSON instead of writing a broken one, naming the file', () => {
    const add = () => addEnvironmentToConfigText('{ "environments": ', 'x', { baseUrl: 'https://x.test' }, '/ws/thredd.json');
    assert.throws(add, /^ConfigEditError: \/ws\/thredd\.json is not valid JSON/);
  });

  it('creates the environments object when there is none', () => {
    const edited = addEnvironmentToConfigText('{}', 'x', { baseUrl: 'https://x.test' });
    assert.deepEqual(JSON.parse(edited), { environments: { x: { baseUrl: 'https://x.test' } } });
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import schema from '../../../schemas/thredd.schema.json';
import { formatConfigDiagnostic, parseConfigText } from '../../../src/core/config';

const FILE = '/work/project/thredd.json';
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** thredd.json with one environment "uat" whose proxy settings are `extra` (JSON text, written on line 5). */
function configWith(extra: string, env: Record<string, string> = {}) {
  const text = `{
  "environments": {
    "uat": {
      "baseUrl": "https://uat-mtls.thredd.com",
      ${extra}
    }
  }
}`;
  return { text, ...parseConfigText(text, FILE, { fileExists: () => true, env }) };
}

describe('thredd.json proxy settings', () => {
  it('keep an environment proxy URL, expand ${env:...} in it and resolve proxyCa against the file', () => {
    const { config, diagnostics } = configWith(
      '"proxy": "http://alice:${env:PROXY_PASSWORD}@proxy:3128", "proxyCa": "certs/proxy-ca.pem"',
      {
        PROXY_PASSWORD: 'hunter2',
      },
    );
    assert.deepEqual(diagnostics, []);
    assert.equal(config?.environments.uat.proxy, 'http://alice:hunter2@proxy:3128');
    assert.equal(config?.environments.uat.proxyCa, '/work/project/certs/proxy-ca.pem');
  });

  it('keep "proxy": false as go direct, and leave an unset proxy undefined', () => {
    assert.equal(configWith('"proxy": false').config?.environments.uat.proxy, false);
    assert.equal(configWith('"region": "0"').config?.environments.uat.proxy, undefined);
  });

  it('reject a proxy that is neither a string nor false, at its line, with the fix', () => {
    for (const value of ['3128', 'true']) {
      const { config, diagnostics } = configWith(`"proxy": ${value}`);
      assert.equal(config, undefined);
      assert.equal(diagnostics.length, 1);
      assert.equal(
        diagnostics[0].message,
        `"environments.uat.proxy" must be a string or false, not ${value === 'true' ? 'boolean' : 'number'} ${value}.`,
      );
      assert.equal(diagnostics[0].fix, 'Write a proxy URL such as "http://proxy.example.com:3128", or false to go direct.');
      assert.equal(diagnostics[0].range.start.line, 4);
    }
  });

  it('reject a SOCKS proxy with what is supported, its password masked', () => {
    const { config, diagnostics } = configWith('"proxy": "socks5://bob:s3cret@proxy:1080"');
    assert.equal(config, undefined);
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].message, '"environments.uat.proxy" is "socks5://bob:••••••@proxy:1080": socks5 proxies are not supported.');
    assert.match(errors[0].fix, /http:\/\/proxy\.example\.com:3128/);
    assert.equal(errors[0].range.start.line, 4);
    assert.doesNotMatch(diagnostics.map(formatConfigDiagnostic).join('\n'), /s3cret/);
  });

  it('warn about a password written into the file, pointing at ${env:NAME}, without repeating it', () => {
    const { config, diagnostics } = configWith('"proxy": "http://bob:s3cret@proxy:3128"');
    assert.ok(config, 'a warning: the proxy still works');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, 'warning');
    assert.equal(diagnostics[0].message, '"environments.uat.proxy" holds a proxy password in the file.');
    assert.match(diagnostics[0].fix, /\$\{env:PROXY_PASSWORD\}/);
    assert.doesNotMatch(formatConfigDiagnostic(diagnostics[0]), /s3cret/);
  });

  it('do not warn about a user name alone or a password from ${env:...}', () => {
    assert.deepEqual(configWith('"proxy": "http://bob@proxy:3128"').diagnostics, []);
    assert.deepEqual(
      configWith('"proxy": "http://${env:PROXY_USER}:${env:PROXY_PASSWORD}@proxy:3128"', { PROXY_USER: 'u', PROXY_PASSWORD: 'p' })
        .diagnostics,
      [],
    );
  });

  it('are accepted and rejected alike by the editor schema', () => {
    for (const [extra, valid] of [
      ['"proxy": "http://proxy:3128", "proxyCa": "ca.pem"', true],
      ['"proxy": false', true],
      ['"proxy": true', false],
      ['"proxy": 3128', false],
    ] as const) {
      const { text, config } = configWith(extra);
      assert.equal(validate(JSON.parse(text)), valid, extra);
      assert.equal(config !== undefined, valid, extra);
    }
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfigText, renderConfigFromTemplates } from '../../../src/core/config';

describe('thredd.json templates', () => {
  it('use the documented Thredd hosts and token endpoint', () => {
    const text = renderConfigFromTemplates(['uat-mtls', 'uat-tls', 'production-mtls', 'production-tls']);
    const { config } = parseConfigText(text, '/p/thredd.json', { fileExists: () => true, env: {} });
    assert.ok(config);
    assert.equal(config.defaultEnvironment, 'uat-mtls');
    assert.deepEqual(
      Object.values(config.environments).map((environment) => [
        environment.name,
        environment.baseUrl,
        environment.tokenUrl,
        environment.clientCertificate?.kind ?? 'none',
      ]),
      [
        ['uat-mtls', 'https://uat-mtls.thredd.com', 'https://threddid.com/oauth2/token', 'pem'],
        ['uat-tls', 'https://uat-api.thredd.com', 'https://threddid.com/oauth2/token', 'none'],
        ['production-mtls', 'https://mtls.thredd.com', 'https://threddid.com/oauth2/token', 'pem'],
        ['production-tls', 'https://api.thredd.com', 'https://threddid.com/oauth2/token', 'none'],
      ],
    );
  });

  it('refuses an empty choice', () => {
    assert.throws(() => renderConfigFromTemplates([]), /at least one/);
  });
});

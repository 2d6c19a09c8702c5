// A real oidc-provider authorization server (src/sandbox) on 127.0.0.1 over HTTPS, with the files a
// thredd.json needs: CA, transport certificate, signing key. Tests and benches share it.
import { createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exportJWK, type JWK } from 'jose';
import { loadConfigFile, type ThreddConfig } from '../../src/core/config';
import { startAuthorizationServer, type RunningAuthorizationServer } from '../../src/sandbox/startAuthorizationServer';
import { createTestCa, type TestCa, type TestCert } from './testPki';

export const PKJ_CLIENT_ID = `https://rp.directory.sandbox.threddid.com/openid_relying_party/${randomUUID()}`;
export const SIGNING_KID = 'sig-2026-01';
export const SECRETS = { post: 'post-secret-value', basic: 'basic:secret/value', introspector: 'rs-secret' };

export interface AuthFixture {
  dir: string;
  ca: TestCa;
  transport: TestCert;
  signingKey: KeyObject;
  files: { ca: string; transportCert: string; transportKey: string; signingKey: string; config: string };
  server: RunningAuthorizationServer;
  config: ThreddConfig;
  close(): Promise<void>;
}

function publicJwk(key: KeyObject, kid: string, alg: string): Promise<JWK> {
  return exportJWK(key).then((jwk) => ({ ...jwk, kid, alg, use: 'sig' }));
}

export async function startAuthFixture(options: { scopes?: string[]; softwareStatementKey?: KeyObject } = {}): Promise<AuthFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-auth-'));
  const ca = await createTestCa();
  const serverCert = await ca.issue({ commonName: 'localhost', usage: 'server' });
  const transport = await ca.issue({ commonName: 'transport-client', usage: 'client' });
  const { privateKey: signingKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text, { mode: 0o600 });
    return file;
  };
  const files = {
    ca: write('ca.pem', ca.certPem),
    transportCert: write('transport.pem', transport.certPem),
    transportKey: write('transport.key', transport.keyPem),
    signingKey: write('signing.key', signingKey.export({ type: 'pkcs8', format: 'pem' }) as string),
    config: path.join(dir, 'thredd.json'),
  };
  const orgJwks = { keys: [await publicJwk(publicKey, SIGNING_KID, 'RS256')] };
  const ssaKey = options.softwareStatementKey;
  const server = await startAuthorizationServer(
    { certPem: serverCert.certPem, keyPem: serverCert.keyPem, caPem: ca.certPem },
    {
      scopes: options.scopes ?? ['cards.read', 'cards.write', 'pin.read'],
      clientJwks: () => orgJwks,
      softwareStatement: ssaKey
        ? { keys: { keys: [await publicJwk(createPublicKey(ssaKey), 'ssa', 'RS256')] }, issuer: 'test-directory' }
        : undefined,
      clients: [
        {
          client_id: PKJ_CLIENT_ID,
          token_endpoint_auth_method: 'private_key_jwt',
          scope: 'cards.read cards.write',
          tls_client_certificate_bound_access_tokens: true,
          pmid: 'PM-1234',
        },
        {
          client_id: 'secret-post-client',
          client_secret: SECRETS.post,
          token_endpoint_auth_method: 'client_secret_post',
          scope: 'cards.read',
        },
        {
          client_id: 'secret-basic-client',
          client_secret: SECRETS.basic,
          token_endpoint_auth_method: 'client_secret_basic',
          scope: 'cards.read',
          pmid: 'PM-9',
        },
        { client_id: 'introspector', client_secret: SECRETS.introspector, token_endpoint_auth_method: 'client_secret_basic' },
      ],
    },
  );
  const thredd = {
    defaultEnvironment: 'local-mtls',
    environments: {
      'local-mtls': {
        baseUrl: server.url,
        tokenUrl: server.endpoints.token,
        application: 'pkj',
        ca: 'ca.pem',
        mtls: { cert: 'transport.pem', key: 'transport.key' },
      },
      'local-post': { baseUrl: server.url, tokenUrl: server.endpoints.token, application: 'post', ca: 'ca.pem' },
      'local-basic': { baseUrl: server.url, tokenUrl: server.endpoints.token, application: 'basic', ca: 'ca.pem' },
    },
    applications: {
      pkj: {
        clientId: PKJ_CLIENT_ID,
        auth: { method: 'private_key_jwt', key: 'signing.key', kid: SIGNING_KID },
        scopes: ['cards.read', 'cards.write'],
      },
      post: {
        clientId: 'secret-post-client',
        auth: { method: 'client_secret_post', secret: '${env:THREDD_CLIENT_SECRET}' },
        scopes: ['cards.read'],
      },
      basic: { clientId: 'secret-basic-client', auth: { method: 'client_secret_basic', secret: SECRETS.basic }, scopes: ['cards.read'] },
    },
  };
  fs.writeFileSync(files.config, JSON.stringify(thredd, null, 2));
  const loaded = await loadConfigFile(files.config, { env: { THREDD_CLIENT_SECRET: SECRETS.post } });
  if (!loaded.config) throw new Error(`fixture thredd.json is invalid: ${JSON.stringify(loaded.diagnostics)}`);
  return {
    dir,
    ca,
    transport,
    signingKey,
    files,
    server,
    config: loaded.config,
    close: async () => {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

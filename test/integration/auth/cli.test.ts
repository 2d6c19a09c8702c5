import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { decodeJwt, jwtVerify, SignJWT } from 'jose';
import { runCli } from '../../../src/cli/main';
import { startForwardProxy } from '../../support/forwardProxy';
import { PKJ_CLIENT_ID, SECRETS, SIGNING_KID, startAuthFixture, type AuthFixture } from '../../support/authServerFixture';
import { joinedPattern } from '../../support/joinedPattern';

const ssaKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
let fixture: AuthFixture;

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text), env, cwd: fixture.dir });
  return { code, stdout, stderr };
}

describe('thredd assertion, token, introspect and dcr against a local authorization server', () => {
  before(async () => {
    fixture = await startAuthFixture({ softwareStatementKey: ssaKey });
  });
  after(() => fixture.close());

  it('prints a signed client assertion, or its decoded form with --json', async () => {
    const plain = await run([
      'assertion',
      '--client-id',
      PKJ_CLIENT_ID,
      '--key',
      'signing.key',
      '--kid',
      SIGNING_KID,
      '--aud',
      'https://as.example/oauth2/token',
      '--ttl',
      '60',
    ]);
    assert.equal(plain.code, 0, plain.stderr);
    const { payload, protectedHeader } = await jwtVerify(plain.stdout.trim(), createPublicKey(fixture.signingKey), {
      audience: 'https://as.example/oauth2/token',
    });
    assert.deepEqual(protectedHeader, { alg: 'RS256', kid: SIGNING_KID });
    assert.equal(payload.exp! - payload.iat!, 60);
    assert.equal(payload.iss, PKJ_CLIENT_ID);

    const json = JSON.parse((await run(['assertion', '--client-id', 'c', '--key', 'signing.key', '--alg', 'PS256', '--json'])).stdout);
    assert.equal(json.header.alg, 'PS256');
    assert.equal(json.claims.aud, 'https://threddid.com/oauth2/token', 'defaults to the Thredd token endpoint');

    const wrongAlg = await run(['assertion', '--client-id', 'c', '--key', 'signing.key', '--alg', 'ES256']);
    assert.equal(wrongAlg.code, 1);
    assert.match(
      wrongAlg.stderr,
      joinedPattern(
        /^thredd: ES256 needs an EC P-256 key, but .*signing\.key is an RSA 2048-bit key\. /,
        /Set "alg": "RS256" \(or "PS256"\) for this RSA key\.\n$/,
      ),
    );
    fs.writeFileSync(
      path.join(fixture.dir, 'enc.key'),
      fixture.signingKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }),
    );
    const encrypted = await run(['assertion', '--client-id', 'c', '--key', 'enc.key', '--passphrase-env', 'KEY_PW'], { KEY_PW: 'pw' });
    assert.equal(encrypted.code, 0, encrypted.stderr);
  });

  it('gets a token over mTLS and shows it redacted unless asked, with claims and binding in --json', async () => {
    const text = await run(['token', '--env', 'local-mtls']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^Access token \(Bearer\): eyJ\w{3}…\(\d+ chars\)\n/);
    assert.match(text.stdout, /Scope: cards\.read cards\.write\n/);
    assert.match(text.stdout, /PMID: PM-1234/);
    assert.match(text.stdout, /Bound to certificate x5t#S256 \S+ \(matches the transport certificate\)/);
    assert.match(text.stdout, /pass --show-token to print it/);

    const json = await run(['token', '--config', 'thredd.json', '--env', 'local-mtls', '--json', '--show-token']);
    const parsed = JSON.parse(json.stdout);
    assert.deepEqual(Object.keys(parsed), ['access_token', 'token_type', 'expires_in', 'scope', 'claims', 'boundToCertificate', 'route']);
    assert.deepEqual(parsed.route, { kind: 'direct', source: 'no proxy configured' });
    assert.equal(decodeJwt(parsed.access_token).client_id, PKJ_CLIENT_ID);
    assert.deepEqual(parsed.boundToCertificate, { 'x5t#S256': fixture.transport.x5tS256, matchesTransportCertificate: true });
    assert.equal(parsed.claims.pmid, 'PM-1234');
  });

  it('gets a certificate-bound token through the proxy HTTPS_PROXY names, and says so', async () => {
    const proxy = await startForwardProxy();
    try {
      const json = await run(['token', '--env', 'local-mtls', '--json'], { HTTPS_PROXY: proxy.url.href });
      assert.equal(json.code, 0, json.stderr);
      const parsed = JSON.parse(json.stdout);
      assert.deepEqual(parsed.route, { kind: 'proxy', proxy: proxy.url.origin, source: 'HTTPS_PROXY' });
      assert.equal(parsed.boundToCertificate.matchesTransportCertificate, true, 'the client certificate went through the tunnel');
      assert.equal(proxy.tunnels(), 1);
      const text = await run(['token', '--env', 'local-mtls'], { HTTPS_PROXY: proxy.url.href });
      assert.match(text.stdout, new RegExp(`Token endpoint reached via ${proxy.url.origin.replace(/\./g, '\\.')} \\(HTTPS_PROXY\\)`));
    } finally {
      await proxy.close();
    }
  });

  it('takes the client secret from THREDD_CLIENT_SECRET, and explains refusals in one line', async () => {
    const post = await run(['token', '--env', 'local-post', '--json'], { THREDD_CLIENT_SECRET: SECRETS.post });
    assert.equal(post.code, 0, post.stderr);
    assert.match(JSON.parse(post.stdout).access_token, /^.{6}…\(\d+ chars\)$/);
    const missing = await run(['token', '--env', 'local-post']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /No client secret for application "post"\. Set "secret": "\$\{env:THREDD_CLIENT_SECRET\}"/);
    const wrong = await run(['token', '--env', 'local-post'], { THREDD_CLIENT_SECRET: 'nope' });
    assert.equal(wrong.code, 1);
    assert.match(
      wrong.stderr,
      joinedPattern(
        /^thredd: Token request refused \(HTTP 401\): invalid_client: client authentication failed.*\. /,
        /Hint: Check the client ID and the client secret/,
      ),
    );
    assert.equal(wrong.stderr.split('\n').length, 2, 'one line');
  });

  it('introspects a token given in an environment variable', async () => {
    const token = JSON.parse((await run(['token', '--env', 'local-mtls', '--json', '--show-token'])).stdout).access_token;
    const args = [
      'introspect',
      '--url',
      fixture.server.endpoints.introspection,
      '--token-env',
      'TOKEN',
      '--client-id',
      'introspector',
      '--secret-env',
      'RS_SECRET',
      '--ca',
      'ca.pem',
    ];
    const active = await run(args, { TOKEN: token, RS_SECRET: SECRETS.introspector });
    assert.equal(active.code, 0, active.stderr);
    assert.match(active.stdout, /^Token is active\nClient ID: https:\/\/rp\.directory.*\nScope: cards\.read cards\.write\nExpires: /);
    const inactive = await run([...args, '--json'], { TOKEN: 'garbage', RS_SECRET: SECRETS.introspector });
    assert.deepEqual(JSON.parse(inactive.stdout), { active: false });
  });

  it('registers, reads, updates and deletes a client with dcr', async () => {
    const ssa = await new SignJWT({ software_id: 'app-1', pmid: 'PM-5', scope: 'cards.read cards.write' })
      .setProtectedHeader({ alg: 'RS256', kid: 'ssa' })
      .setIssuer('test-directory')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(ssaKey);
    fs.writeFileSync(path.join(fixture.dir, 'ssa.jwt'), ssa);
    fs.writeFileSync(path.join(fixture.dir, 'update.json'), JSON.stringify({ scope: 'cards.read cards.write' }));
    const iat = await fixture.server.createInitialAccessToken();
    const tls = ['--env', 'local-mtls'];
    const register = [
      'dcr',
      'register',
      '--url',
      fixture.server.endpoints.registration,
      '--ssa',
      'ssa.jwt',
      '--iat-env',
      'IAT',
      '--scope',
      'cards.read',
      '--json',
      ...tls,
    ];
    const unsaid = await run(register, { IAT: iat });
    assert.equal(unsaid.code, 2, 'nothing is registered until the user says where the registration access token goes');
    assert.match(unsaid.stderr, /--secrets-out FILE \(written with mode 0600\) or --show-token/);
    fs.writeFileSync(path.join(fixture.dir, 'taken.json'), '{"registration_access_token":"another client"}');
    const taken = await run([...register, '--secrets-out', 'taken.json'], { IAT: iat });
    assert.equal(taken.code, 1);
    assert.match(
      taken.stderr,
      /taken\.json already exists and may hold another client's registration access token: choose a new file\. Nothing was sent\./,
    );
    const noFolder = await run([...register, '--secrets-out', 'missing/registration.json'], { IAT: iat });
    assert.match(noFolder.stderr, /The folder for missing\/registration\.json does not exist .* create it first\. Nothing was sent\./);
    const registered = await run([...register, '--secrets-out', 'registration.json'], { IAT: iat });
    assert.equal(registered.code, 0, registered.stderr);
    const metadata = JSON.parse(registered.stdout);
    assert.equal(metadata.registration_access_token, '••••••', 'the printed answer never holds the registration access token');
    const savedFile = path.join(fixture.dir, 'registration.json');
    assert.equal(fs.statSync(savedFile).mode & 0o777, 0o600);
    const saved = JSON.parse(fs.readFileSync(savedFile, 'utf8'));
    assert.equal(saved.client_id, metadata.client_id);
    assert.match(registered.stderr, /Saved a new registration access token to .*registration\.json \(mode 0600\)/);
    metadata.registration_access_token = saved.registration_access_token;
    assert.equal(metadata.tls_client_certificate_bound_access_tokens, true, 'a transport certificate in use means bound tokens');
    assert.equal(metadata.pmid, 'PM-5');
    const manage = ['--client-uri', metadata.registration_client_uri, '--rat-env', 'RAT', ...tls];

    const read = await run(['dcr', 'get', ...manage, '--json'], { RAT: metadata.registration_access_token });
    assert.equal(JSON.parse(read.stdout).client_id, metadata.client_id);
    assert.equal(read.stdout.includes(metadata.registration_access_token), false, 'dcr get masks the registration access token');
    const updated = await run(['dcr', 'update', ...manage, '--metadata', 'update.json', '--secrets-out', 'registration.json'], {
      RAT: metadata.registration_access_token,
    });
    assert.equal(updated.code, 0, updated.stderr);
    assert.match(
      updated.stdout,
      /^Updated client \S+ \(scope: cards\.read cards\.write\)\nregistration_client_uri: https:.*\nregistration_access_token: ••••••\n$/,
    );
    const rotated = JSON.parse(fs.readFileSync(savedFile, 'utf8')).registration_access_token;
    assert.ok(rotated && rotated !== metadata.registration_access_token, 'the rotated token replaced the old one in the file');
    assert.equal(updated.stdout.includes(rotated), false);
    const shown = await run(['dcr', 'update', ...manage, '--metadata', 'update.json', '--show-token'], { RAT: rotated });
    const latest = /registration_access_token: (\S+)/.exec(shown.stdout)?.[1];
    assert.ok(latest && latest !== rotated, '--show-token prints the token this update rotated to');
    const deleted = await run(['dcr', 'delete', ...manage], { RAT: latest! });
    assert.equal(deleted.code, 0, deleted.stderr);
    const gone = await run(['dcr', 'get', ...manage], { RAT: latest! });
    assert.equal(gone.code, 1);
    assert.match(gone.stderr, /^thredd: Client registration refused \(HTTP 401\): invalid_token/);
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseConfigText, type ThreddConfig } from '../../../src/core/config';
import { createPkcs12 } from '../../../src/core/pki';
import {
  buildTreeModel,
  CertificateFactsCache,
  indexTreeNodes,
  type CertificateNode,
  type EnvironmentNode,
  type GroupNode,
  type TreeModel,
  type TreeNode,
} from '../../../src/core/tree';
import { issueDated, wholeSecondNow } from '../../support/datedCertificates';
import { createTestCa } from '../../support/testPki';

const now = wholeSecondNow();
let dir: string;
let config: ThreddConfig;
let workspaceFiles: string[];

const subject = (commonName: string) => ({ country: 'GB', organization: 'Acme Cards', organizationalUnit: 'Payments', commonName });

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-tree-'));
  fs.mkdirSync(path.join(dir, 'certs'));
  const write = (name: string, data: string | Buffer) => fs.writeFileSync(path.join(dir, 'certs', name), data);
  const ca = await createTestCa({ keyType: 'p256', days: 3650 });
  write('ca.pem', ca.certPem);
  for (const [name, days] of [
    ['long', 400],
    ['signing', 59],
    ['tomorrow', 1],
    ['expired', -3],
  ] as const) {
    const certificate = await issueDated(ca, { subject: subject(`acme-${name}`), now, daysToExpiry: days });
    write(`${name}.pem`, certificate.certPem);
    write(`${name}.key`, certificate.keyPem);
  }
  const future = await issueDated(ca, { subject: subject('acme-future'), now, daysToExpiry: 350, notBeforeDays: 3 });
  write('future.pem', future.certPem);
  write('future.key', future.keyPem);
  const other = await issueDated(ca, { subject: subject('acme-other'), now, daysToExpiry: 200 });
  write('other-key.pem', other.keyPem); // a key with a .pem name: the workspace glob finds it too
  const pfxCert = await issueDated(ca, { subject: subject('acme-pfx'), now, daysToExpiry: 120 });
  write(
    'transport.pfx',
    createPkcs12({ certificate: pfxCert.der, privateKey: pfxCert.privateKey, chain: [ca.der], passphrase: 'pfx-secret' }),
  );
  write('stray.p12', createPkcs12({ certificate: other.der, privateKey: other.privateKey, passphrase: 'unknown' }));
  write('broken.pem', '-----BEGIN CERTIFICATE-----\nMIIB\n');

  const text = JSON.stringify({
    defaultEnvironment: 'uat',
    environments: {
      uat: {
        baseUrl: 'https://uat-mtls.thredd.com',
        region: '1',
        application: 'payments',
        mtls: { cert: 'certs/long.pem', key: 'certs/long.key' },
        ca: 'certs/ca.pem',
      },
      tomorrow: { baseUrl: 'https://uat-mtls.thredd.com', mtls: { cert: 'certs/tomorrow.pem', key: 'certs/tomorrow.key' } },
      expired: { baseUrl: 'https://mtls.thredd.com', mtls: { cert: 'certs/expired.pem', key: 'certs/expired.key' } },
      future: { baseUrl: 'https://mtls.thredd.com', mtls: { cert: 'certs/future.pem', key: 'certs/future.key' } },
      mismatch: { baseUrl: 'https://mtls.thredd.com', mtls: { cert: 'certs/long.pem', key: 'certs/other-key.pem' } },
      pfx: { baseUrl: 'https://mtls.thredd.com', region: '2', mtls: { pfx: 'certs/transport.pfx', passphrase: 'pfx-secret' } },
      'pfx-no-passphrase': { baseUrl: 'https://mtls.thredd.com', mtls: { pfx: 'certs/transport.pfx' } },
      tls: { baseUrl: 'https://uat-api.thredd.com', application: 'secret-app' },
      'key-only': { baseUrl: 'https://uat-api.thredd.com', application: 'key-only-app' },
    },
    applications: {
      payments: {
        clientId: 'b9f04639-cdeb-425b-a310-450d3d293fd4',
        auth: { method: 'private_key_jwt', key: 'certs/signing.key', cert: 'certs/signing.pem', kid: 'pFwh' },
        scopes: ['cards.read', 'cards.write'],
      },
      'secret-app': { clientId: 'c1', auth: { method: 'client_secret', secret: 'x' } },
      'key-only-app': { clientId: 'c2', auth: { method: 'private_key_jwt', key: 'certs/signing.key', kid: 'k2' } },
    },
  });
  const loaded = parseConfigText(text, path.join(dir, 'thredd.json'), { env: {} });
  assert.ok(loaded.config, JSON.stringify(loaded.diagnostics));
  config = loaded.config;
  workspaceFiles = fs
    .readdirSync(path.join(dir, 'certs'))
    .filter((name) => /\.(pem|crt|cer|pfx|p12)$/.test(name))
    .map((name) => path.join(dir, 'certs', name));
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

const build = (facts = new CertificateFactsCache(), extra: { activeEnvironment?: string } = {}) =>
  buildTreeModel({ config, configDiagnostics: [], workspaceCertificateFiles: workspaceFiles, facts, warningDays: 60, now, ...extra });

function find(model: TreeModel, id: string): TreeNode {
  const node = indexTreeNodes(model.roots).get(id);
  assert.ok(node, `no node ${id}`);
  return node;
}
const certificate = (model: TreeModel, id: string) => find(model, id) as CertificateNode;

describe('Thredd view tree model', () => {
  it('shows an environment with its connection, region, active marker, application and certificates', async () => {
    const model = await build();
    const uat = find(model, 'env:uat') as EnvironmentNode;
    assert.equal(uat.description, 'https://uat-mtls.thredd.com · mTLS · region 1 (EMEA)');
    assert.equal(uat.active, true, 'defaultEnvironment is active when none was chosen');
    assert.equal(model.activeEnvironment, 'uat');
    assert.deepEqual(
      uat.children.map((child) => [child.id, child.label]),
      [
        ['env:uat/application:payments', 'payments'],
        ['env:uat/transport', 'Transport certificate'],
        ['env:uat/signing', 'Signing certificate'],
        ['env:uat/ca', 'CA chain'],
      ],
    );
    const application = uat.children[0];
    assert.ok(application.kind === 'application');
    assert.equal(application.description, 'b9f04639-cdeb-425b-a310-450d3d293fd4 · private_key_jwt');
    assert.deepEqual(application.scopes, ['cards.read', 'cards.write']);
    assert.equal((find(model, 'env:tls') as EnvironmentNode).description, 'https://uat-api.thredd.com · TLS · region 0 (Default)');
    assert.equal((find(model, 'env:tls/application:secret-app') as TreeNode).description, 'c1 · client secret (post)');
    const keyOnly = certificate(model, 'env:key-only/signing');
    assert.deepEqual(
      [keyOnly.severity, keyOnly.status, keyOnly.tooltip.kid?.configured],
      ['ok', 'not-configured', 'k2'],
      'a signing key without "cert" has no expiry to show',
    );
  });

  it('badges certificates at 400, 59, 1 and -3 days to expiry, and one not yet valid', async () => {
    const model = await build();
    const cases: [string, string, string][] = [
      ['env:uat/transport', 'ok', 'expires in 400 days'],
      ['env:uat/signing', 'warning', 'expires in 59 days'],
      ['env:tomorrow/transport', 'warning', 'expires in 1 day'],
      ['env:expired/transport', 'error', 'expired 3 days ago'],
      ['env:future/transport', 'error', `not valid until ${new Date(now.getTime() + 3 * 86_400_000).toISOString().slice(0, 10)}`],
    ];
    for (const [id, severity, description] of cases) {
      const node = certificate(model, id);
      assert.deepEqual([node.severity, node.description], [severity, description], id);
    }
    assert.equal(certificate(model, 'env:expired/transport').expiry?.daysRemaining, -3);
    assert.equal(certificate(model, 'env:future/transport').status, 'not-yet-valid');
    assert.equal((find(model, 'env:expired') as EnvironmentNode).severity, 'error', 'an environment takes its worst certificate');
  });

  it('gives tooltip data: subject, issuer, dates, fingerprints, x5t#S256, configured KID and RFC 7638 thumbprint, key match', async () => {
    const signing = certificate(await build(), 'env:uat/signing');
    const [leaf] = signing.tooltip.certificates;
    assert.equal(leaf.subject, 'CN=acme-signing, OU=Payments, O=Acme Cards, C=GB');
    assert.match(leaf.issuer, /CN=Test Root CA/);
    assert.equal(leaf.notAfter, new Date(now.getTime() + 59 * 86_400_000).toISOString());
    assert.match(leaf.sha256Fingerprint, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    assert.match(leaf.x5tS256, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(signing.tooltip.kid?.configured, 'pFwh');
    assert.match(leaf.publicKey?.jwkThumbprint ?? '', /^[A-Za-z0-9_-]{43}$/, 'a Signing certificate has its key described');
    assert.equal(signing.tooltip.kid?.jwkThumbprint, leaf.publicKey?.jwkThumbprint);
    assert.equal(signing.tooltip.keyMatches, true);
    assert.equal(signing.certificateType, 'signing');
    assert.equal(signing.file, path.join(dir, 'certs', 'signing.pem'));
  });

  it('flags a key that does not belong to the certificate as an error, naming both files', async () => {
    const node = certificate(await build(), 'env:mismatch/transport');
    assert.equal(node.severity, 'error');
    assert.equal(node.status, 'key-mismatch');
    assert.equal(node.description, 'key does not match · expires in 400 days');
    assert.equal(
      node.error,
      "other-key.pem is not the private key of long.pem: point thredd.json at the key generated with this certificate's CSR.",
    );
    assert.equal(node.tooltip.keyMatches, false);
  });

  it('opens a PKCS#12 file with the passphrase from thredd.json, and says when the passphrase is missing', async () => {
    const model = await build();
    const pfx = certificate(model, 'env:pfx/transport');
    assert.deepEqual([pfx.severity, pfx.description, pfx.tooltip.keyMatches], ['ok', 'expires in 120 days', true]);
    assert.equal(pfx.tooltip.certificates.length, 2, 'the chain inside the PFX is listed');
    const locked = certificate(model, 'env:pfx-no-passphrase/transport');
    assert.equal(locked.severity, 'error');
    assert.equal(locked.status, 'unreadable');
    assert.match(locked.error ?? '', /^transport\.pfx is a PKCS#12 file protected by a passphrase: give it/);
    assert.equal(locked.description, locked.error);
  });

  it('lists every workspace certificate file with where it is used, skipping keys, and reports broken files', async () => {
    const model = await build();
    const group = model.roots[1] as GroupNode;
    assert.equal(group.id, 'group:certificates');
    assert.deepEqual(
      group.children.map((node) => node.label),
      ['broken.pem', 'ca.pem', 'expired.pem', 'future.pem', 'long.pem', 'signing.pem', 'stray.p12', 'tomorrow.pem', 'transport.pfx'],
    );
    const long = certificate(model, `file:${path.join(dir, 'certs', 'long.pem')}`);
    assert.deepEqual(long.usedBy, ['uat transport', 'mismatch transport']);
    assert.equal(long.certificateType, 'transport');
    const broken = certificate(model, `file:${path.join(dir, 'certs', 'broken.pem')}`);
    assert.deepEqual([broken.severity, broken.status, broken.certificateType], ['error', 'unreadable', 'unknown']);
    assert.match(broken.error ?? '', /broken\.pem/);
    const stray = certificate(model, `file:${path.join(dir, 'certs', 'stray.p12')}`);
    assert.deepEqual(
      [stray.severity, stray.description],
      ['ok', 'protected by a passphrase'],
      'an unused PFX with an unknown passphrase is not a problem',
    );
  });

  it('counts each file needing attention once and lists them for the notification with subject and type', async () => {
    const model = await build();
    const byFile = Object.fromEntries(model.certificatesNeedingAttention.map((item) => [path.basename(item.file), item]));
    // long.pem is fine under "uat" but mismatched under "mismatch": counted once, as the error.
    assert.deepEqual(Object.keys(byFile).sort(), [
      'broken.pem',
      'expired.pem',
      'future.pem',
      'long.pem',
      'signing.pem',
      'tomorrow.pem',
      'transport.pfx',
    ]);
    assert.equal(model.attentionCount, 7);
    assert.deepEqual(byFile['signing.pem'], {
      file: path.join(dir, 'certs', 'signing.pem'),
      nodeId: 'env:uat/signing',
      label: 'Signing certificate (uat)',
      severity: 'warning',
      status: 'expiring',
      summary: 'expires in 59 days',
      daysRemaining: 59,
      notAfter: new Date(now.getTime() + 59 * 86_400_000).toISOString(),
      subject: { country: 'GB', organization: 'Acme Cards', organizationalUnit: 'Payments', commonName: 'acme-signing' },
      type: 'signing',
    });
    assert.deepEqual([byFile['long.pem'].status, byFile['long.pem'].nodeId], ['key-mismatch', 'env:mismatch/transport']);
    assert.equal(byFile['broken.pem'].type, 'unknown');
  });

  it('keeps ids stable across rebuilds and honours a chosen active environment', async () => {
    const facts = new CertificateFactsCache();
    const ids = (model: TreeModel) => JSON.stringify(model.roots, (key, value) => (key === 'tooltip' ? undefined : value));
    const first = await build(facts);
    const second = await build(facts, { activeEnvironment: 'pfx' });
    assert.equal((find(second, 'env:pfx') as EnvironmentNode).active, true);
    assert.equal((find(second, 'env:uat') as EnvironmentNode).active, false);
    const third = await build(facts, { activeEnvironment: 'gone' });
    assert.equal(third.activeEnvironment, 'uat', 'a stale choice falls back to defaultEnvironment');
    assert.equal(ids(first), ids(third));
  });

  it('shows a broken thredd.json as one error node at the problem, and still lists workspace files', async () => {
    const file = path.join(dir, 'thredd.json');
    const { config: broken, diagnostics } = parseConfigText(
      '{\n  "environments": {\n    "a": { "baseUrl": "https://x" }\n    "b": {}\n  }\n}',
      file,
      { env: {} },
    );
    assert.equal(broken, undefined);
    const model = await buildTreeModel({
      configDiagnostics: diagnostics,
      workspaceCertificateFiles: workspaceFiles,
      facts: new CertificateFactsCache(),
      warningDays: 60,
      now,
    });
    const [error, group] = model.roots;
    assert.ok(error.kind === 'configError');
    assert.equal(error.file, file);
    assert.equal(error.range.start.line, 3);
    assert.equal(error.message, diagnostics[0].message);
    assert.match(error.label, /^thredd\.json: JSON syntax error: comma expected/);
    assert.equal(group.id, 'group:certificates');
    assert.equal(model.activeEnvironment, undefined);
  });
});

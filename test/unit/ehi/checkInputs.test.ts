import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadCheckOptions } from '../../../src/core/ehi/check';
import { createTestCa, type TestCa } from '../../support/testPki';

const NO_SANDBOX = { cert: '/nonexistent/ehi-client.pem', key: '/nonexistent/ehi-client.key' };

describe('EHI check: the --ca and --client-ca files', () => {
  let dir: string;
  let root: TestCa;
  let issuing: TestCa;
  const file = (name: string, text: string) => {
    const full = path.join(dir, name);
    fs.writeFileSync(full, text);
    return full;
  };
  const load = (files: { ca?: string; clientCa?: string }) =>
    loadCheckOptions({ url: 'https://127.0.0.1:1/ehi', ...files, sandboxClientCertificate: NO_SANDBOX });
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-ehi-inputs-'));
    root = await createTestCa({ commonName: 'Inputs Root' });
    issuing = await createTestCa({ commonName: 'Inputs Issuing', parent: root });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps the --ca text for the HTTPS requests and its certificates for the chain rules', async () => {
    const pem = issuing.certPem + root.certPem;
    const options = await load({ ca: file('ca.pem', pem) });
    assert.equal(options.ca?.pem, pem);
    assert.deepEqual(
      options.ca?.certificates.map((certificate) => certificate.subject.split('\n').pop()),
      ['CN=Inputs Issuing', 'CN=Inputs Root'],
    );
  });

  it('reads the --client-ca certificates', async () => {
    const options = await load({ clientCa: file('client-ca.pem', root.certPem) });
    assert.deepEqual(
      options.clientCa?.map((certificate) => certificate.fingerprint256),
      [new X509Certificate(root.certPem).fingerprint256],
    );
  });

  it('refuses a PEM file without a certificate, with the flag in the message and the fix', async () => {
    const keyOnly = file('key.pem', root.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    await assert.rejects(load({ clientCa: keyOnly }), {
      message: `The --client-ca file ${keyOnly} holds no certificate.`,
      fix: 'Pass --client-ca a PEM file with -----BEGIN CERTIFICATE----- blocks.',
    });
  });

  it('says which flag names a missing file, and how to fix it', async () => {
    const missing = path.join(dir, 'missing.pem');
    await assert.rejects(load({ ca: missing }), {
      message: `The --ca file ${missing} does not exist.`,
      fix: 'Pass --ca the path of a PEM certificate file.',
    });
  });
});

import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { checkEhiEndpoint, loadCheckOptions, type CheckReport, type EhiFinding } from '../../../src/core/ehi/check';
import { issueCertificate } from '../../../src/core/pki';
import { createTestCa } from '../../support/testPki';
import { createCheckPki, startEndpoint, type CheckPki, type EndpointOptions } from './checkServers';

const NO_SANDBOX = { cert: '/nonexistent/ehi-client.pem', key: '/nonexistent/ehi-client.key' };

function finding(report: CheckReport, id: string): EhiFinding {
  const found = report.findings.find((item) => item.id === id);
  assert.ok(found, `no finding ${id} in ${report.findings.map((item) => item.id).join(', ')}`);
  return found;
}

describe('EHI endpoint check against real local endpoints', () => {
  let pki: CheckPki;
  before(async () => (pki = await createCheckPki()));
  after(() => pki.cleanup());

  async function check(server: EndpointOptions, flags: { mtls?: boolean; clientCa?: string; legacyCiphers?: string } = {}) {
    const endpoint = await startEndpoint(server);
    try {
      const options = await loadCheckOptions({
        url: endpoint.url,
        ca: pki.rootFile,
        mtls: flags.mtls,
        clientCa: flags.clientCa,
        ...(flags.mtls ? { cert: pki.clientCertFile, key: pki.clientKeyFile } : {}),
        sandboxClientCertificate: NO_SANDBOX,
        timeoutMs: 5_000,
      });
      return await checkEhiEndpoint({ ...options, legacyCiphers: flags.legacyCiphers });
    } finally {
      await endpoint.close();
    }
  }

  it('passes every depth of a full chain (root → intermediate → leaf) whose intermediate the server sends', async () => {
    const report = await check({ certPem: pki.fullChainPem, keyPem: pki.leaf.keyPem });
    assert.deepEqual(
      report.findings.filter((item) => item.id.startsWith('chain.')).map((item) => [item.id, item.status]),
      [
        ['chain.depth0', 'pass'],
        ['chain.depth1', 'pass'],
        ['chain.depth2', 'pass'],
        ['chain.intermediate', 'pass'],
      ],
    );
    assert.match(
      finding(report, 'chain.depth1').message,
      /^depth=1 CN=EHI Test Intermediate CA, O=Thredd Tools Test \(sent by the server\): verify return:1$/,
    );
    assert.match(
      finding(report, 'chain.depth2').message,
      /^depth=2 CN=EHI Test Root CA, O=Thredd Tools Test \(from the trust anchors\): verify return:1$/,
    );
    assert.equal(finding(report, 'tls.handshake').status, 'pass');
    assert.equal(finding(report, 'certificate.hostname').status, 'pass');
    assert.match(finding(report, 'certificate.expiry').message, /\(36[45] days left\)/);
    assert.equal(report.ok, true, JSON.stringify(report.findings.filter((item) => item.status === 'fail')));
  });

  it('fails an endpoint that sends only its leaf certificate: the intermediate is missing', async () => {
    const report = await check({ certPem: pki.leaf.certPem, keyPem: pki.leaf.keyPem });
    assert.equal(report.ok, false);
    assert.equal(finding(report, 'chain.depth0').status, 'fail');
    assert.match(finding(report, 'chain.depth0').message, /unable to verify the first certificate/);
    const intermediate = finding(report, 'chain.intermediate');
    assert.equal(intermediate.status, 'fail');
    assert.match(intermediate.message, /EHI Test Intermediate CA/);
    assert.match(intermediate.fix, /full chain/);
  });

  it('fails an expired certificate, at depth 0 and in the expiry finding', async () => {
    const expired = await pki.intermediate.issue({ commonName: 'localhost', usage: 'server', daysValid: -2 });
    const report = await check({ certPem: expired.certPem + pki.intermediate.certPem, keyPem: expired.keyPem });
    assert.equal(finding(report, 'certificate.expiry').status, 'fail');
    assert.match(finding(report, 'certificate.expiry').message, /expired on \d{4}-\d\d-\d\d/);
    assert.match(finding(report, 'chain.depth0').message, /certificate has expired/);
    assert.equal(report.ok, false);
  });

  it('warns when the certificate expires within 30 days, with the days left', async () => {
    const soon = await pki.intermediate.issue({ commonName: 'localhost', usage: 'server', daysValid: 10 });
    const report = await check({ certPem: soon.certPem + pki.intermediate.certPem, keyPem: soon.keyPem });
    const expiry = finding(report, 'certificate.expiry');
    assert.equal(expiry.status, 'warn');
    assert.match(expiry.message, /in (9|10) days/);
  });

  it('fails a certificate that does not name the host Thredd connects to', async () => {
    const other = await pki.intermediate.issue({
      commonName: 'other',
      usage: 'server',
      dnsNames: ['other.example'],
      ipAddresses: [],
      daysValid: 365,
    });
    const report = await check({ certPem: other.certPem + pki.intermediate.certPem, keyPem: other.keyPem });
    const hostname = finding(report, 'certificate.hostname');
    assert.equal(hostname.status, 'fail');
    assert.match(hostname.message, /not valid for 127\.0\.0\.1 \(subject alternative names: DNS:other\.example\)/);
  });

  it('fails an RSA 1024-bit server key (SSL Labs grades it below A)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const now = Date.now();
    const { pem } = issueCertificate({
      subject: { commonName: 'localhost' },
      publicKey,
      issuer: { certificateDer: pki.intermediate.der, privateKey: pki.intermediate.privateKey },
      notBefore: new Date(now - 3_600_000),
      notAfter: new Date(now + 365 * 86_400_000),
      extendedKeyUsage: ['serverAuth'],
      dnsNames: ['localhost'],
      ipAddresses: ['127.0.0.1'],
    });
    const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const report = await check({ certPem: pem + pki.intermediate.certPem, keyPem });
    const key = finding(report, 'certificate.key');
    assert.equal(key.status, 'fail');
    assert.match(key.message, /RSA 1024 bits/);
  });

  it('fails an endpoint that accepts TLS 1.0 and 1.1, and passes TLS 1.2 and 1.3', async () => {
    const report = await check({ certPem: pki.fullChainPem, keyPem: pki.leaf.keyPem, minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' });
    assert.equal(finding(report, 'protocol.tls1.0').status, 'fail');
    assert.equal(finding(report, 'protocol.tls1.1').status, 'fail');
    assert.match(finding(report, 'protocol.tls1.1').message, /accepts TLS 1\.1/);
    assert.equal(finding(report, 'protocol.tls1.2').status, 'pass');
    assert.equal(finding(report, 'protocol.tls1.3').status, 'pass');
    assert.equal(report.ok, false);
  });

  it('passes an endpoint that refuses TLS 1.0 and 1.1', async () => {
    const report = await check({ certPem: pki.fullChainPem, keyPem: pki.leaf.keyPem });
    assert.equal(finding(report, 'protocol.tls1.0').status, 'pass');
    assert.equal(finding(report, 'protocol.tls1.1').status, 'pass');
  });

  it('says "not tested" (a warning) when the local OpenSSL cannot offer TLS 1.1 with the client settings given', async () => {
    // OpenSSL 3 at its default security level cannot complete TLS 1.1: what a machine without the SECLEVEL=0 escape sees.
    const report = await check(
      { certPem: pki.fullChainPem, keyPem: pki.leaf.keyPem, minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' },
      { legacyCiphers: 'DEFAULT' },
    );
    const tls11 = finding(report, 'protocol.tls1.1');
    assert.equal(tls11.status, 'warn');
    assert.equal(tls11.message, 'TLS 1.1 not tested: local OpenSSL cannot offer TLS 1.1.');
  });

  it('fails an endpoint whose TLS 1.2 suites have no forward secrecy (RSA key exchange only)', async () => {
    const rsaRoot = await createTestCa({ keyType: 'rsa2048', commonName: 'EHI Test Root CA' });
    const rsaLeaf = await rsaRoot.issue({ commonName: 'localhost', usage: 'server', keyType: 'rsa2048', daysValid: 365 });
    const endpoint = await startEndpoint({ certPem: rsaLeaf.certPem, keyPem: rsaLeaf.keyPem, ciphers: 'AES128-GCM-SHA256:AES256-SHA' });
    try {
      const file = pki.write('rsa-root.pem', rsaRoot.certPem);
      const options = await loadCheckOptions({ url: endpoint.url, ca: file, sandboxClientCertificate: NO_SANDBOX, timeoutMs: 5_000 });
      const report = await checkEhiEndpoint(options);
      const fs = finding(report, 'cipher.forward-secrecy');
      assert.equal(fs.status, 'fail');
      assert.match(fs.message, /prefers AES128-GCM-SHA256, which has no forward secrecy/);
      assert.equal(finding(report, 'cipher.aead').status, 'warn');
    } finally {
      await endpoint.close();
    }
  });

  describe('with --mtls', () => {
    const clientCas = () => pki.clientIssuing.certPem + pki.clientRoot.certPem;

    it("passes an mTLS endpoint that names Thredd's CAs, refuses a request without a certificate and answers one with it", async () => {
      const report = await check(
        { certPem: pki.fullChainPem, keyPem: pki.leaf.keyPem, requestCert: true, rejectUnauthorized: true, clientCaPem: clientCas() },
        { mtls: true },
      );
      assert.equal(finding(report, 'mtls.client-certificate').status, 'pass');
      const names = finding(report, 'mtls.ca-names');
      assert.equal(names.status, 'pass');
      assert.match(names.message, /CN=Thredd Root CA - G1 and CN=Thredd Issuing CA - G1/);
      assert.equal(finding(report, 'mtls.without-certificate').status, 'pass');
      assert.match(finding(report, 'mtls.without-certificate').message, /refuses the TLS handshake/);
      assert.equal(finding(report, 'mtls.with-certificate').status, 'pass');
      assert.match(finding(report, 'mtls.with-certificate').message, /HTTP 200/);
      assert.equal(report.ok, true, JSON.stringify(report.findings.filter((item) => item.status === 'fail')));
    });

    it('matches --client-ca certificates by their whole subject, and warns when one is not named', async () => {
      const other = await createTestCa({ commonName: 'Some Other Client CA' });
      const clientCa = pki.write('other-client-ca.pem', other.certPem + pki.clientRoot.certPem);
      const report = await check(
        { certPem: pki.fullChainPem, keyPem: pki.leaf.keyPem, requestCert: true, rejectUnauthorized: true, clientCaPem: clientCas() },
        { mtls: true, clientCa },
      );
      const names = finding(report, 'mtls.ca-names');
      assert.equal(names.status, 'warn');
      assert.match(names.message, /do not include CN=Some Other Client CA, O=Thredd Tools Test \(sent: /);
      assert.doesNotMatch(names.message, /do not include.*Thredd Root CA - G1.*\(sent/);
    });

    it('warns when an endpoint asking for a certificate names no client CAs, and fails it for answering without one', async () => {
      // No `ca` on the server: OpenSSL then sends an empty certificate_authorities list; the handler checks the certificate.
      const report = await check(
        { certPem: pki.fullChainPem, keyPem: pki.leaf.keyPem, requestCert: true, rejectUnauthorized: false },
        { mtls: true },
      );
      const names = finding(report, 'mtls.ca-names');
      assert.equal(names.status, 'warn');
      assert.match(names.message, /names no acceptable client CAs/);
      // The default handler answers 200 to everyone: reachable without a certificate is a failure.
      assert.equal(finding(report, 'mtls.without-certificate').status, 'fail');
      assert.match(finding(report, 'mtls.without-certificate').message, /answers HTTP 200: anyone can reach it/);
    });

    it('passes an endpoint that answers 403 without a client certificate and 200 with one', async () => {
      const endpoint = await startEndpoint(
        { certPem: pki.fullChainPem, keyPem: pki.leaf.keyPem, requestCert: true, rejectUnauthorized: false },
        (request, response) => {
          const socket = request.socket as import('node:tls').TLSSocket;
          const hasCertificate = Object.keys(socket.getPeerCertificate()).length > 0;
          response.writeHead(hasCertificate ? 200 : 403).end(hasCertificate ? 'ok' : 'No required SSL certificate was sent');
        },
      );
      try {
        const options = await loadCheckOptions({
          url: endpoint.url,
          ca: pki.rootFile,
          mtls: true,
          cert: pki.clientCertFile,
          key: pki.clientKeyFile,
          sandboxClientCertificate: NO_SANDBOX,
          timeoutMs: 5_000,
        });
        const report = await checkEhiEndpoint(options);
        assert.equal(finding(report, 'mtls.without-certificate').status, 'pass');
        assert.match(finding(report, 'mtls.without-certificate').message, /HTTP 403/);
        assert.equal(finding(report, 'mtls.with-certificate').status, 'pass');
      } finally {
        await endpoint.close();
      }
    });

    it('fails an endpoint that does not ask for a client certificate at all', async () => {
      const report = await check({ certPem: pki.fullChainPem, keyPem: pki.leaf.keyPem }, { mtls: true });
      assert.equal(finding(report, 'mtls.ca-names').status, 'fail');
      assert.match(finding(report, 'mtls.ca-names').message, /does not ask for a client certificate/);
    });

    it("fails with a fix when the sandbox's EHI client certificate is missing and no --cert/--key is given", async () => {
      const options = await loadCheckOptions({ url: 'https://127.0.0.1:1/ehi', mtls: true, sandboxClientCertificate: NO_SANDBOX });
      assert.equal(options.clientCertificate, undefined);
      const problem = options.clientCertificateProblem!;
      assert.match(problem.message, /sandbox's EHI client certificate \/nonexistent\/ehi-client\.pem does not exist/);
      assert.match(problem.fix, /--cert and --key, or run `thredd sandbox init`/);
    });

    it("uses the sandbox's EHI client certificate when no --cert/--key is given", async () => {
      const options = await loadCheckOptions({
        url: 'https://127.0.0.1:1/ehi',
        mtls: true,
        sandboxClientCertificate: { cert: pki.clientCertFile, key: pki.clientKeyFile },
      });
      assert.equal(options.clientCertificate?.source, `${pki.clientCertFile} + ${pki.clientKeyFile}`);
    });
  });
});

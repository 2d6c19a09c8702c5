import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { caNamesFinding, THREDD_CLIENT_CAS } from '../../../src/core/ehi/check/caNameFindings';
import { cipherFindings } from '../../../src/core/ehi/check/cipherFindings';
import { suiteTraits } from '../../../src/core/ehi/check/cipherSuites';
import { formatReport } from '../../../src/core/ehi/check/formatReport';
import { protocolFindings, type ProtocolResult } from '../../../src/core/ehi/check/protocols';
import { reportOf } from '../../../src/core/ehi/check/runCheck';
import { parseCertificateRequestTrace, traceNameAttributes } from '../../../src/core/ehi/check/traceParser';
import { fail, pass, warn } from '../../../src/core/ehi/findings';

const statusOf = (findings: { id: string; status: string }[], id: string) => findings.find((finding) => finding.id === id)?.status;

describe('EHI check: report', () => {
  it('is ok with warnings but not with a single failure', () => {
    assert.equal(reportOf([pass('a', 'x'), warn('b', 'y', 'do y')]).ok, true);
    assert.equal(reportOf([pass('a', 'x'), fail('c', 'z', 'do z')]).ok, false);
  });

  it('prints a symbol per finding and the fix indented under warnings and failures only', () => {
    const text = formatReport(
      reportOf([pass('tls.handshake', 'done'), warn('cipher.aead', 'CBC', 'drop CBC'), fail('chain.intermediate', 'missing', 'send it')]),
    );
    assert.equal(
      text,
      [
        '✔ tls.handshake: done',
        '⚠ cipher.aead: CBC',
        '    fix: drop CBC',
        '✖ chain.intermediate: missing',
        '    fix: send it',
        '',
        'FAILED: 1 passed, 1 warnings, 1 failed.',
        '',
      ].join('\n'),
    );
  });
});

describe('EHI check: protocol rules', () => {
  const results = (outcomes: ProtocolResult['outcome'][]): ProtocolResult[] =>
    (['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const).map((version, index) => ({ version, outcome: outcomes[index] }));

  it('fails TLS 1.0 and 1.1 when accepted and passes them when refused', () => {
    const findings = protocolFindings(results(['accepted', 'refused', 'accepted', 'accepted']));
    assert.equal(statusOf(findings, 'protocol.tls1.0'), 'fail');
    assert.equal(statusOf(findings, 'protocol.tls1.1'), 'pass');
  });

  it('warns "not tested" when this machine cannot offer a legacy version', () => {
    const [tls10] = protocolFindings(results(['not-tested', 'refused', 'accepted', 'accepted']));
    assert.deepEqual([tls10.status, tls10.message], ['warn', 'TLS 1.0 not tested: local OpenSSL cannot offer TLS 1.0.']);
  });

  it('warns when TLS 1.2 or TLS 1.3 is refused', () => {
    const findings = protocolFindings(results(['refused', 'refused', 'refused', 'refused']));
    assert.equal(statusOf(findings, 'protocol.tls1.2'), 'warn');
    assert.equal(statusOf(findings, 'protocol.tls1.3'), 'warn');
  });
});

describe('EHI check: cipher suite rules', () => {
  it('reads forward secrecy, AEAD and insecurity from OpenSSL suite names', () => {
    assert.deepEqual(suiteTraits('ECDHE-RSA-AES128-GCM-SHA256'), { forwardSecrecy: true, aead: true, insecure: false, dhe: false });
    assert.deepEqual(suiteTraits('DHE-RSA-CHACHA20-POLY1305'), { forwardSecrecy: true, aead: true, insecure: false, dhe: true });
    assert.deepEqual(suiteTraits('AES256-SHA'), { forwardSecrecy: false, aead: false, insecure: false, dhe: false });
    assert.equal(suiteTraits('ADH-AES128-SHA').insecure, true);
    assert.equal(suiteTraits('ADH-AES128-SHA').forwardSecrecy, false);
    assert.equal(suiteTraits('DES-CBC3-SHA').insecure, true);
    assert.equal(suiteTraits('ECDHE-RSA-NULL-SHA').insecure, true);
    assert.equal(suiteTraits('RC4-MD5').insecure, true);
  });

  const facts = (suites: string[], preferred = suites[0], dhBits?: number) => ({
    tls12: { accepted: suites.map((suite) => ({ suite, dhBits: suiteTraits(suite).dhe ? dhBits : undefined })), untestable: [] },
    preferredTls12: preferred,
    tls13Accepted: true,
  });

  it('passes ECDHE with GCM only', () => {
    const findings = cipherFindings(facts(['ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-CHACHA20-POLY1305']));
    assert.deepEqual(
      findings.map((finding) => [finding.id, finding.status]),
      [
        ['cipher.insecure', 'pass'],
        ['cipher.forward-secrecy', 'pass'],
        ['cipher.aead', 'pass'],
      ],
    );
  });

  it('fails a preferred suite without forward secrecy (SSL Labs caps at B) and warns when such suites are merely accepted', () => {
    assert.equal(statusOf(cipherFindings(facts(['AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256'])), 'cipher.forward-secrecy'), 'fail');
    const accepted = cipherFindings(facts(['ECDHE-RSA-AES128-GCM-SHA256', 'AES128-GCM-SHA256']));
    assert.equal(statusOf(accepted, 'cipher.forward-secrecy'), 'warn');
  });

  it('fails any accepted insecure suite', () => {
    const findings = cipherFindings(facts(['ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-NULL-SHA']));
    assert.equal(statusOf(findings, 'cipher.insecure'), 'fail');
  });

  it('warns about CBC suites, and when no AEAD suite exists without TLS 1.3 (A-)', () => {
    assert.equal(statusOf(cipherFindings(facts(['ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-SHA'])), 'cipher.aead'), 'warn');
    const noAead = cipherFindings({ ...facts(['ECDHE-RSA-AES128-SHA']), tls13Accepted: false });
    assert.match(noAead.find((finding) => finding.id === 'cipher.aead')!.message, /No AEAD suite/);
  });

  it('fails DHE groups under 2048 bits and only mentions DH when DHE is accepted', () => {
    assert.equal(statusOf(cipherFindings(facts(['DHE-RSA-AES128-GCM-SHA256'], undefined, 1024)), 'cipher.dh-group'), 'fail');
    assert.equal(statusOf(cipherFindings(facts(['DHE-RSA-AES128-GCM-SHA256'], undefined, 2048)), 'cipher.dh-group'), 'pass');
    assert.equal(statusOf(cipherFindings(facts(['ECDHE-RSA-AES128-GCM-SHA256'])), 'cipher.dh-group'), undefined);
  });

  it('passes a TLS 1.3-only endpoint in one finding', () => {
    const findings = cipherFindings({ tls12: null, tls13Accepted: true });
    assert.deepEqual(
      findings.map((finding) => [finding.id, finding.status]),
      [['cipher.suites', 'pass']],
    );
  });
});

const TRACE = `Received Record
Header:
  Version = TLS 1.2 (0x303)
    ServerHello, Length=61
Received Record
    CertificateRequest, Length=175
      certificate_types (len=3)
        rsa_sign (1)
      certificate_authorities (len=127)
        DistinguishedName (len=60): C = GB, O = Thredd UK Limited, OU = Thredd Directory, CN = Thredd Root CA - G1
        DistinguishedName (len=63): C = GB, O = Thredd UK Limited, OU = Thredd Directory, CN = Thredd Issuing CA - G1

Received Record
    ServerHelloDone, Length=0
Sent Record
    Certificate, Length=3
`;

describe("EHI check: the server's acceptable client CA names", () => {
  const sent = (trace: string) => `Sent Record\n    ClientHello, Length=300\n${trace}`;

  it("reads the names from OpenSSL's trace of the CertificateRequest", () => {
    const parsed = parseCertificateRequestTrace(sent(TRACE));
    assert.deepEqual(parsed, {
      traced: true,
      serverHello: true,
      certificateRequested: true,
      caNames: [
        'C = GB, O = Thredd UK Limited, OU = Thredd Directory, CN = Thredd Root CA - G1',
        'C = GB, O = Thredd UK Limited, OU = Thredd Directory, CN = Thredd Issuing CA - G1',
      ],
    });
    assert.deepEqual(traceNameAttributes(parsed.caNames[0]), [
      'C=GB',
      'O=Thredd UK Limited',
      'OU=Thredd Directory',
      'CN=Thredd Root CA - G1',
    ]);
  });

  it("passes when Thredd's Root and Issuing CA G1 are named", () => {
    assert.equal(caNamesFinding(parseCertificateRequestTrace(sent(TRACE)), THREDD_CLIENT_CAS).status, 'pass');
  });

  it('warns when the list is empty (the guide: listing them is optional)', () => {
    const empty = TRACE.replace(/ {6}certificate_authorities[\s\S]*?\n\n/, '\n');
    const finding = caNamesFinding(parseCertificateRequestTrace(sent(empty)), THREDD_CLIENT_CAS);
    assert.equal(finding.status, 'warn');
    assert.match(finding.message, /optional/);
  });

  it('warns naming the CA that is missing', () => {
    const onlyRoot = TRACE.replace(/.*Issuing CA - G1\n/, '');
    const finding = caNamesFinding(parseCertificateRequestTrace(sent(onlyRoot)), THREDD_CLIENT_CAS);
    assert.equal(finding.status, 'warn');
    assert.match(finding.message, /do not include CN=Thredd Issuing CA - G1 \(sent: /);
  });

  it('fails when the server sends no CertificateRequest, and warns when it refused TLS 1.2 or nothing was traced', () => {
    const noRequest = `Sent Record\n    ClientHello, Length=300\nReceived Record\n    ServerHello, Length=61\n`;
    assert.equal(caNamesFinding(parseCertificateRequestTrace(noRequest), THREDD_CLIENT_CAS).status, 'fail');
    assert.match(caNamesFinding(parseCertificateRequestTrace(sent('')), THREDD_CLIENT_CAS).message, /refuses TLS 1\.2/);
    assert.match(caNamesFinding(parseCertificateRequestTrace(''), THREDD_CLIENT_CAS).message, /could not be read/);
  });
});

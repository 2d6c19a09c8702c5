import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inspectFile, PkiError, readPrivateKey, type CertificateInfo, type InspectResult } from '../../../src/core/pki';
import { openssl, opensslCertFacts } from './opensslSupport';

function certificatesOf(result: InspectResult): CertificateInfo[] {
  assert.equal(result.kind, 'certificates');
  return result.certificates;
}

/** Our fields that OpenSSL also prints must agree with it exactly. */
function assertSameAsOpenssl(info: CertificateInfo, facts: ReturnType<typeof opensslCertFacts>) {
  assert.deepEqual(
    {
      serialNumber: info.serialNumber,
      notBefore: info.notBefore,
      notAfter: info.notAfter,
      sha256Fingerprint: info.sha256Fingerprint,
      sha1Fingerprint: info.sha1Fingerprint,
    },
    facts,
  );
}

describe('OpenSSL-made certificates, chains, keys, CSRs and PKCS#12 files, inspected', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-openssl-'));
    const run = (...args: string[]) => openssl(dir, args);
    fs.writeFileSync(
      file('ext.cnf'),
      [
        '[ca]',
        'basicConstraints=critical,CA:TRUE',
        'keyUsage=critical,keyCertSign,cRLSign',
        'subjectKeyIdentifier=hash',
        'authorityKeyIdentifier=keyid',
        '[leaf]',
        'basicConstraints=CA:FALSE',
        'keyUsage=critical,digitalSignature,keyEncipherment',
        'extendedKeyUsage=clientAuth',
        'subjectAltName=DNS:acme.example,IP:127.0.0.1',
        'subjectKeyIdentifier=hash',
        'authorityKeyIdentifier=keyid',
      ].join('\n'),
    );
    // RSA root (PKCS#8 key), EC intermediate (SEC1 key), RSA leaf (PKCS#1 key).
    run(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'root.key',
      '-out',
      'root.pem',
      '-subj',
      '/C=GB/O=OpenSSL Test/CN=OpenSSL Root',
      '-days',
      '30',
    );
    run('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'int.key');
    run('req', '-new', '-key', 'int.key', '-subj', '/O=OpenSSL Test/CN=OpenSSL Intermediate', '-out', 'int.csr');
    run(
      'x509',
      '-req',
      '-in',
      'int.csr',
      '-CA',
      'root.pem',
      '-CAkey',
      'root.key',
      '-CAcreateserial',
      '-days',
      '20',
      '-extfile',
      'ext.cnf',
      '-extensions',
      'ca',
      '-out',
      'int.pem',
    );
    run('genrsa', '-traditional', '-out', 'leaf.key', '2048');
    run('req', '-new', '-key', 'leaf.key', '-subj', '/C=GB/O=Acme Ltd/OU=Cards/CN=acme-app', '-out', 'leaf.csr');
    run(
      'x509',
      '-req',
      '-in',
      'leaf.csr',
      '-CA',
      'int.pem',
      '-CAkey',
      'int.key',
      '-CAcreateserial',
      '-days',
      '10',
      '-extfile',
      'ext.cnf',
      '-extensions',
      'leaf',
      '-out',
      'leaf.pem',
    );
    run('x509', '-in', 'leaf.pem', '-outform', 'DER', '-out', 'leaf.der');
    fs.writeFileSync(file('chain.pem'), ['leaf.pem', 'int.pem', 'root.pem'].map((name) => fs.readFileSync(file(name), 'utf8')).join(''));
    // Encrypted keys: PKCS#8 (PBES2), legacy PKCS#1 and SEC1 with Proc-Type headers.
    run('pkcs8', '-topk8', '-in', 'leaf.key', '-v2', 'aes-256-cbc', '-passout', 'pass:key-pass', '-out', 'leaf-p8-enc.key');
    run('rsa', '-in', 'leaf.key', '-aes256', '-traditional', '-passout', 'pass:key-pass', '-out', 'leaf-p1-enc.key');
    run('ec', '-in', 'int.key', '-aes256', '-passout', 'pass:key-pass', '-out', 'int-enc.key');
    // PKCS#12: OpenSSL 3 defaults, -legacy (RC2-40 certificates, 3DES key), and an EC one.
    run(
      'pkcs12',
      '-export',
      '-in',
      'leaf.pem',
      '-inkey',
      'leaf.key',
      '-certfile',
      'int.pem',
      '-out',
      'leaf.pfx',
      '-passout',
      'pass:pfx-pass',
    );
    run(
      'pkcs12',
      '-export',
      '-legacy',
      '-in',
      'leaf.pem',
      '-inkey',
      'leaf.key',
      '-certfile',
      'int.pem',
      '-out',
      'leaf-legacy.pfx',
      '-passout',
      'pass:pfx-pass',
    );
    run('pkcs12', '-export', '-in', 'int.pem', '-inkey', 'int.key', '-out', 'int.pfx', '-passout', 'pass:pfx-pass');
    run('pkcs12', '-export', '-in', 'leaf.pem', '-inkey', 'leaf.key', '-out', 'accents.pfx', '-passout', 'pass:pässwörd-€');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads RSA and EC certificates, PEM and DER, with the serial, dates and fingerprints openssl prints', async () => {
    const [leaf] = certificatesOf(await inspectFile(file('leaf.pem'), { keyFile: file('leaf.key') }));
    assertSameAsOpenssl(leaf, opensslCertFacts(dir, 'leaf.pem'));
    assert.equal(leaf.subject, 'CN=acme-app, OU=Cards, O=Acme Ltd, C=GB');
    assert.equal(leaf.issuer, 'CN=OpenSSL Intermediate, O=OpenSSL Test');
    assert.deepEqual(leaf.subjectAltNames, ['DNS:acme.example', 'IP Address:127.0.0.1']);
    assert.deepEqual(leaf.keyUsage.sort(), ['digitalSignature', 'keyEncipherment']);
    assert.deepEqual(leaf.extendedKeyUsage, ['clientAuth']);
    assert.deepEqual(
      [leaf.publicKey.type, leaf.publicKey.bits, leaf.isCa, leaf.keyMatches],
      ['RSA', 2048, false, true],
      'PKCS#1 key matches',
    );
    assert.equal(leaf.signatureAlgorithm, 'ecdsa-with-SHA256', 'signed by the EC intermediate');

    const [der] = certificatesOf(await inspectFile(file('leaf.der')));
    assertSameAsOpenssl(der, opensslCertFacts(dir, 'leaf.der', 'DER'));
    const [intermediate] = certificatesOf(await inspectFile(file('int.pem'), { keyFile: file('int.key') }));
    assertSameAsOpenssl(intermediate, opensslCertFacts(dir, 'int.pem'));
    assert.deepEqual(
      [intermediate.publicKey.type, intermediate.publicKey.curve, intermediate.isCa, intermediate.keyMatches],
      ['EC', 'P-256', true, true],
      'SEC1 key matches',
    );
    const [root] = certificatesOf(await inspectFile(file('root.pem'), { keyFile: file('root.key') }));
    assert.deepEqual([root.selfSigned, root.keyMatches], [true, true], 'PKCS#8 key matches');
  });

  it('verifies chains openssl built, to their own root or to a CA file', async () => {
    const chain = certificatesOf(await inspectFile(file('chain.pem')));
    assert.deepEqual(
      chain.map((info) => [info.subjectFields.CN, info.chainVerified]),
      [
        ['acme-app', true],
        ['OpenSSL Intermediate', true],
        ['OpenSSL Root', true],
      ],
    );
    fs.writeFileSync(file('leaf-int.pem'), fs.readFileSync(file('leaf.pem'), 'utf8') + fs.readFileSync(file('int.pem'), 'utf8'));
    const withCa = certificatesOf(await inspectFile(file('leaf-int.pem'), { caFile: file('root.pem') }));
    assert.deepEqual(
      withCa.map((info) => info.chainVerified),
      [true, true],
    );
    const wrongCa = certificatesOf(await inspectFile(file('leaf-int.pem'), { caFile: file('leaf.pem') }));
    assert.match(wrongCa[1].chainProblem!, /^no certificate in leaf\.pem issued certificate 2 \(CN=OpenSSL Intermediate/);
  });

  it('opens encrypted PKCS#8, PKCS#1 and SEC1 keys with the passphrase, and names a wrong one', async () => {
    for (const name of ['leaf-p8-enc.key', 'leaf-p1-enc.key', 'int-enc.key']) {
      const cert = name.startsWith('leaf') ? 'leaf.pem' : 'int.pem';
      const [info] = certificatesOf(await inspectFile(file(cert), { keyFile: file(name), passphrase: 'key-pass' }));
      assert.equal(info.keyMatches, true, name);
      await assert.rejects(inspectFile(file(cert), { keyFile: file(name), passphrase: 'nope' }), {
        code: 'wrong-passphrase',
        message: `wrong passphrase for ${name}: the key could not be decrypted with it.`,
      });
      await assert.rejects(inspectFile(file(cert), { keyFile: file(name) }), { code: 'passphrase-required' });
    }
    const [mismatch] = certificatesOf(await inspectFile(file('leaf.pem'), { keyFile: file('root.key') }));
    assert.equal(mismatch.keyMatches, false);
  });

  it('reads openssl CSRs (RSA and EC) and checks their signatures', async () => {
    const rsa = await inspectFile(file('leaf.csr'), { keyFile: file('leaf.key') });
    assert.ok(rsa.kind === 'csr');
    assert.deepEqual(
      [rsa.csr.subject, rsa.csr.publicKey.bits, rsa.csr.signatureValid, rsa.csr.keyMatches],
      ['CN=acme-app, OU=Cards, O=Acme Ltd, C=GB', 2048, true, true],
    );
    const ec = await inspectFile(file('int.csr'));
    assert.ok(ec.kind === 'csr');
    assert.deepEqual([ec.csr.publicKey.curve, ec.csr.signatureAlgorithm, ec.csr.signatureValid], ['P-256', 'ecdsa-with-SHA256', true]);
  });

  it('opens openssl PKCS#12 files (AES default, -legacy RC2/3DES, EC) and refuses a wrong passphrase', async () => {
    const facts = opensslCertFacts(dir, 'leaf.pem');
    for (const name of ['leaf.pfx', 'leaf-legacy.pfx']) {
      const certificates = certificatesOf(await inspectFile(file(name), { passphrase: 'pfx-pass' }));
      assertSameAsOpenssl(certificates[0], facts);
      assert.equal(certificates.length, 2, `${name}: leaf and intermediate`);
      assert.equal(certificates[0].keyMatches, true, `${name}: the key inside belongs to the leaf`);
      await assert.rejects(
        inspectFile(file(name), { passphrase: 'wrong' }),
        (error) => error instanceof PkiError && error.message === `wrong passphrase for ${name}: check it and try again.`,
      );
    }
    const [ec] = certificatesOf(await inspectFile(file('int.pfx'), { passphrase: 'pfx-pass' }));
    assert.deepEqual([ec.publicKey.curve, ec.keyMatches], ['P-256', true]);
    const [accents] = certificatesOf(await inspectFile(file('accents.pfx'), { passphrase: 'pässwörd-€' }));
    assert.equal(accents.keyMatches, true, 'a non-ASCII passphrase is encoded as OpenSSL does');
  });

  it('names what a file is when it is not what was asked for', async () => {
    await assert.rejects(inspectFile(file('leaf.key')), { code: 'key-not-certificate' });
    await assert.rejects(inspectFile(file('leaf.pem'), { keyFile: file('leaf.pem') }), {
      code: 'certificate-not-key',
      message: 'leaf.pem is a certificate, not a private key: give the .key file generated with the CSR.',
    });
    await assert.rejects(inspectFile(file('leaf-int.pem'), { caFile: file('leaf.csr') }), { code: 'csr-not-certificate' });
    assert.ok(readPrivateKey(fs.readFileSync(file('leaf.key'))).asymmetricKeyType === 'rsa');
  });
});

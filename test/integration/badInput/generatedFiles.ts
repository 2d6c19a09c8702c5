// The corpus inputs that hold a private key, made at test time so that no key is ever committed
// (cases.ts lists them). One CA issues them all and is trusted by the test servers.
import { createPkcs12 } from '../../../src/core/pki';
import { createTestCa, type TestCa } from '../../support/testPki';

export interface GeneratedFiles {
  ca: TestCa;
  /** Path under gen/ → content. */
  files: Record<string, string | Buffer>;
}

export async function generateFiles(): Promise<GeneratedFiles> {
  const ca = await createTestCa();
  const client = await ca.issue({ commonName: 'corpus-client', usage: 'client' });
  const other = await ca.issue({ commonName: 'someone-else', usage: 'client' });
  const expired = await ca.issue({ commonName: 'corpus-expired', usage: 'client', daysValid: -3 });
  const notYetValid = await ca.issue({ commonName: 'corpus-not-yet-valid', usage: 'client', notBeforeDays: 300, daysValid: 400 });
  return {
    ca,
    files: {
      'ca.pem': ca.certPem,
      'client.pem': client.certPem,
      'client.key': client.keyPem,
      'client-der.pem': client.der,
      'other.key': other.keyPem,
      'client.pfx': createPkcs12({ certificate: client.der, privateKey: client.privateKey, passphrase: 'right' }),
      'chain-out-of-order.pem': ca.certPem + client.certPem,
      'expired.pem': expired.certPem,
      'expired.key': expired.keyPem,
      'not-yet-valid.pem': notYetValid.certPem,
      'not-yet-valid.key': notYetValid.keyPem,
    },
  };
}

import type * as Pki from './index';

/**
 * The PKI core (ASN.1 with asn1js and @peculiar, ~170 KB), loaded the first time a certificate is
 * inspected or a CSR made. The extension build ships it as dist/lazy/pki.js (see esbuild.js), so
 * activating the extension does not compile it. Its errors are recognised by their UserError brand.
 */
export function loadPki(): typeof Pki {
  return require('./index');
}

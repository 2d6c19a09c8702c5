import { UserError } from './userError';

/** What went wrong with a key, CSR, certificate or PKCS#12 file the user gave us. */
export type PkiErrorCode =
  | 'invalid-subject'
  | 'truncated-pem'
  | 'damaged-pem'
  | 'unrecognized'
  | 'unsupported'
  | 'wrong-passphrase'
  | 'passphrase-required'
  | 'csr-not-certificate'
  | 'key-not-certificate'
  | 'certificate-not-key'
  | 'no-certificate'
  | 'no-key'
  | 'key-mismatch'
  | 'no-folder';

/**
 * A user-caused PKI failure: `message` names the file and says what to do; `code` is for programs.
 * It lives outside src/core/pki, the lazily loaded PKI bundle, so the editor can tell PKI failures
 * apart (the certificate tree does) without loading that bundle.
 */
export class PkiError extends UserError {
  static override readonly kind: string = 'PkiError';

  constructor(
    readonly code: PkiErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }
}

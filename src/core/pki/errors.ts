import { UserError } from '../errors/userError';

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

/** A user-caused PKI failure: `message` names the file and says what to do; `code` is for programs. */
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

/** How inputs are named in messages: the file's base name, or a description for bytes. */
export interface InputName {
  /** e.g. "acme-rtstransport.pem"; defaults to "the input". */
  name?: string;
}

export function displayName(options: InputName | undefined): string {
  return options?.name ?? 'the input';
}

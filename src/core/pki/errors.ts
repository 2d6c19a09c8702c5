export { PkiError, type PkiErrorCode } from '../errors/pkiError';

/** How inputs are named in messages: the file's base name, or a description for bytes. */
export interface InputName {
  /** e.g. "acme-rtstransport.pem"; defaults to "the input". */
  name?: string;
}

export function displayName(options: InputName | undefined): string {
  return options?.name ?? 'the input';
}

import { UserError } from '../errors/userError';

/** A certificate, key or CA file that cannot be used, with the file and what to do. */
export class TlsConfigError extends UserError {
  static override readonly kind: string = 'TlsConfigError';

  constructor(
    message: string,
    fix: string,
    readonly file?: string,
  ) {
    super(message, fix);
  }
}

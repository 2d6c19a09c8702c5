import { UserError } from '../core/errors/userError';

/**
 * A problem the user can fix (a bad CSR, a port in use, a damaged state folder): `message` says what
 * is wrong and where, `fix` what to do. `status` is the HTTP status the portal answers it with.
 */
export class SandboxError extends UserError {
  static override readonly kind: string = 'SandboxError';

  constructor(
    message: string,
    fix: string,
    readonly status = 400,
    readonly code = 'invalid_request',
  ) {
    super(message, fix);
  }
}

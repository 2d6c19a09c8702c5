import { UserError } from '../../errors/userError';

/** Bad input to the EHI endpoint check, or an endpoint it cannot reach at all: nothing to report on. */
export class EhiCheckError extends UserError {
  static override readonly kind: string = 'EhiCheckError';
}

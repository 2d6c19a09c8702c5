import { UserError } from '../errors/userError';

/** A collection or environment file the importer cannot read: the message names the file (and line), nothing is written. */
export class PostmanImportError extends UserError {
  static override readonly kind: string = 'PostmanImportError';
}

import { UserError } from '../../errors/userError';

/** A `--data` file that cannot give rows: the message names the file and line, the fix says what to write instead. */
export class DataFileError extends UserError {
  static override readonly kind: string = 'DataFileError';
}

/** A row of a data file: column name → the cell's text. */
export type DataRow = Readonly<Record<string, string>>;

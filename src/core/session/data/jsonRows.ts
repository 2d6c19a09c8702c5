import { parse, type ParseError } from 'jsonc-parser';
import { parseErrorWords } from '../../text/jsonParseError';
import { LineIndex } from '../../text/lineIndex';
import { DataFileError, type DataRow } from './dataFileError';

const FIX_SHAPE = 'A JSON data file is an array of objects, one per iteration: [{"cardName": "Jane"}, {"cardName": "Joe"}].';

/**
 * The rows of a JSON data file, as newman takes one: an array of objects, each object's keys being variables.
 * Strings are used as they are; numbers, booleans, null, arrays and objects as their JSON text.
 */
export function jsonRows(text: string, name: string): DataRow[] {
  const source = text.replace(/^\uFEFF/, '');
  const errors: ParseError[] = [];
  const value: unknown = parse(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0) {
    const { line, column } = new LineIndex(source).positionAt(errors[0].offset);
    throw new DataFileError(`${name}:${line + 1}:${column + 1}: this is not valid JSON (${parseErrorWords(errors[0])}).`, FIX_SHAPE);
  }
  if (!Array.isArray(value)) throw new DataFileError(`${name} holds ${kindOf(value)}, not an array of rows.`, FIX_SHAPE);
  if (value.length === 0) throw new DataFileError(`${name} is an empty array: it has no rows.`, FIX_SHAPE);
  return value.map((row: unknown, index) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new DataFileError(`${name}: item ${index + 1} of the array is ${kindOf(row)}, not an object.`, FIX_SHAPE);
    }
    return Object.fromEntries(Object.entries(row).map(([key, cell]) => [key, typeof cell === 'string' ? cell : JSON.stringify(cell)]));
  });
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

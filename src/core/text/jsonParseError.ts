import { printParseErrorCode, type ParseError } from 'jsonc-parser';

/** jsonc-parser's error in words: `CommaExpected` becomes "comma expected". */
export function parseErrorWords(error: ParseError): string {
  return printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

import { parse, type ParseError } from 'jsonc-parser';
import { parseErrorWords } from '../text/jsonParseError';
import { LineIndex } from '../text/lineIndex';
import { PostmanImportError } from './errors';

const EXPORT_FIX = 'In Postman, use Export → Collection v2.1 (or Export on the environment) and import that JSON file.';

/** Postman v3 keeps a collection as a folder of YAML files (`.resources/definition.yaml`, one file per request). */
function looksLikeYaml(text: string): boolean {
  return /^(---|\$kind:|type:\s|[A-Za-z_$][\w$-]*:\s)/m.test(text.slice(0, 2000)) && !text.trimStart().startsWith('{');
}

/**
 * The JSON value of a collection or environment file, or a PostmanImportError that names the file and, for a
 * syntax error, its line and column. Strict JSON (Postman writes no comments): a truncated download is reported
 * as such rather than as whatever token happens to be missing.
 */
export function parseJsonFile(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trim()) throw new PostmanImportError(`${file} is empty.`, EXPORT_FIX);
  if (body.includes('\0')) throw new PostmanImportError(`${file} is a binary file, not a Postman JSON export.`, EXPORT_FIX);
  const start = body.trimStart()[0];
  if (start !== '{' && start !== '[') {
    const what = looksLikeYaml(body) ? 'YAML (a Postman v3 collection file?), not JSON' : 'not JSON';
    throw new PostmanImportError(`${file} is ${what}: Thredd imports Postman v2.0 / v2.1 JSON collections.`, EXPORT_FIX);
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length === 0) return value;
  const [first] = errors;
  const { line, column } = new LineIndex(body).positionAt(first.offset);
  // An error at the very end of the text means the file stops before its JSON does: a cut-off download or copy.
  const truncated = first.offset + first.length >= body.trimEnd().length;
  const what = truncated ? 'ends before its JSON is complete (the file looks truncated)' : `is not valid JSON (${parseErrorWords(first)})`;
  throw new PostmanImportError(`${file}:${line + 1}:${column + 1}: ${what}.`, truncated ? `Export it again. ${EXPORT_FIX}` : EXPORT_FIX);
}

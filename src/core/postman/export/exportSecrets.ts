import { isSecretName } from '../../requestFile/secrets';
import { isOnlyReference } from '../references';
import type { ExportScope } from './exportText';

const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

/** A variable name for a header's secret value: `X-Api-Key` → `x_api_key`. */
function variableFor(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_]+/g, '_');
}

/**
 * A header value as exported: a credential written literally in the .thredd file (Authorization, Cookie, or a
 * secret-named header such as X-Api-Key) becomes a `{{variable}}` declared with no value, keeping the scheme
 * (`Bearer {{authorization}}`). Values made only of variables are kept: they hold no secret themselves.
 */
export function exportHeaderValue(name: string, value: string, scope: ExportScope): string {
  const lower = name.toLowerCase();
  if (!CREDENTIAL_HEADERS.has(lower) && !isSecretName(name)) return value;
  const literal = value.replace(/\{\{[^{}]*\}\}/g, '').trim();
  if (literal === '' || /^(Bearer|Basic)$/i.test(literal)) return value;
  const variable = variableFor(name);
  scope.secretVariables.add(variable);
  const scheme = /^(Bearer|Basic|Digest)\s+/i.exec(value)?.[0];
  return lower.endsWith('authorization') && scheme ? `${scheme}{{${variable}}}` : `{{${variable}}}`;
}

/** A form field (urlencoded or form-data) whose name says secret and whose value is written out: `{{name}}` instead. */
export function exportFieldValue(key: string, value: string, scope: ExportScope): string {
  if (!isSecretName(key) || value === '' || isOnlyReference(value.trim())) return value;
  scope.secretVariables.add(key);
  return `{{${key}}}`;
}

/** In a JSON (or JSON-like) text, `"secretName": "literal"` becomes `"secretName": "{{secretName}}"`. */
export function exportJsonSecrets(text: string, scope: ExportScope): string {
  return text.replace(/"([^"\\]+)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g, (whole, key: string, colon: string, value: string) => {
    if (!isSecretName(key) || value === '' || isOnlyReference(value)) return whole;
    scope.secretVariables.add(key);
    return `"${key}"${colon}"{{${key}}}"`;
  });
}

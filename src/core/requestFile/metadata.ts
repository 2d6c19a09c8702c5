import { suggestionText } from '../text/suggest';
import { parseExpectationText } from './expect';
import { CompactRange, DiagnosticSink, skipSpaces, trimmedEnd } from './lines';
import { ParsedMetadataEntry } from './parsedItems';
import { REQUEST_NAME, scanReferences, truncate } from './references';
import type { MetadataEntry, RequestMetadata, TextRange, VariableReference } from './types';

/** Directives Thredd acts on, then REST Client's, which are recorded so `.http` files load without warnings. */
export const METADATA_KEYS = ['name', 'no-auth', 'env', 'timeout', 'expect', 'prompt', 'note', 'no-redirect', 'no-cookie-jar'] as const;

export const METADATA_DESCRIPTIONS: Readonly<Record<(typeof METADATA_KEYS)[number], string>> = {
  name: 'Names the request so others can use {{NAME.response.body.$.path}}.',
  'no-auth': 'Sends the request without the Authorization header.',
  env: 'Always sends this request with the named environment.',
  timeout: 'Gives up after this many milliseconds.',
  expect: 'Checks the response: status, header NAME, body [JSONPath] or duration, then an operator and a value.',
  prompt: 'REST Client: asks for a value before sending (recorded).',
  note: 'REST Client: asks for confirmation before sending (recorded).',
  'no-redirect': 'REST Client: does not follow redirects (Thredd never follows them unless asked).',
  'no-cookie-jar': 'REST Client: does not store cookies (Thredd keeps none).',
};

const KNOWN: ReadonlySet<string> = new Set(METADATA_KEYS);
const KNOWN_KEYS: ReadonlyMap<string, string> = new Map(METADATA_KEYS.map((key) => [key, key]));
const SUGGESTIONS = METADATA_KEYS.map((key) => '@' + key);

/** Most requests have no prompts and no unknown metadata: they share this frozen empty list. */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

export function emptyMetadata(entries: MetadataEntry[] = []): RequestMetadata {
  // Every field present from the start, so all metadata objects share one shape.
  return { name: undefined, nameRange: undefined, noAuth: false, env: undefined, timeout: undefined, expectations: NONE, prompts: NONE, entries, unknown: NONE };
}

/** Appends to a list that may still be the shared empty one. */
function append<T>(list: T[], item: T): T[] {
  if (list === NONE) return [item];
  list.push(item);
  return list;
}

/** True when a comment's text (after `#` or `//`) starts with `@` and a letter: a metadata line. */
export function isMetadataStart(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 64 /* @ */) return false;
  const next = text.charCodeAt(at + 1);
  return (next >= 65 && next <= 90) || (next >= 97 && next <= 122);
}

function isWordOrDash(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 45;
}

/** Reads the `@key value` starting at column `at` of a comment line. */
export function readMetadataEntry(text: string, line: number, at: number): ParsedMetadataEntry {
  let keyEnd = at + 1;
  while (keyEnd < text.length && isWordOrDash(text.charCodeAt(keyEnd))) keyEnd++;
  let valueStart = skipSpaces(text, keyEnd);
  if (text[valueStart] === '=') valueStart = skipSpaces(text, valueStart + 1);
  const end = trimmedEnd(text);
  const valueEnd = Math.max(valueStart, end);
  const key = text.slice(at + 1, keyEnd);
  // Known keys are shared strings rather than one copy per line.
  return new ParsedMetadataEntry(KNOWN_KEYS.get(key) ?? key, text.slice(valueStart, valueEnd), new CompactRange(line, at, line, Math.max(keyEnd, end)), valueStart);
}

export interface MetadataContext {
  sink: DiagnosticSink;
  /** `@name`s seen so far in the file, for duplicate detection. */
  names: Map<string, TextRange>;
  references: VariableReference[];
}

/** Where a bad value is reported: the value, or the whole line when there is none. Built only on demand. */
function whereOf(entry: ParsedMetadataEntry) {
  return entry.value ? entry.valueRange : entry.range;
}

/** Applies one metadata line to a request's metadata, reporting anything it cannot use. */
export function applyMetadata(metadata: RequestMetadata, entry: ParsedMetadataEntry, text: string, context: MetadataContext): void {
  const { sink } = context;
  metadata.entries.push(entry);
  const { key, value } = entry;
  const valueStart = entry.valueColumn;
  const line = entry.range.startLine;
  if (!KNOWN.has(key)) {
    metadata.unknown = append(metadata.unknown, entry);
    sink.add(entry.keyRange, 'warning', 'unknown-metadata', `Unknown metadata "@${truncate(key)}": ${suggestionText('@' + key, SUGGESTIONS)}`);
    return;
  }
  if (key !== 'name') {
    scanReferences(text, line, valueStart, valueStart + value.length, 'metadata', context.references, sink);
  }
  switch (key) {
    case 'name': {
      if (!REQUEST_NAME.test(value)) {
        const problem = value ? `"${truncate(value)}" is not a valid request name` : '@name needs a name';
        sink.add(whereOf(entry), 'error', 'bad-metadata-value', `${problem}: use letters, digits, _ and -, as in "# @name login".`);
        return;
      }
      const nameRange = entry.valueRange;
      const previous = context.names.get(value);
      if (previous) {
        sink.add(nameRange, 'error', 'duplicate-name', `Another request is already named "${value}" (line ${previous.start.line + 1}): {{${value}.response…}} would be ambiguous. Rename one of them.`);
      } else {
        context.names.set(value, nameRange);
      }
      metadata.name = value;
      metadata.nameRange = nameRange;
      return;
    }
    case 'no-auth':
    case 'no-redirect':
    case 'no-cookie-jar':
      if (key === 'no-auth') metadata.noAuth = true;
      if (value) sink.add(entry.valueRange, 'warning', 'bad-metadata-value', `@${key} takes no value; "${truncate(value)}" is ignored.`);
      return;
    case 'env':
      if (!value || /\s/.test(value)) sink.add(whereOf(entry), 'error', 'bad-metadata-value', '@env needs one environment name from thredd.json, as in "# @env uat".');
      else metadata.env = value;
      return;
    case 'timeout': {
      const match = /^(\d{1,9})\s*(ms|s)?$/.exec(value);
      const milliseconds = match ? Number(match[1]) * (match[2] === 's' ? 1000 : 1) : NaN;
      if (!(milliseconds > 0)) sink.add(whereOf(entry), 'error', 'bad-metadata-value', `@timeout needs a positive number of milliseconds, as in "# @timeout 5000", not "${truncate(value)}".`);
      else metadata.timeout = milliseconds;
      return;
    }
    case 'expect': {
      const parsed = parseExpectationText(value);
      if (parsed.ok) metadata.expectations = append(metadata.expectations, { subject: parsed.subject, operator: parsed.operator, value: parsed.value, text: value, range: entry.range });
      else sink.add(whereOf(entry), 'error', 'bad-expect', parsed.message);
      return;
    }
    case 'prompt': {
      const match = /^([A-Za-z_][\w.-]*)(?:\s+(.*))?$/.exec(value);
      if (!match) sink.add(whereOf(entry), 'error', 'bad-metadata-value', '@prompt needs a variable name and an optional description, as in "# @prompt otp One-time code".');
      else metadata.prompts = append(metadata.prompts, { name: match[1], description: match[2] || undefined, range: entry.range });
      return;
    }
    case 'note':
      return;
  }
}

import { parseExpectationText } from './expect';
import type { DiagnosticSink } from './lines';
import type { ParsedMetadataEntry } from './parsedItems';
import { REQUEST_NAME, truncate } from './references';
import { append } from './sharedLists';
import type { RequestMetadata, TextRange, VariableReference } from './types';

export interface MetadataContext {
  sink: DiagnosticSink;
  /**
   * Records a valid `@name` where it stands among the block's diagnostics. Whether another request already has
   * it is known only once the blocks above are read, so the file assembler reports duplicates (fileAssembler.ts).
   */
  declareName(value: string, range: TextRange): void;
  references: VariableReference[];
}

/** A value completion offers after `# @key `. */
export interface DirectiveValue {
  value: string;
  description: string;
}

/**
 * One `# @key value` directive. This table is the only list of them: the parser, completion, hover and
 * the README's directive table all read it, so a new directive (say `@ehi-sign`) is one entry here.
 */
export interface Directive {
  readonly key: string;
  /** One sentence, for completion, hover and the README. */
  readonly description: string;
  /** As written in a file, for the README. */
  readonly examples: readonly string[];
  /** `acts`: Thredd does what it says. `records`: REST Client's, parsed and kept so `.http` files load without warnings. */
  readonly effect: 'acts' | 'records';
  /** Written above the first request, it applies to every request of the file. Each entry says why it may or may not. */
  readonly fileLevel: boolean;
  /** Whether `{{...}}` in the value are variables (found, checked and resolved). */
  readonly variables: boolean;
  /** What completion inserts after `@` (snippet syntax), and what it suggests for the value: a list, or thredd.json's environments. */
  readonly completion: { readonly snippet: string; readonly values?: 'environments' | readonly DirectiveValue[] };
  /** Applies one line's value to the metadata, reporting what it cannot use. */
  parse(metadata: RequestMetadata, entry: ParsedMetadataEntry, context: MetadataContext): void;
  /** File-level directives: gives a request the file's value when it sets none itself (lists: adds the file's). */
  inherit?(request: RequestMetadata, file: RequestMetadata): void;
}

/** Where a bad value is reported: the value, or the whole line when there is none. Built only on demand. */
function whereOf(entry: ParsedMetadataEntry): TextRange {
  return entry.value ? entry.valueRange : entry.range;
}

function badValue(context: MetadataContext, entry: ParsedMetadataEntry, message: string): void {
  context.sink.add(whereOf(entry), 'error', 'bad-metadata-value', message);
}

/** A directive without a value (`# @no-auth`); `set` records it on the metadata. */
function flag(key: string, set?: (metadata: RequestMetadata) => void): Directive['parse'] {
  return (metadata, entry, context) => {
    set?.(metadata);
    if (!entry.value) return;
    context.sink.add(entry.valueRange, 'warning', 'bad-metadata-value', `@${key} takes no value; "${truncate(entry.value)}" is ignored.`);
  };
}

/** Lists inherit the file's entries first, then the request's own; an empty side shares the other's (frozen or read-only) list. */
function joined<T>(file: T[], own: T[]): T[] {
  if (file.length === 0) return own;
  return own.length === 0 ? file : [...file, ...own];
}

const SUBJECTS: readonly DirectiveValue[] = [
  { value: 'status', description: 'The HTTP status, as in "status 200" or "status != 500".' },
  { value: 'header', description: 'A response header, as in "header content-type contains json".' },
  { value: 'body', description: 'The body, or a JSONPath into it, as in "body $.items.length > 0".' },
  { value: 'duration', description: 'Milliseconds until the whole response arrived, as in "duration < 500".' },
];

export const DIRECTIVES: readonly Directive[] = [
  {
    key: 'name',
    description: 'Names the request so others can use {{NAME.response.body.$.path}}.',
    examples: ['# @name createCard'],
    effect: 'acts',
    // A name identifies one request: the same name on every request would make {{NAME.response…}} ambiguous.
    fileLevel: false,
    variables: false,
    completion: { snippet: 'name ${1:requestName}' },
    parse(metadata, entry, context) {
      const { value } = entry;
      if (!REQUEST_NAME.test(value)) {
        const problem = value ? `"${truncate(value)}" is not a valid request name` : '@name needs a name';
        badValue(context, entry, `${problem}: use letters, digits, _ and -, as in "# @name login".`);
        return;
      }
      const nameRange = entry.valueRange;
      context.declareName(value, nameRange);
      metadata.name = value;
      metadata.nameRange = nameRange;
    },
  },
  {
    key: 'no-auth',
    description: 'Sends the request without the Authorization header.',
    examples: ['# @no-auth'],
    effect: 'acts',
    // A file of public calls (a health check, a token endpoint probe) should not repeat it on every request.
    fileLevel: true,
    variables: true,
    completion: { snippet: 'no-auth' },
    parse: flag('no-auth', (metadata) => (metadata.noAuth = true)),
    inherit(request, file) {
      if (file.noAuth) request.noAuth = true;
    },
  },
  {
    key: 'ehi-sign',
    description: 'Sends it as Thredd sends EHI messages: X-Thredd-Signature over the exact body (sandbox EHI key), no token, no X-Region.',
    examples: ['# @ehi-sign'],
    effect: 'acts',
    // A file of EHI scenarios (one request per message type) is signed throughout.
    fileLevel: true,
    variables: false,
    completion: { snippet: 'ehi-sign' },
    parse: flag('ehi-sign', (metadata) => (metadata.ehiSign = true)),
    inherit(request, file) {
      if (file.ehiSign) request.ehiSign = true;
    },
  },
  {
    key: 'env',
    description: 'Always sends this request with the named environment.',
    examples: ['# @env uat-mtls'],
    effect: 'acts',
    // A file written for one environment (the sandbox samples) pins all its requests; a request's own @env wins.
    fileLevel: true,
    variables: true,
    completion: { snippet: 'env ', values: 'environments' },
    parse(metadata, entry, context) {
      if (entry.value && !/\s/.test(entry.value)) metadata.env = entry.value;
      else badValue(context, entry, '@env needs one environment name from thredd.json, as in "# @env uat".');
    },
    inherit(request, file) {
      request.env ??= file.env;
    },
  },
  {
    key: 'timeout',
    description: 'Gives up after this many milliseconds.',
    examples: ['# @timeout 5000'],
    effect: 'acts',
    // One budget for a file of calls to a slow endpoint; a request's own @timeout wins.
    fileLevel: true,
    variables: true,
    completion: { snippet: 'timeout ${1:5000}' },
    parse(metadata, entry, context) {
      const match = /^(\d{1,9})\s*(ms|s)?$/.exec(entry.value);
      const milliseconds = match ? Number(match[1]) * (match[2] === 's' ? 1000 : 1) : NaN;
      const example = '"# @timeout 5000"';
      if (milliseconds > 0) metadata.timeout = milliseconds;
      else badValue(context, entry, `@timeout needs a positive number of milliseconds, as in ${example}, not "${truncate(entry.value)}".`);
    },
    inherit(request, file) {
      request.timeout ??= file.timeout;
    },
  },
  {
    key: 'expect',
    description: 'Checks the response: status, header NAME, body [JSONPath] or duration, then an operator and a value.',
    examples: [
      '# @expect status 200',
      '# @expect header content-type contains json',
      '# @expect body $.items.length > 0',
      '# @expect duration < 500',
    ],
    effect: 'acts',
    // Checks every response of a file must pass (status < 500, duration < 200); each request's own are checked too.
    fileLevel: true,
    variables: true,
    completion: { snippet: 'expect ', values: SUBJECTS },
    parse(metadata, entry, context) {
      const parsed = parseExpectationText(entry.value);
      if (!parsed.ok) {
        context.sink.add(whereOf(entry), 'error', 'bad-expect', parsed.message);
        return;
      }
      const { subject, operator, value } = parsed;
      metadata.expectations = append(metadata.expectations, { subject, operator, value, text: entry.value, range: entry.range });
    },
    inherit(request, file) {
      request.expectations = joined(file.expectations, request.expectations);
    },
  },
  {
    key: 'prompt',
    description: 'REST Client: asks for a value before sending (recorded).',
    examples: ['# @prompt otp One-time code'],
    effect: 'records',
    // A prompt declares a variable, and variables may be declared for the whole file (as "@name = value" is);
    // before file-level directives existed a prompt above the first request was already accepted without a warning.
    fileLevel: true,
    variables: true,
    completion: { snippet: 'prompt ${1:variable} ${2:description}' },
    parse(metadata, entry, context) {
      const match = /^([A-Za-z_][\w.-]*)(?:\s+(.*))?$/.exec(entry.value);
      if (match) metadata.prompts = append(metadata.prompts, { name: match[1], description: match[2] || undefined, range: entry.range });
      else badValue(context, entry, '@prompt needs a variable name and an optional description, as in "# @prompt otp One-time code".');
    },
    inherit(request, file) {
      const own = new Set(request.prompts.map((prompt) => prompt.name));
      request.prompts = joined(
        file.prompts.filter((prompt) => !own.has(prompt.name)),
        request.prompts,
      );
    },
  },
  // REST Client reads the next three per request only and Thredd only records them: at file level they would do
  // nothing in either tool, so they are not allowed there.
  {
    key: 'note',
    description: 'REST Client: asks for confirmation before sending (recorded).',
    examples: ['# @note'],
    effect: 'records',
    fileLevel: false,
    variables: true,
    completion: { snippet: 'note' },
    parse() {},
  },
  {
    key: 'no-redirect',
    description: 'REST Client: does not follow redirects (Thredd never follows them unless asked).',
    examples: ['# @no-redirect'],
    effect: 'records',
    fileLevel: false,
    variables: true,
    completion: { snippet: 'no-redirect' },
    parse: flag('no-redirect'),
  },
  {
    key: 'no-cookie-jar',
    description: 'REST Client: does not store cookies (Thredd keeps none).',
    examples: ['# @no-cookie-jar'],
    effect: 'records',
    fileLevel: false,
    variables: true,
    completion: { snippet: 'no-cookie-jar' },
    parse: flag('no-cookie-jar'),
  },
];

/** Key → directive; the keys are the shared strings the parser interns metadata keys to. */
export const DIRECTIVE_BY_KEY: ReadonlyMap<string, Directive> = new Map(DIRECTIVES.map((directive) => [directive.key, directive]));

export type FileLevelDirective = Directive & Required<Pick<Directive, 'inherit'>>;

/** The directives that may apply to a whole file, in table order. */
export const FILE_LEVEL_DIRECTIVES: readonly FileLevelDirective[] = DIRECTIVES.filter(
  (directive): directive is FileLevelDirective => directive.fileLevel && directive.inherit !== undefined,
);

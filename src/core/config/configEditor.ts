import { applyEdits, modify, parse, type ParseError } from 'jsonc-parser';
import { UserError } from '../errors/userError';

/** thredd.json cannot be edited (it is not valid JSON, or a section is not an object). */
export class ConfigEditError extends UserError {
  static override readonly kind: string = 'ConfigEditError';
}

export type ConfigSection = 'environments' | 'applications';
export type ConfigEditAction = 'added' | 'replaced' | 'skipped';

/** What one edit did, for reports ("added environment uat", "kept application app: exists"). */
export interface ConfigChange {
  path: [ConfigSection, string] | ['defaultEnvironment'];
  action: ConfigEditAction;
}

export interface OpenOptions {
  /** The text of a new file, when there is none yet. */
  skeleton?: string;
  /** The end of the "not valid JSON" message: what cannot be done. */
  purpose?: string;
}

const NEW_FILE = '{\n  "environments": {},\n  "applications": {}\n}\n';
const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Edits thredd.json text in place with jsonc-parser, so the user's comments, formatting and other entries stay
 * as they are (nothing is re-serialised). Entries are added only where absent unless forced, and every edit is
 * recorded in `changes`. The one editor for every writer of thredd.json: Add Environment, sandbox init and
 * importers.
 */
export class ConfigEditor {
  readonly changes: ConfigChange[] = [];

  private constructor(
    private content: string,
    private readonly value: JsonObject,
    readonly file: string,
  ) {}

  /** Opens `text` (undefined: a new file from the skeleton); refuses text that is not a JSON object. */
  static open(text: string | undefined, file: string, options: OpenOptions = {}): ConfigEditor {
    const content = text ?? options.skeleton ?? NEW_FILE;
    const errors: ParseError[] = [];
    const value: unknown = parse(content, errors, { allowTrailingComma: true });
    if (errors.length > 0 || !isObject(value)) {
      const message = `${file} is not valid JSON, so ${options.purpose ?? 'it cannot be edited'}.`;
      throw new ConfigEditError(message, 'Fix the file (the Problems view shows where), then try again.');
    }
    return new ConfigEditor(content, value, file);
  }

  /** The edited text. */
  get text(): string {
    return this.content;
  }

  /** The entry names of a section, as the text has them now. */
  names(section: ConfigSection): string[] {
    const entries = this.value[section];
    return isObject(entries) ? Object.keys(entries) : [];
  }

  has(section: ConfigSection, name: string): boolean {
    const entries = this.value[section];
    return isObject(entries) && Object.prototype.hasOwnProperty.call(entries, name);
  }

  /** Adds `entry` as `section.name`; an existing entry is kept (skipped) unless `force` replaces it. */
  set(section: ConfigSection, name: string, entry: unknown, options: { force?: boolean } = {}): ConfigEditAction {
    const entries = this.value[section];
    if (entries !== undefined && !isObject(entries)) {
      const message = `"${section}" in ${this.file} is not an object, so "${name}" cannot be added to it.`;
      throw new ConfigEditError(message, `Make "${section}" an object of named entries, as in { "${name}": { … } }.`);
    }
    const action = this.has(section, name) ? (options.force ? 'replaced' : 'skipped') : 'added';
    if (action !== 'skipped') {
      this.write([section, name], entry);
      this.value[section] = { ...(entries ?? {}), [name]: entry };
    }
    this.changes.push({ path: [section, name], action });
    return action;
  }

  get defaultEnvironment(): unknown {
    return this.value.defaultEnvironment;
  }

  /** Sets `defaultEnvironment` when it is missing or names no environment; `force` sets it whatever it is. */
  setDefaultEnvironment(name: string, options: { force?: boolean } = {}): ConfigEditAction {
    const current = this.value.defaultEnvironment;
    const valid = typeof current === 'string' && this.has('environments', current);
    const action = current === undefined ? 'added' : valid && !options.force ? 'skipped' : 'replaced';
    if (action !== 'skipped') {
      this.write(['defaultEnvironment'], name);
      this.value.defaultEnvironment = name;
    }
    this.changes.push({ path: ['defaultEnvironment'], action });
    return action;
  }

  private write(path: string[], value: unknown): void {
    this.content = applyEdits(this.content, modify(this.content, path, value, FORMAT));
  }
}

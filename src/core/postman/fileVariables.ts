import type { DraftVariable } from '../requestFile/draft';
import { isSecretName } from '../requestFile/secrets';
import type { PostmanVariable } from './model';
import { environmentVariableName, variableName } from './names';

/** Secrets the import keeps out of every file: each becomes a process environment variable the user sets. */
export class SecretNames {
  readonly names = new Set<string>();

  /** `{{$processEnv NAME}}` for a file, `${env:NAME}` for thredd.json (see `reference`). */
  take(name: string): string {
    const env = environmentVariableName(name);
    this.names.add(env);
    return env;
  }
}

/** A value that must not be written: Postman marked it secret, or its name says it is a credential and it has a value. */
export function isSecretVariable(variable: Pick<PostmanVariable, 'key' | 'value' | 'secret'>): boolean {
  return variable.secret || (isSecretName(variable.key) && variable.value !== '');
}

/**
 * The `@name = value` lines of one `.thredd` file. Every request in a file shares them, so a name asked for again
 * with another value (two requests with different `:id` values) gets a new name (`id_2`) for that request.
 */
export class FileVariables {
  readonly entries: DraftVariable[] = [];
  private readonly values = new Map<string, string>();

  constructor(private readonly secrets: SecretNames) {}

  /** Defines `name` (made safe) with `value`; returns the name the file uses for it. */
  define(name: string, value: string): string {
    const base = variableName(name);
    for (let count = 1; ; count++) {
      const candidate = count === 1 ? base : `${base}_${count}`;
      const existing = this.values.get(candidate);
      if (existing === value) return candidate;
      if (existing === undefined) {
        this.values.set(candidate, value);
        this.entries.push({ name: candidate, value });
        return candidate;
      }
    }
  }

  /** A Postman variable: a secret one refers to a process environment variable instead of holding its value. */
  defineVariable(variable: PostmanVariable): string {
    const value = isSecretVariable(variable) ? `{{$processEnv ${this.secrets.take(variable.key)}}}` : oneLineValue(variable.value);
    return this.define(variable.key, value);
  }

  has(name: string): boolean {
    return this.values.has(variableName(name));
  }
}

/** File variable values are one line: Postman allows more (a pasted PEM); joined with \n escapes is not what it sends, so spaces. */
function oneLineValue(value: string): string {
  return value.replace(/\r?\n/g, ' ').trim();
}

/** What the resolver needs from its caller, and what it gives back. */
import type { TextRange } from './types';

/** The active environment's values, as a plain object (built from thredd.json by the caller). */
export interface EnvironmentValues {
  name?: string;
  baseUrl?: string;
  region?: string;
  clientId?: string;
  /** The environment's `variables`; they win over baseUrl/region/clientId of the same name. */
  variables?: Readonly<Record<string, string>>;
}

export type HeaderValues = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A named request's last exchange, kept by the runner for `{{NAME.response…}}` / `{{NAME.request…}}`. */
export interface StoredExchange {
  status: number;
  headers: HeaderValues;
  bodyText: string;
  request?: { headers: HeaderValues; bodyText?: string };
}

export interface ResolveContext {
  environment?: EnvironmentValues;
  /** False in untrusted workspaces: `$processEnv` and `$dotenv` then stay unresolved, with the reason. */
  allowEnv: boolean;
  /** Absolute path of the request file: body files and `.env` are found relative to it. */
  filePath?: string;
  /** The `.env` search stops at this folder. */
  workspaceRoot?: string;
  /** Defaults to `process.env`. */
  processEnv?: Readonly<Record<string, string | undefined>>;
  /** The stored exchange of a named request, or undefined when it has not run yet. */
  responseOf?: (name: string) => StoredExchange | undefined;
  /** Values the user typed for `# @prompt` variables. */
  promptValues?: Readonly<Record<string, string>>;
  /**
   * Values given for this run (`thredd run --var`, a row of `--data`): they win over file variables and the
   * environment, as data and command-line values win over collection and environment values in newman.
   */
  runVariables?: Readonly<Record<string, string>>;
  /** Reads a text file or returns undefined (for `.env`); defaults to the file system. */
  readTextFile?: (path: string) => string | undefined;
  /** Clock for `$timestamp` and friends; defaults to now. */
  now?: () => Date;
}

/** A reference left as written, with why. `range` is absent inside `<@` body files. */
export interface Unresolved {
  name: string;
  range?: TextRange;
  reason: string;
}

/** A secret that went into the request: redact `value` wherever the request is shown or stored. */
export interface SecretUse {
  name: string;
  value: string;
}

export type ResolvedBodyPart =
  { kind: 'text'; text: string } | { kind: 'file'; path: string; processVariables: boolean; encoding?: string };

export type ResolvedBody =
  | ResolvedBodyPart
  /** Text and files interleaved (multipart); joined with `lineBreak`. */
  | { kind: 'mixed'; parts: ResolvedBodyPart[]; lineBreak: string };

export interface ResolvedHeader {
  name: string;
  value: string;
}

export interface ResolvedRequest {
  name?: string;
  method: string;
  url: string;
  httpVersion?: string;
  headers: ResolvedHeader[];
  body?: ResolvedBody;
}

export interface ResolveResult {
  request: ResolvedRequest;
  /** References that cannot be resolved however often the caller retries. */
  unresolved: Unresolved[];
  /** Named requests that must run first (no stored response yet); resolve again afterwards. */
  needs: string[];
  secretsUsed: SecretUse[];
}

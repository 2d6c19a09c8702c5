/** What the request runner takes and gives back. Results are plain data (JSON-safe except `body.bytes`). */
import type { CertificateBinding } from '../auth/accessTokenClaims';
import type { ThreddConfig } from '../config/types';
import type { HttpErrorKind } from '../http/httpError';
import type { CertificateSummary, HttpHeaders, HttpTimings, ResponseBody, RouteFacts, TlsFacts } from '../http/types';
import type { ResolvedBody, ResolvedHeader } from '../requestFile/resolveTypes';
import type { ResponseStore } from './responseStore';

/** Where and how one run happens: the caller (VS Code, the CLI) owns the store and the signal. */
export interface RunContext {
  /** Absolute path of the request file: body files and `.env` are found relative to it. */
  filePath: string;
  /** thredd.json; without it requests go out as written (absolute URLs), with no token and no X-Region. */
  config?: ThreddConfig;
  /** The active environment's name; a request's `# @env NAME` wins. Default: the config's defaultEnvironment. */
  environment?: string;
  /** Named responses for `{{NAME.response…}}`; keep one per file. */
  store: ResponseStore;
  signal?: AbortSignal;
  /** False in untrusted workspaces: `$processEnv`/`$dotenv` stay unresolved. Default true. */
  allowEnv?: boolean;
  workspaceRoot?: string;
  processEnv?: Readonly<Record<string, string | undefined>>;
  promptValues?: Readonly<Record<string, string>>;
  /** Values given for this run (`--var`, a `--data` row): above file variables and the environment (see ResolveContext). */
  runVariables?: Readonly<Record<string, string>>;
  /** Called as each request finishes, including named requests run first for a chained value. */
  onResult?: (result: RunResult) => void;
}

export type RunErrorKind =
  | HttpErrorKind
  /** The request's `# @timeout` passed before the whole answer arrived, or (default timeout) no headers / a body silence that long. */
  | 'timeout'
  /** The request has parse errors; `diagnostics` lists them. */
  | 'parse'
  /** Variables that cannot be resolved; `unresolved` lists them. */
  | 'unresolved'
  | 'environment'
  | 'token'
  | 'tls-config'
  | 'body-file'
  /** `# @ehi-sign` could not load the EHI signing key. */
  | 'ehi-sign'
  /** A named request this one reads from failed or could not run. */
  | 'dependency'
  | 'dependency-cycle'
  | 'no-request';

/** Why a request has no (usable) response, in plain words, with the next step. Never thrown: returned. */
export interface RunError {
  kind: RunErrorKind;
  message: string;
  /** What to do next. */
  explanation: string;
  /** Low-level code for logs (ECONNREFUSED, ERR_SSL_…, an OAuth error code). */
  detail?: string;
  diagnostics?: { line: number; column: number; message: string }[];
  unresolved?: { name: string; reason: string }[];
  /** The server's certificates when the failure was about them. */
  serverChain?: CertificateSummary[];
}

/** The request as it went out (or would go out), secrets masked: Authorization is `<scheme> ••••••`. */
export interface SentRequest {
  method: string;
  url: string;
  headers: ResolvedHeader[];
  body?: SentBody;
}

export interface SentBody {
  /** Text preview (masked), or a description such as "<2048 bytes of binary data>". */
  preview: string;
  size: number;
  binary: boolean;
  /** The preview stops before the end of the body. */
  truncated: boolean;
  /** The resolved body with text parts masked and files as paths: for "Copy as cURL". */
  source: ResolvedBody;
}

export interface ReceivedResponse {
  status: number;
  statusText: string;
  /** The access token is masked if the server echoes it. */
  headers: HttpHeaders;
  /** The media type without parameters, lower case (`application/json`). */
  contentType?: string;
  /** The charset used to decode `text`. */
  charset?: string;
  size: number;
  /** In memory, or a file on disk for bodies over the in-memory limit (delete it with releaseResult). */
  body: ResponseBody;
  /** Decoded text when the body is textual; only the first `maxInMemoryBytes` when `truncated`. */
  text?: string;
  /** True when the body is larger than the in-memory limit: the whole of it is in `body.path`. */
  truncated: boolean;
  /** The URL that answered (differs after redirects were followed). */
  url: string;
  redirects: string[];
}

/** What the user may see of the token sent: never the token itself. */
export interface TokenInfo {
  environment: string;
  application: string;
  tokenType: string;
  scope?: string;
  fromCache: boolean;
  obtainedAt: string;
  expiresAt: string;
  /** Seconds left when the request was sent. */
  expiresInSeconds: number;
  claims?: { header: Record<string, unknown>; payload: Record<string, unknown> };
  /** RFC 8705: the token's cnf.x5t#S256 against the client certificate presented on this request's connection. */
  binding?: CertificateBinding;
}

export interface ExpectationOutcome {
  /** As written after `@expect`. */
  text: string;
  /** Zero-based line of the `# @expect`. */
  line: number;
  passed: boolean;
  actual?: string;
  /** `status == 200` or `expected status == 200, got 404`. */
  message: string;
}

export interface RunResult {
  /** Unique per run, for history and panels. */
  id: string;
  filePath: string;
  requestIndex: number;
  name?: string;
  title?: string;
  environment?: string;
  /** ISO time the request started (after its dependencies). */
  startedAt: string;
  /** Absent when the request was refused before it could be resolved. */
  request?: SentRequest;
  response?: ReceivedResponse;
  timings?: HttpTimings;
  tls?: TlsFacts;
  /** Direct, or through which proxy (no credentials). */
  route?: RouteFacts;
  token?: TokenInfo;
  expectations: ExpectationOutcome[];
  warnings: string[];
  error?: RunError;
  /** Wall-clock milliseconds of this request (token included, dependencies not); 0 when refused before sending. */
  durationMs?: number;
  /** Named requests sent first because this one reads their responses. */
  dependencies: string[];
  /** A response arrived and every expectation passed. */
  ok: boolean;
}

/** A request resolved but not sent (`--dry-run`, previews): masked like a SentRequest. */
export interface PlannedRequest {
  requestIndex: number;
  name?: string;
  title?: string;
  environment?: string;
  request?: SentRequest;
  /** Chained values left as written because their request has not run. */
  pendingChains: string[];
  warnings: string[];
  error?: RunError;
}

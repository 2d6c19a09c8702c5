import type { CachedToken } from '../auth/tokenCache';
import type { EhiSigningKey } from '../ehi/signingKeySource';
import { EHI_SIGNATURE_HEADER, signEhiBody } from '../ehi/signature';
import type { ResolvedHeader, SecretUse } from '../requestFile/resolveTypes';
import { MASK } from '../requestFile/secrets';
import type { Prepared } from './prepareRequest';
import { ehiSigningError, tokenError } from './runErrors';
import type { RunError } from './types';

/**
 * `plan` (dry runs, Copy as cURL) shows what would be added and never fetches a token; `send` fetches what it
 * needs through these functions, within the request's deadline.
 */
export type FinalizeOptions = { mode: 'plan' } | { mode: 'send'; token(): Promise<CachedToken>; ehiSigningKey(): Promise<EhiSigningKey> };

/** Why a step stopped the request: nothing may be sent. */
export interface StepFailure {
  error: RunError;
  /** The server the step was waiting for, so that a passed `# @timeout` is reported as a timeout of that phase instead. */
  waitingFor?: { url: string; phase: 'token' };
}

/** The request's final headers and what came with them. */
export interface FinalizedRequest {
  headers: ResolvedHeader[];
  /** Every secret value in the request (its secret variables, the token): masked wherever it is shown. */
  secrets: SecretUse[];
  warnings: string[];
  /** The token sent (send mode only). */
  token?: CachedToken;
  /** Set when a step failed; `headers` are then those the steps before it added. */
  failure?: StepFailure;
}

/** One rule that completes a request. Each is written once and so applies alike to sending, dry runs and Copy as cURL. */
type StepOutcome = StepFailure | void;
type FinalizeStep = (request: FinalizedRequest, prepared: Prepared, options: FinalizeOptions) => StepOutcome | Promise<StepOutcome>;

function hasHeader(request: FinalizedRequest, name: string): boolean {
  return request.headers.some((header) => header.name.toLowerCase() === name);
}

/** Every API Hub call needs X-Region (Connecting to Thredd guide): the environment's, unless the file sets one. */
const regionDefault: FinalizeStep = (request, { target, request: parsed }) => {
  // Thredd's EHI POSTs carry no X-Region: `# @ehi-sign` requests go to the user's endpoint as Thredd sends them.
  if (target.environment && !parsed.metadata.ehiSign && !hasHeader(request, 'x-region'))
    request.headers.push({ name: 'X-Region', value: target.environment.region });
};

/**
 * The environment application's token as `Authorization`, unless the request has `# @no-auth` or writes its own.
 * Plans show its place masked; sending fetches it (cached by the token source).
 */
const bearerToken: FinalizeStep = async (request, { target, request: parsed }, options) => {
  const { environment, application } = target;
  if (!environment || !application || parsed.metadata.noAuth || parsed.metadata.ehiSign || hasHeader(request, 'authorization')) return;
  if (options.mode === 'plan') {
    request.headers.push({ name: 'Authorization', value: `Bearer ${MASK}` });
    return;
  }
  let token: CachedToken;
  try {
    token = await options.token();
  } catch (error) {
    const waitingFor = { url: environment.tokenUrl ?? '', phase: 'token' as const };
    return { error: tokenError(error, application.name, environment.name), waitingFor };
  }
  // RFC 6750 §2.1: the scheme is case-insensitive; servers answer "bearer" as often as "Bearer".
  const scheme = /^bearer$/i.test(token.tokenType) ? 'Bearer' : token.tokenType;
  request.headers.push({ name: 'Authorization', value: `${scheme} ${token.accessToken}` });
  request.secrets.push({ name: 'access token', value: token.accessToken });
  request.warnings.push(...token.warnings);
  request.token = token;
};

/**
 * `# @ehi-sign`: X-Thredd-Signature over the exact body bytes, as Thredd signs EHI messages (EHI TLS and signed
 * payloads page, step 4), with the sandbox's EHI signing key. Plans show the header masked without loading the key.
 */
const ehiSignature: FinalizeStep = async (request, prepared, options) => {
  if (!prepared.request.metadata.ehiSign) return;
  if (options.mode === 'plan') {
    request.headers.push({ name: EHI_SIGNATURE_HEADER, value: `k=${MASK}, s=${MASK}` });
    return;
  }
  let signing: EhiSigningKey;
  try {
    signing = await options.ehiSigningKey();
  } catch (error) {
    return { error: ehiSigningError(error) };
  }
  request.headers.push({ name: EHI_SIGNATURE_HEADER, value: signEhiBody(prepared.body ?? Buffer.alloc(0), signing.key, signing.kid) });
};

/** In order: a later step (signing a body, say) sees the headers the earlier ones added. */
const STEPS: readonly FinalizeStep[] = [regionDefault, bearerToken, ehiSignature];

/**
 * The request as it goes out (or would): its resolved headers completed by each step in turn. The one place
 * for rules that add to every request, so sending, dry runs and Copy as cURL can never disagree.
 */
export async function finalizeRequest(prepared: Prepared, options: FinalizeOptions): Promise<FinalizedRequest> {
  const request: FinalizedRequest = { headers: [...prepared.resolved.headers], secrets: [...prepared.secretsUsed], warnings: [] };
  for (const step of STEPS) {
    const failure = await step(request, prepared, options);
    if (failure) return { ...request, failure };
  }
  return request;
}

import type { ReceivedResponse } from './types';

/**
 * What a problem-details answer (RFC 7807; Thredd's ProblemDetails and ValidationProblemDetails) says, for
 * the top of the response view. Every member is optional, as in the RFC.
 */
export interface ProblemSummary {
  title?: string;
  /** The status the body repeats; the view falls back to the response's own. */
  status?: number;
  detail?: string;
  instance?: string;
  /** W3C-shaped on Thredd (00-<32 hex>-<16 hex>-00): what Thredd support asks for. */
  traceId?: string;
  /** The fields at fault with their messages, in the body's order; business rules come under `Messages`. */
  errors: FieldProblem[];
  /** Fields past MAX_FIELDS, left to the body below. */
  moreFields: number;
}

export interface FieldProblem {
  /** As the server names it: `cardHolder.dateOfBirth`, `Messages`, or '' for the body itself. */
  field: string;
  messages: string[];
}

/** A summary, not a second copy of the body: a hostile answer with thousands of fields stays readable. */
export const MAX_FIELDS = 50;

const PROBLEM_JSON = 'application/problem+json';
/** Members that, beside status and title, tell a problem from an answer that happens to have those two. */
const MARKERS = ['type', 'errors', 'traceId'];

/** The parts of a ReceivedResponse read here. */
type AnswerText = Partial<Pick<ReceivedResponse, 'contentType' | 'text' | 'truncated'>>;

/**
 * The problem details of an answer, or undefined when it is not one. It is one when it says so (content type
 * application/problem+json, RFC 7807 §3) or when a JSON object has the members that mark one: `status` and
 * `title`, and one of `type`, `errors` and `traceId` (servers that send problems as plain application/json).
 * Bodies are untrusted: members of the wrong type are ignored, and nothing here throws.
 */
export function problemDetailsOf(response: AnswerText | undefined): ProblemSummary | undefined {
  if (!response?.text || response.truncated) return undefined;
  const declared = response.contentType === PROBLEM_JSON;
  if (!declared && !/^\s*\{/.test(response.text)) return undefined;
  const body = parseObject(response.text);
  if (!body) return undefined;
  const marked = typeof body.status === 'number' && typeof body.title === 'string' && MARKERS.some((key) => key in body);
  if (!declared && !marked) return undefined;
  const [errors, moreFields] = fieldProblems(body.errors);
  const summary: ProblemSummary = {
    title: text(body.title),
    status: typeof body.status === 'number' && Number.isInteger(body.status) ? body.status : undefined,
    detail: text(body.detail),
    instance: text(body.instance),
    traceId: text(body.traceId),
    errors,
    moreFields,
  };
  const saysSomething = summary.title ?? summary.detail ?? summary.traceId ?? (errors.length > 0 || undefined);
  return saysSomething === undefined ? undefined : summary;
}

function parseObject(json: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** `errors` as ASP.NET Core writes it, field to messages; a lone message string is taken as a list of one. */
function fieldProblems(errors: unknown): [FieldProblem[], number] {
  if (errors === null || typeof errors !== 'object' || Array.isArray(errors)) return [[], 0];
  const problems: FieldProblem[] = [];
  for (const [field, value] of Object.entries(errors)) {
    const messages = (Array.isArray(value) ? value : [value]).map(text).filter((message): message is string => message !== undefined);
    if (messages.length > 0) problems.push({ field, messages });
  }
  return [problems.slice(0, MAX_FIELDS), Math.max(0, problems.length - MAX_FIELDS)];
}

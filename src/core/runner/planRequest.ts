import type { ParsedRequestFile } from '../requestFile/types';
import { isRunError } from './environments';
import { finalizeRequest } from './finalizeRequest';
import { prepareRequest } from './prepareRequest';
import { redactRequest } from './redact';
import { unresolvedError } from './runErrors';
import type { PlannedRequest, RunContext } from './types';

/**
 * The request as the runner would send it, without sending anything: no token is fetched (its place is
 * shown masked) and chained values of requests that have not run stay as written.
 */
export async function planRequest(file: ParsedRequestFile, index: number, context: RunContext): Promise<PlannedRequest> {
  const request = file.requests[index];
  if (!request) {
    return {
      requestIndex: index,
      pendingChains: [],
      warnings: [],
      error: {
        kind: 'no-request',
        message: `There is no request ${index + 1} in ${context.filePath}.`,
        explanation: 'The file changed; run again.',
      },
    };
  }
  const base = { requestIndex: index, name: request.name, title: request.title };
  const prepared = await prepareRequest(file, request, context);
  if (isRunError(prepared)) return { ...base, pendingChains: [], warnings: [], error: prepared };
  const { target, resolved } = prepared;
  const { headers, secrets, warnings } = await finalizeRequest(prepared, { mode: 'plan' });
  warnings.unshift(...prepared.needs.map((name) => `{{${name}.…}} is left as written: "${name}" is not sent in a dry run.`));
  return {
    ...base,
    environment: target.environment?.name,
    request: redactRequest({ ...resolved, headers }, prepared.body, secrets),
    pendingChains: prepared.needs,
    warnings,
    error: prepared.unresolved.length > 0 ? unresolvedError(prepared.unresolved) : undefined,
  };
}

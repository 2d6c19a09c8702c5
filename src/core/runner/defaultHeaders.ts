import type { Application, Environment } from '../config/types';
import type { ResolvedHeader } from '../requestFile/resolveTypes';
import type { Prepared } from './prepareRequest';

/**
 * The request's headers plus X-Region from the environment when the file sets none (every API Hub
 * call needs it, Connecting to Thredd guide), and whether the environment's token belongs in it:
 * an application, no `# @no-auth`, and no Authorization written in the file. Sending and dry runs
 * (plans, Copy as cURL) share this rule.
 */
export function withDefaultHeaders(prepared: Prepared): { headers: ResolvedHeader[]; tokenFor?: { environment: Environment; application: Application } } {
  const { target, resolved, request } = prepared;
  const { environment, application } = target;
  const headers: ResolvedHeader[] = [...resolved.headers];
  const has = (name: string) => headers.some((header) => header.name.toLowerCase() === name);
  if (environment && !has('x-region')) headers.push({ name: 'X-Region', value: environment.region });
  const wantsToken = environment && application && !request.metadata.noAuth && !has('authorization');
  return { headers, tokenFor: wantsToken ? { environment, application } : undefined };
}

import { readResolvedBody } from '../requestFile/bodyFile';
import { resolveRequest, resolveText } from '../requestFile/resolveRequest';
import type { ResolveContext, ResolvedRequest, SecretUse, Unresolved } from '../requestFile/resolveTypes';
import type { ParsedRequest, ParsedRequestFile } from '../requestFile/types';
import { chooseEnvironment, environmentValues, isRunError, type Target } from './environments';
import { parseErrors, runErrorFrom } from './runErrors';
import type { RunContext, RunError } from './types';

/** A request with its variables substituted and its body read: everything but the token. */
export interface Prepared {
  request: ParsedRequest;
  target: Target;
  resolved: ResolvedRequest;
  body?: Buffer;
  secretsUsed: SecretUse[];
  /** Named requests whose responses are still missing (run them, then prepare again). */
  needs: string[];
  unresolved: Unresolved[];
  /** Each `# @expect` value with its variables substituted (undefined for `exists`). */
  expectationValues: (string | undefined)[];
}

export function resolveContextOf(context: RunContext, target: Target): ResolveContext & { filePath: string } {
  return {
    environment: environmentValues(target),
    allowEnv: context.allowEnv ?? true,
    filePath: context.filePath,
    workspaceRoot: context.workspaceRoot,
    processEnv: context.processEnv,
    responseOf: context.store.responseOf,
    promptValues: context.promptValues,
    runVariables: context.runVariables,
  };
}

const views = new WeakMap<ParsedRequestFile, ParsedRequestFile>();

/**
 * The file as the resolver needs it: its variables and only its named requests. The resolver collects
 * request names on every call, so with the whole file each request of a Send All would cost O(file)
 * (3000 requests: 0.3 s of the run); with only the named ones it is O(named requests).
 */
function resolutionView(file: ParsedRequestFile): ParsedRequestFile {
  let view = views.get(file);
  if (!view) {
    view = { ...file, requests: file.requests.filter((request) => request.name !== undefined) };
    views.set(file, view);
  }
  return view;
}

/** Resolves one request against its environment; refuses it (a RunError) for parse errors or a bad environment. */
export async function prepareRequest(whole: ParsedRequestFile, request: ParsedRequest, context: RunContext): Promise<Prepared | RunError> {
  const file = resolutionView(whole);
  const refused = parseErrors(request);
  if (refused) return refused;
  const target = chooseEnvironment(context.config, request.metadata.env, context.environment);
  if (isRunError(target)) return target;
  const resolveContext = resolveContextOf(context, target);
  const result = resolveRequest(file, request, resolveContext);
  const needs = new Set(result.needs);
  const unresolved = [...result.unresolved];
  const secretsUsed = [...result.secretsUsed];

  const expectationValues = request.metadata.expectations.map((expectation) => {
    if (expectation.value === undefined || !expectation.value.includes('{{')) return expectation.value;
    const text = resolveText(file, expectation.value, resolveContext, request, expectation.range.start);
    text.needs.forEach((name) => needs.add(name));
    unresolved.push(...text.unresolved);
    secretsUsed.push(...text.secretsUsed);
    return text.value;
  });

  let body: Buffer | undefined;
  if (result.request.body) {
    try {
      const content = await readResolvedBody(file, request, result.request.body, resolveContext);
      content.needs.forEach((name) => needs.add(name));
      unresolved.push(...content.unresolved);
      secretsUsed.push(...content.secretsUsed);
      body = content.data;
    } catch (error) {
      return runErrorFrom(error);
    }
  }
  return { request, target, resolved: result.request, body, secretsUsed, needs: [...needs], unresolved, expectationValues };
}
